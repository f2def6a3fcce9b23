/// Vehicles and travel of ``VROOMProblemReader``.
extension VROOMProblemReader {
  static let vehicleFields: Set<String> = [
    "id", "profile", "start", "start_index", "end", "end_index", "capacity", "costs", "skills",
    "time_window", "breaks", "description", "speed_factor", "max_tasks", "max_travel_time",
    "max_distance", "steps", "max_duration", "max_trips", "reload_duration",
  ]

  static func readVehicle(_ item: JSONNode, at pointer: String, _ places: inout PlaceTable)
    throws(VROOMInputError) -> DispatchVehicle
  {
    let fields = try JSONFields(item, at: pointer, allowed: vehicleFields)
    guard let id = try fields.integer("id") else {
      throw fields.failure("id", "is required", code: "field_missing")
    }
    _ = try fields.string("description")
    var vehicle = DispatchVehicle(
      id: id, profile: try fields.string("profile") ?? "car",
      start: try places.place(fields, "start", "start_index", required: false),
      end: try places.place(fields, "end", "end_index", required: false),
      capacity: try fields.integers("capacity") ?? [],
      skills: Set(try fields.integers("skills") ?? []))
    if let window = try fields.integers("time_window") {
      guard window.count == 2 else { throw fields.failure("time_window", "must be [start, end]") }
      vehicle.shift = TimeWindow(start: window[0], end: window[1])
    }
    vehicle.costs = try costs(fields)
    vehicle.breaks = try list(fields, "breaks") { item, at throws(VROOMInputError) in
      let pause = try JSONFields(
        item, at: at, allowed: ["id", "time_windows", "service", "description"])
      guard let id = try pause.integer("id") else {
        throw pause.failure("id", "is required", code: "field_missing")
      }
      _ = try pause.string("description")
      return VehicleBreak(
        id: id, timeWindows: try pause.windows("time_windows") ?? [],
        serviceSeconds: try pause.integer("service") ?? 0)
    }
    vehicle.fixedStops = try list(fields, "steps") { item, at throws(VROOMInputError) in
      try fixedStop(item, at: at)
    }.compactMap { $0 }
    vehicle.speedFactor = try fields.number("speed_factor") ?? 1
    vehicle.maxTasks = try fields.integer("max_tasks")
    vehicle.maxTravelSeconds = try fields.integer("max_travel_time")
    vehicle.maxDistanceMeters = try fields.integer("max_distance")
    vehicle.maxDurationSeconds = try fields.integer("max_duration")
    vehicle.maxTrips = try fields.integer("max_trips") ?? 1
    vehicle.reloadSeconds = try fields.integer("reload_duration") ?? 0
    return vehicle
  }

  private static func list<T>(
    _ fields: JSONFields, _ key: String, _ read: (JSONNode, String) throws(VROOMInputError) -> T
  ) throws(VROOMInputError) -> [T] {
    var result: [T] = []
    for (index, item) in (try fields.array(key) ?? []).enumerated() {
      result.append(try read(item, "\(fields.pointer)/\(key)/\(index)"))
    }
    return result
  }

  private static func costs(_ fields: JSONFields) throws(VROOMInputError) -> VehicleCosts {
    guard fields.has("costs") else { return VehicleCosts() }
    let costs = try JSONFields(
      fields.fields["costs"], at: fields.pointer + "/costs",
      allowed: ["fixed", "per_hour", "per_km", "per_task_hour"])
    return VehicleCosts(
      fixed: try costs.number("fixed") ?? 0, perHour: try costs.number("per_hour") ?? 3_600,
      perTaskHour: try costs.number("per_task_hour") ?? 0, perKm: try costs.number("per_km") ?? 0)
  }

  /// A re-planning step: jobs, pickups and deliveries become the fixed head of the route;
  /// `start`, `end` and `break` steps are implied.
  private static func fixedStop(_ item: JSONNode, at pointer: String) throws(VROOMInputError)
    -> StopReference?
  {
    let step = try JSONFields(item, at: pointer, allowed: ["type", "id"])
    let type = try step.string("type") ?? ""
    if ["start", "end", "break"].contains(type) { return nil }
    guard let kind = StopReference.Kind(rawValue: type) else {
      throw step.failure("type", "must be start, job, pickup, delivery, break or end")
    }
    guard let id = try step.integer("id") else {
      throw step.failure("id", "is required", code: "field_missing")
    }
    return StopReference(kind, id)
  }

  static func readTravel(
    _ top: JSONFields, _ places: PlaceTable, _ vehicles: [DispatchVehicle],
    _ defaults: CoordinateTravel
  ) throws(VROOMInputError) -> TravelModel {
    let extra =
      top.has("freightdesk")
      ? try JSONFields(
        top.fields["freightdesk"], at: "/freightdesk",
        allowed: ["speed_kmh", "detour_factor", "utc_offset", "congestion"])
      : nil
    var travel: TravelModel
    if top.has("matrices") || top.has("matrix") {
      if places.usesCoordinates {
        throw VROOMInputError(
          pointer: places.firstCoordinatePointer, code: "location_index_missing",
          message: "with matrices every place needs a location_index")
      }
      travel = try matrices(top)
    } else {
      if places.usesIndices {
        throw VROOMInputError(
          pointer: "/matrices", code: "field_missing",
          message: "location_index needs matrices; without them give [lon, lat] locations")
      }
      let speed = try extra?.number("speed_kmh") ?? defaults.speedKmh
      let detour = try extra?.number("detour_factor") ?? defaults.detourFactor
      guard speed > 0, speed <= 200, detour >= 1, detour <= 5 else {
        throw VROOMInputError(
          pointer: "/freightdesk", code: "factor_invalid",
          message: "speed_kmh must be in (0, 200] and detour_factor in [1, 5]")
      }
      travel = TravelModel.haversine(
        coordinates: places.coordinates, profiles: Array(Set(vehicles.map(\.profile))),
        speedKmh: speed, detourFactor: detour)
    }
    if let extra { try addCongestion(extra, to: &travel) }
    return travel
  }

  private static func addCongestion(_ extra: JSONFields, to travel: inout TravelModel)
    throws(VROOMInputError)
  {
    let offset = try extra.integer("utc_offset") ?? 0
    guard extra.has("congestion") else { return }
    let profiles = try JSONFields(
      extra.fields["congestion"], at: extra.pointer + "/congestion", allowed: nil)
    for (name, value) in profiles.fields.sorted(by: { $0.key < $1.key }) {
      guard case .numbers(let factors) = value, factors.count == 24, travel.profiles[name] != nil
      else {
        throw extra.failure(
          "congestion/\(name)", "must be 24 hourly factors for a profile with matrices")
      }
      travel.profiles[name]?.congestion = CongestionProfile(
        hourlyFactors: factors, utcOffsetSeconds: offset)
    }
  }

  private static func matrices(_ top: JSONFields) throws(VROOMInputError) -> TravelModel {
    var profiles: [String: ProfileTravel] = [:]
    var size: Int?
    var given =
      top.has("matrices")
      ? try JSONFields(top.fields["matrices"], at: "/matrices", allowed: nil).fields : [:]
    if let matrix = top.fields["matrix"], top.has("matrix") {
      given["car"] = .object([JSONMember(key: "durations", value: matrix)])
    }
    for (name, value) in given.sorted(by: { $0.key < $1.key }) {
      let pointer = "/matrices/\(name)"
      let fields = try JSONFields(value, at: pointer, allowed: ["durations", "distances", "costs"])
      guard fields.has("durations") else {
        throw fields.failure("durations", "is required", code: "field_missing")
      }
      var read: [String: [Int]] = [:]
      for key in ["durations", "distances", "costs"] where fields.has(key) {
        let (values, count) = try square(fields.fields[key], at: "\(pointer)/\(key)")
        guard size == nil || size == count else {
          throw fields.failure(key, "every matrix must have the same size", code: "matrix_shape")
        }
        size = count
        read[key] = values
      }
      let durations = read["durations"] ?? []
      profiles[name] = ProfileTravel(
        durations: durations, distances: read["distances"] ?? durations.map { _ in 0 },
        costs: read["costs"])
    }
    return TravelModel(locationCount: size ?? 0, profiles: profiles)
  }

  /// A square matrix of non-negative whole numbers, row-major, and its size.
  private static func square(_ value: JSONNode?, at pointer: String) throws(VROOMInputError)
    -> ([Int], Int)
  {
    guard let rows = value?.items else {
      throw VROOMInputError(
        pointer: pointer, code: "type_invalid", message: "must be an array of rows")
    }
    var values: [Int] = []
    values.reserveCapacity(rows.count * rows.count)
    for (index, row) in rows.enumerated() {
      guard case .numbers(let cells) = row, cells.count == rows.count else {
        let numeric = row.items?.count == rows.count
        throw VROOMInputError(
          pointer: "\(pointer)/\(index)", code: numeric ? "value_negative" : "matrix_shape",
          message: numeric
            ? "entries must be non-negative whole numbers" : "row must have \(rows.count) entries")
      }
      for cell in cells {
        guard let number = JSONFields.integer(cell), number >= 0 else {
          throw VROOMInputError(
            pointer: "\(pointer)/\(index)", code: "value_negative",
            message: "entries must be non-negative whole numbers")
        }
        values.append(number)
      }
    }
    return (values, rows.count)
  }
}

/// The places of a problem: matrix indices, or coordinates numbered in order of appearance.
struct PlaceTable {
  var usesIndices = false
  var usesCoordinates = false
  var firstCoordinatePointer = ""
  var coordinates: [[Double]] = []
  private var lookup: [[Double]: Int] = [:]

  /// The place named by `indexKey` (preferred) or the coordinate at `coordinateKey`.
  mutating func place(
    _ fields: JSONFields, _ coordinateKey: String, _ indexKey: String, required: Bool
  ) throws(VROOMInputError) -> Int? {
    let coordinate = try fields.coordinate(coordinateKey)
    if let index = try fields.integer(indexKey) {
      usesIndices = true
      return index
    }
    guard let coordinate else {
      guard !required else {
        throw fields.failure(
          indexKey, "a location or location_index is required", code: "field_missing")
      }
      return nil
    }
    if !usesCoordinates { firstCoordinatePointer = fields.pointer + "/" + coordinateKey }
    usesCoordinates = true
    if let known = lookup[coordinate] { return known }
    coordinates.append(coordinate)
    lookup[coordinate] = coordinates.count - 1
    return coordinates.count - 1
  }
}
