/// One step of a simulated route, recorded when building the answer.
struct ScheduledStep {
  enum Kind { case start, task, pause, reload, end }
  var kind: Kind
  /// The task, or the break's index among the vehicle's breaks; -1 otherwise.
  var item: Int
  var location: Int?
  var arrival: Int
  var waiting: Int
  var setup: Int
  var service: Int
  /// Load after the step, per dimension.
  var load: [Int]
  /// Driving seconds and metres from the start up to arriving here.
  var travel: Int
  var distance: Int
}

/// The outcome of simulating one vehicle along a sequence of tasks.
struct RouteOutcome {
  /// The first rule broken, or nil when the route is feasible.
  var violation: RouteRule?
  /// Money: fixed cost (if any task), driving time and distance, service time.
  var cost: Double = 0
  var travel = 0
  var distance = 0
  var service = 0
  var setup = 0
  var waiting = 0
  /// Waiting at the first task, when nothing comes before it; the start may move by this.
  var headWaiting = 0
  var departure = 0
  var arrival = 0
}

/// Simulates a vehicle along a task sequence, stop by stop: trips split when the next stop
/// would overload the vehicle (if it may reload), breaks taken at the last stop before it
/// would be too late for them (or free during waiting), time-dependent travel, every route
/// limit. Owns scratch buffers, so one evaluator serves one thread.
final class RouteEvaluator {
  let data: DispatchData
  var reloadBefore: [Bool] = []
  var tripLoad: [Int] = []
  private var peak: [Int]
  private var last: [Int]
  private var stamp = 0
  private var seen: [Int]
  /// Steps of the last recorded simulation.
  var steps: [ScheduledStep] = []

  init(_ data: DispatchData) {
    self.data = data
    peak = Array(repeating: 0, count: data.dimensions)
    last = peak
    seen = Array(repeating: 0, count: data.taskCount)
  }

  /// The route's outcome, leaving its start late enough not to wait at the first stop.
  func evaluate(vehicle: Int, tasks: [Int], record: Bool = false) -> RouteOutcome {
    guard !tasks.isEmpty else { return RouteOutcome() }
    let shiftStart = data.problem.vehicles[vehicle].shift.start
    if let rule = splitTrips(vehicle, tasks) { return RouteOutcome(violation: rule) }
    let first = run(vehicle, tasks, departure: shiftStart, record: record)
    guard first.violation == nil, first.headWaiting > 0 else { return first }
    let later = run(vehicle, tasks, departure: shiftStart + first.headWaiting, record: record)
    if later.violation == nil { return later }
    return record ? run(vehicle, tasks, departure: shiftStart, record: true) : first
  }

  /// Decides where reloads go and checks loads and shipment order; fills `reloadBefore`
  /// and each trip's starting load in `tripLoad`.
  private func splitTrips(_ vehicle: Int, _ tasks: [Int]) -> RouteRule? {
    let dimensions = data.dimensions
    let capacity = data.capacity[vehicle]
    let mayReload = data.problem.vehicles[vehicle].start != nil
    var tripsLeft = data.problem.vehicles[vehicle].maxTrips - 1
    reloadBefore = Array(repeating: false, count: tasks.count)
    tripLoad = Array(repeating: 0, count: dimensions)
    for k in 0..<dimensions {
      peak[k] = 0
      last[k] = 0
    }
    stamp &+= 1
    var open = 0
    var tripStart = 0
    for (position, task) in tasks.enumerated() {
      let base = task * dimensions
      var fits = true
      for k in 0..<dimensions {
        let start = data.startLoad[base + k]
        let after = max(peak[k] + start, last[k] + start + data.loadChange[base + k])
        if after > capacity[k] { fits = false }
      }
      if !fits {
        guard mayReload, tripsLeft > 0, open == 0, position > tripStart else { return .capacity }
        tripsLeft -= 1
        tripStart = position
        reloadBefore[position] = true
        tripLoad += Array(repeating: 0, count: dimensions)
        for k in 0..<dimensions {
          peak[k] = 0
          last[k] = 0
        }
        for k in 0..<dimensions
        where max(data.startLoad[base + k], data.startLoad[base + k] + data.loadChange[base + k])
          > capacity[k]
        {
          return .capacity
        }
      }
      let trip = tripLoad.count - dimensions
      for k in 0..<dimensions {
        let start = data.startLoad[base + k]
        peak[k] = max(peak[k] + start, last[k] + start + data.loadChange[base + k])
        last[k] += start + data.loadChange[base + k]
        tripLoad[trip + k] += start
      }
      let other = data.partner[task]
      if other >= 0 {
        if data.isPickup[task] {
          open += 1
        } else {
          guard seen[other] == stamp else { return .shipmentOrder }
          open -= 1
        }
      }
      seen[task] = stamp
    }
    return open == 0 ? nil : .shipmentOrder
  }
}
