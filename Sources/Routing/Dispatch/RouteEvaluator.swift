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
  private var candidate: [Int] = []
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
    let spec = data.problem.vehicles[vehicle]
    if let most = spec.maxTasks, tasks.count > most { return RouteOutcome(violation: .maxTasks) }
    if let rule = splitTrips(vehicle, tasks) { return RouteOutcome(violation: rule) }
    var chosen = run(vehicle, tasks, departure: spec.shift.start, record: record)
    let wait = chosen.headWaiting
    if chosen.violation == nil && wait > 0 {
      if !record && data.vehicleTravel[vehicle].congestion == nil {
        chosen.departure += wait
        chosen.waiting -= wait
        chosen.headWaiting = 0
      } else {
        let later = run(vehicle, tasks, departure: spec.shift.start + wait, record: record)
        if later.violation == nil {
          chosen = later
        } else if record {
          chosen = run(vehicle, tasks, departure: spec.shift.start, record: true)
        }
      }
    }
    if chosen.violation == nil, let most = spec.maxDurationSeconds,
      chosen.arrival - chosen.departure > most
    {
      return RouteOutcome(violation: .maxDuration)
    }
    return chosen
  }

  /// The outcome of `base` with `task` inserted at `position` and, for a shipment, `other`
  /// inserted after it so that it lands at `otherPosition` of `base` (plus one); built in a
  /// scratch buffer, so trying many places allocates nothing.
  func evaluateInsertion(
    vehicle: Int, base: [Int], task: Int, at position: Int, other: Int, at otherPosition: Int
  ) -> RouteOutcome {
    candidate.removeAll(keepingCapacity: true)
    candidate.append(contentsOf: base[..<position])
    candidate.append(task)
    if other >= 0 {
      candidate.append(contentsOf: base[position..<otherPosition])
      candidate.append(other)
      candidate.append(contentsOf: base[otherPosition...])
    } else {
      candidate.append(contentsOf: base[position...])
    }
    return evaluate(vehicle: vehicle, tasks: candidate)
  }

  /// Decides where reloads go and checks loads and shipment order; fills `reloadBefore`
  /// and each trip's starting load in `tripLoad`.
  private func splitTrips(_ vehicle: Int, _ tasks: [Int]) -> RouteRule? {
    let dimensions = data.dimensions
    let capacity = data.capacity[vehicle]
    let mayReload = data.problem.vehicles[vehicle].start != nil
    var tripsLeft = data.problem.vehicles[vehicle].maxTrips - 1
    reloadBefore.removeAll(keepingCapacity: true)
    reloadBefore.append(contentsOf: repeatElement(false, count: tasks.count))
    tripLoad.removeAll(keepingCapacity: true)
    tripLoad.append(contentsOf: repeatElement(0, count: dimensions))
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
        tripLoad.append(contentsOf: repeatElement(0, count: dimensions))
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
