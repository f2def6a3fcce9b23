/// Writes a ``DispatchPlan`` in VROOM's solution format: `code`, `summary`, `unassigned`
/// and `routes` with their `steps` (type, id, arrival, duration, setup, service,
/// waiting_time, load, distance, location). Each unassigned entry also carries a `reason`
/// (a ``RouteRule`` code), and reloads appear as steps of type `reload`.
public enum VROOMSolutionWriter {
  /// The solution document for `result` of `problem`; `loadingMilliseconds` is reported as
  /// the reading time.
  public static func write(
    _ result: DispatchResult, problem: DispatchProblem, loadingMilliseconds: Int = 0
  ) -> String {
    let plan = result.plan
    let routes = plan.routes.map { route(for: $0, problem) }
    let totals = ["cost", "setup", "service", "duration", "waiting_time", "priority", "distance"]
    var summary: [(String, JSON)] = [
      ("cost", .integer(routes.reduce(0) { $0 + $1.integer("cost") })),
      ("routes", .integer(routes.count)), ("unassigned", .integer(plan.unassigned.count)),
    ]
    for key in totals.dropFirst() {
      summary.append((key, .integer(routes.reduce(0) { $0 + $1.integer(key) })))
    }
    summary.append(("delivery", .integers(sum(routes.map { $0.integers("delivery") }))))
    summary.append(("pickup", .integers(sum(routes.map { $0.integers("pickup") }))))
    summary.append(
      (
        "computing_times",
        .object([
          ("loading", .integer(loadingMilliseconds)),
          ("solving", .integer(Int(result.elapsedSeconds * 1_000))),
          ("first_plan", .integer(Int(result.firstPlanSeconds * 1_000))),
        ])
      ))
    let unassigned = plan.unassigned.map { entry in
      JSON.object(
        [("id", .integer(entry.stop.id)), ("type", .string(entry.stop.kind.rawValue))]
          + place(entry.location, problem) + [("reason", .string(entry.reason.rawValue))])
    }
    return JSON.object([
      ("code", .integer(0)), ("summary", .object(summary)), ("unassigned", .array(unassigned)),
      ("routes", .array(routes)),
    ]).text + "\n"
  }

  private static func route(for route: PlannedRoute, _ problem: DispatchProblem) -> JSON {
    let vehicle = problem.vehicles[route.vehicle]
    let served = route.steps.filter { [.job, .pickup, .delivery].contains($0.kind) }
    let dimensions = route.steps.first?.load.count ?? 0
    var delivery = Array(repeating: 0, count: dimensions)
    var pickup = delivery
    var priority = 0
    for step in served {
      let (give, take, value) = amounts(step, problem, dimensions)
      delivery = zip(delivery, give).map { $0 + $1 }
      pickup = zip(pickup, take).map { $0 + $1 }
      priority += value
    }
    let setup = route.steps.reduce(0) { $0 + $1.setup }
    let work = route.steps.filter { $0.kind != .break }.reduce(0) { $0 + $1.service }
    let last = route.steps.last
    return .object([
      ("vehicle", .integer(vehicle.id)), ("cost", .integer(Int(route.cost.rounded()))),
      ("delivery", .integers(delivery)), ("pickup", .integers(pickup)),
      ("setup", .integer(setup)), ("service", .integer(work)),
      ("duration", .integer(last?.travel ?? 0)),
      ("waiting_time", .integer(route.steps.reduce(0) { $0 + $1.waiting })),
      ("priority", .integer(priority)), ("distance", .integer(last?.distance ?? 0)),
      ("steps", .array(route.steps.map { step($0, problem) })),
    ])
  }

  private static func step(_ step: PlanStep, _ problem: DispatchProblem) -> JSON {
    var fields: [(String, JSON)] = [("type", .string(step.kind.rawValue))]
    if let id = step.id { fields.append(("id", .integer(id))) }
    if let location = step.location { fields += place(location, problem) }
    fields += [
      ("arrival", .integer(step.arrival)), ("duration", .integer(step.travel)),
      ("setup", .integer(step.setup)), ("service", .integer(step.service)),
      ("waiting_time", .integer(step.waiting)), ("load", .integers(step.load)),
      ("distance", .integer(step.distance)),
    ]
    return .object(fields)
  }

  private static func place(_ location: Int, _ problem: DispatchProblem) -> [(String, JSON)] {
    if let coordinates = problem.travel.coordinates {
      return [("location", .array(coordinates[location].map { .number($0) }))]
    }
    return [("location_index", .integer(location))]
  }

  /// Delivery, pickup and priority a served step accounts for.
  private static func amounts(_ step: PlanStep, _ problem: DispatchProblem, _ dimensions: Int)
    -> ([Int], [Int], Int)
  {
    let zero = Array(repeating: 0, count: dimensions)
    func padded(_ values: [Int]) -> [Int] { values.isEmpty ? zero : values }
    switch step.kind {
    case .job:
      guard let job = problem.jobs.first(where: { $0.stop.id == step.id }) else { break }
      return (padded(job.delivery), padded(job.pickup), job.priority)
    case .pickup:
      guard let shipment = problem.shipments.first(where: { $0.pickup.id == step.id }) else {
        break
      }
      return (zero, padded(shipment.amount), shipment.priority)
    case .delivery:
      guard let shipment = problem.shipments.first(where: { $0.delivery.id == step.id }) else {
        break
      }
      return (padded(shipment.amount), zero, 0)
    default: break
    }
    return (zero, zero, 0)
  }

  private static func sum(_ vectors: [[Int]]) -> [Int] {
    vectors.reduce([Int]()) { total, vector in
      total.isEmpty ? vector : zip(total, vector).map { $0 + $1 }
    }
  }
}

/// A small ordered JSON document for the writer.
indirect enum JSON {
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  static func integers(_ values: [Int]) -> JSON { .array(values.map { .integer($0) }) }

  func integer(_ key: String) -> Int {
    guard case .object(let fields) = self,
      case .integer(let value)? = fields.first(where: { $0.0 == key })?.1
    else { return 0 }
    return value
  }

  func integers(_ key: String) -> [Int] {
    guard case .object(let fields) = self,
      case .array(let items)? = fields.first(where: { $0.0 == key })?.1
    else { return [] }
    return items.compactMap { if case .integer(let value) = $0 { value } else { nil } }
  }

  var text: String {
    switch self {
    case .integer(let value): String(value)
    case .number(let value): value.isFinite ? "\(value)" : "null"
    case .string(let value): "\"" + value.unicodeScalars.map(Self.escaped).joined() + "\""
    case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
    case .object(let fields):
      "{" + fields.map { JSON.string($0.0).text + ":" + $0.1.text }.joined(separator: ",") + "}"
    }
  }

  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    if scalar == "\"" { return "\\\"" }
    if scalar == "\\" { return "\\\\" }
    guard scalar.value < 0x20 else { return String(scalar) }
    let hex = String(scalar.value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
