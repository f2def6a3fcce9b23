/// How problems without matrices get travel times: VROOM would ask a routing engine (OSRM);
/// offline we take the great-circle distance between coordinates times a detour factor,
/// driven at a fixed speed.
public struct CoordinateTravel: Sendable, Equatable {
  /// Average speed in km/h.
  public var speedKmh: Double
  /// Road distance over great-circle distance.
  public var detourFactor: Double

  /// Creates the model; the defaults suit a Chinese city by truck.
  public init(speedKmh: Double = 30, detourFactor: Double = 1.3) {
    self.speedKmh = speedKmh
    self.detourFactor = detourFactor
  }
}

/// Reads VROOM's JSON problem format into a ``DispatchProblem``, refusing unknown fields,
/// wrong types, negative amounts, inverted windows and jobs no vehicle can serve, each with
/// the JSON pointer of the field and the rule.
///
/// Freightdesk additions (all optional): per vehicle `max_duration` (seconds from leaving to
/// arriving), `max_trips` and `reload_duration` (several trips with reloads at the start);
/// top level `freightdesk`: `{"speed_kmh", "detour_factor", "utc_offset",
/// "congestion": {"<profile>": [24 hourly factors]}}`.
public enum VROOMProblemReader {
  /// Reads `bytes`; `coordinates` applies when the problem has no matrices.
  public static func read(_ bytes: [UInt8], coordinates: CoordinateTravel = CoordinateTravel())
    throws(VROOMInputError) -> DispatchProblem
  {
    let root: JSONNode
    do {
      root = try JSONReader.parse(bytes)
    } catch {
      throw VROOMInputError(
        pointer: "", code: "json_invalid",
        message: "not well-formed JSON: expected \(error.expected) at byte \(error.offset)")
    }
    let top = try JSONFields(
      root, at: "", allowed: ["jobs", "shipments", "vehicles", "matrices", "matrix", "freightdesk"])
    var places = PlaceTable()
    let jobs = try list(top, "jobs") { item, at throws(VROOMInputError) in
      try readJob(item, at: at, &places)
    }
    let shipments = try list(top, "shipments") { item, at throws(VROOMInputError) in
      try readShipment(item, at: at, &places)
    }
    let vehicles = try list(top, "vehicles") { item, at throws(VROOMInputError) in
      try readVehicle(item, at: at, &places)
    }
    let travel = try readTravel(top, places, vehicles, coordinates)
    let problem = DispatchProblem(
      jobs: jobs, shipments: shipments, vehicles: vehicles, travel: travel)
    do {
      try DispatchSolver.validate(problem)
    } catch {
      throw VROOMInputError(error)
    }
    return problem
  }

  /// Reads the file at `path`.
  public static func read(path: String, coordinates: CoordinateTravel = CoordinateTravel())
    throws(VROOMInputError) -> DispatchProblem
  {
    let bytes: [UInt8]
    do {
      bytes = try FileText.bytes(path)
    } catch {
      throw VROOMInputError(pointer: "", code: "file_unreadable", message: error.description)
    }
    return try read(bytes, coordinates: coordinates)
  }

  private static func list<T>(
    _ top: JSONFields, _ key: String, _ read: (JSONNode, String) throws(VROOMInputError) -> T
  ) throws(VROOMInputError) -> [T] {
    var result: [T] = []
    for (index, item) in (try top.array(key) ?? []).enumerated() {
      result.append(try read(item, "/\(key)/\(index)"))
    }
    return result
  }

  static let stopFields: Set<String> = [
    "id", "location", "location_index", "setup", "service", "time_windows", "description",
  ]

  private static func readStop(_ fields: JSONFields, _ places: inout PlaceTable)
    throws(VROOMInputError) -> DispatchStop
  {
    guard let id = try fields.integer("id") else {
      throw fields.failure("id", "is required", code: "field_missing")
    }
    _ = try fields.string("description")
    return DispatchStop(
      id: id, location: try places.place(fields, "location", "location_index", required: true) ?? 0,
      setupSeconds: try fields.integer("setup") ?? 0,
      serviceSeconds: try fields.integer("service") ?? 0,
      timeWindows: try fields.windows("time_windows") ?? [])
  }

  private static func readJob(_ item: JSONNode, at pointer: String, _ places: inout PlaceTable)
    throws(VROOMInputError) -> DispatchJob
  {
    let fields = try JSONFields(
      item, at: pointer,
      allowed: stopFields.union(["delivery", "pickup", "amount", "skills", "priority"]))
    let legacyAmount = try fields.integers("amount")
    return DispatchJob(
      stop: try readStop(fields, &places),
      delivery: try fields.integers("delivery") ?? legacyAmount ?? [],
      pickup: try fields.integers("pickup") ?? [],
      skills: Set(try fields.integers("skills") ?? []),
      priority: try fields.integer("priority") ?? 0)
  }

  private static func readShipment(_ item: JSONNode, at pointer: String, _ places: inout PlaceTable)
    throws(VROOMInputError) -> DispatchShipment
  {
    let fields = try JSONFields(
      item, at: pointer, allowed: ["pickup", "delivery", "amount", "skills", "priority"])
    let pickup = try JSONFields(
      fields.fields["pickup"], at: pointer + "/pickup", allowed: stopFields)
    let delivery = try JSONFields(
      fields.fields["delivery"], at: pointer + "/delivery", allowed: stopFields)
    return DispatchShipment(
      pickup: try readStop(pickup, &places), delivery: try readStop(delivery, &places),
      amount: try fields.integers("amount") ?? [], skills: Set(try fields.integers("skills") ?? []),
      priority: try fields.integer("priority") ?? 0)
  }
}
