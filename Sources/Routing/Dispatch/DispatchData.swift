/// The validated, flattened form of a ``DispatchProblem`` that the search works on. Every
/// job is one task; a shipment is two tasks, pickup then delivery, side by side: tasks
/// `0..<jobs.count` are the jobs, then `jobs.count + 2s` and `+ 1` shipment `s`'s stops.
///
/// A final class so the search threads share one copy by reference.
final class DispatchData: Sendable {
  /// The problem as given, for the checker and the answer.
  let problem: DispatchProblem
  /// Capacity dimensions.
  let dimensions: Int
  let taskCount: Int
  let vehicleCount: Int
  let taskLocation: [Int]
  let taskSetup: [Int]
  let taskService: [Int]
  /// Windows of task `t` are `windows[windowStart[t]..<windowStart[t + 1]]`, sorted.
  let windowStart: [Int]
  let windows: [TimeWindow]
  /// Per task and dimension (`t * dimensions + k`): added to the load at the trip's start,
  /// and the change of load at the task.
  let startLoad: [Int]
  let loadChange: [Int]
  /// The other stop of a shipment, or -1 for a job.
  let partner: [Int]
  let isPickup: [Bool]
  let priority: [Int]
  let reference: [StopReference]
  /// Whether vehicle `v` may serve task `t`: `compatible[t * vehicleCount + v]`.
  let compatible: [Bool]
  /// Per vehicle: its profile's travel, capacity padded to `dimensions`, its breaks sorted
  /// by earliest window, and its fixed head of tasks.
  let vehicleTravel: [ProfileTravel]
  let capacity: [[Int]]
  let breaks: [[VehicleBreak]]
  let fixedTasks: [[Int]]
  /// Vehicles with identical properties share a class; an empty route of each class is
  /// enough to try when inserting.
  let vehicleClass: [Int]
  /// Per task, the closest other tasks (both directions of free-flow time), nearest first.
  let neighbours: [[Int]]
  /// How many neighbours each task keeps.
  static let neighbourCount = 40

  init(_ problem: DispatchProblem) throws(DispatchProblemError) {
    let flat = try ProblemFlattener(problem)
    self.problem = problem
    dimensions = flat.dimensions
    taskCount = flat.location.count
    vehicleCount = problem.vehicles.count
    taskLocation = flat.location
    taskSetup = flat.setup
    taskService = flat.service
    windowStart = flat.windowStart
    windows = flat.windows
    startLoad = flat.startLoad
    loadChange = flat.loadChange
    partner = flat.partner
    isPickup = flat.isPickup
    priority = flat.priority
    reference = flat.reference
    compatible = flat.compatible
    vehicleTravel = flat.vehicleTravel
    capacity = flat.capacity
    breaks = flat.breaks
    fixedTasks = flat.fixedTasks
    vehicleClass = Self.classes(problem.vehicles)
    neighbours = Self.nearest(
      flat.location, travel: flat.vehicleTravel.first, count: problem.travel.locationCount)
    try checkFixedRoutes()
    try checkEachTaskAlone(flat.subject)
  }

  private func checkFixedRoutes() throws(DispatchProblemError) {
    let evaluator = RouteEvaluator(self)
    for (vehicle, tasks) in fixedTasks.enumerated() {
      if let rule = evaluator.evaluate(vehicle: vehicle, tasks: tasks).violation {
        throw .fixedRouteInfeasible(
          .vehicle(index: vehicle, id: problem.vehicles[vehicle].id), rule: rule)
      }
    }
  }

  /// The subject of task `t` for errors.
  func subject(of task: Int) -> ProblemSubject {
    let jobs = problem.jobs.count
    if task < jobs { return .job(index: task, id: problem.jobs[task].stop.id) }
    let shipment = (task - jobs) / 2
    return .shipment(index: shipment, pickupID: problem.shipments[shipment].pickup.id)
  }

  private static func classes(_ vehicles: [DispatchVehicle]) -> [Int] {
    var seen: [DispatchVehicle] = []
    return vehicles.map { vehicle in
      var anonymous = vehicle
      anonymous.id = 0
      if let index = seen.firstIndex(of: anonymous) { return index }
      seen.append(anonymous)
      return seen.count - 1
    }
  }

  private static func nearest(_ location: [Int], travel: ProfileTravel?, count: Int) -> [[Int]] {
    guard let travel else { return location.map { _ in [] } }
    let tasks = location.indices
    return tasks.map { task in
      let here = location[task]
      var others = tasks.filter { $0 != task }.map { other in
        let there = location[other]
        return (
          other, travel.durations[here * count + there] + travel.durations[there * count + here]
        )
      }
      let keep = min(neighbourCount, others.count)
      if others.count > keep {
        others.sort { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
      }
      return others.prefix(keep).map(\.0)
    }
  }

  /// A job no vehicle can ever serve is an error naming the job and the rule, not a
  /// silently dropped job: skills first, then capacity, then time.
  private func checkEachTaskAlone(_ subjects: [ProblemSubject]) throws(DispatchProblemError) {
    let evaluator = RouteEvaluator(self)
    for task in 0..<taskCount where partner[task] < 0 || isPickup[task] {
      let vehicles = (0..<vehicleCount).filter { compatible[task * vehicleCount + $0] }
      guard !vehicles.isEmpty else {
        let skills =
          problem.jobs.indices.contains(task)
          ? problem.jobs[task].skills : problem.shipments[(task - problem.jobs.count) / 2].skills
        throw .skillsUnavailable(subjects[task], skills: skills.sorted())
      }
      let route = partner[task] < 0 ? [task] : [task, partner[task]]
      var rules: [RouteRule] = []
      for vehicle in vehicles {
        let outcome = evaluator.evaluate(vehicle: vehicle, tasks: fixedTasks[vehicle] + route)
        if outcome.violation == nil {
          rules = []
          break
        }
        rules.append(outcome.violation ?? .capacity)
      }
      guard rules.isEmpty else {
        throw rules.allSatisfy { $0 == .capacity }
          ? .exceedsEveryCapacity(subjects[task]) : .unreachable(subjects[task])
      }
    }
  }
}
