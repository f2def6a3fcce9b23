import Foundation
import FreightdeskCore

/// The ruin-and-recreate search behind ``DispatchSolver``.
struct DispatchSearch {
  let data: DispatchData
  let evaluator: RouteEvaluator
  let options: DispatchOptions
  let clock: MonotonicClock
  let started: UInt64
  var random: SeededGenerator
  var current: DispatchState
  var best: DispatchState
  var iteration = 0
  var onImprovement: (@Sendable (DispatchProgress) -> Void)?
  /// Tasks that stand for a job or a whole shipment (its pickup).
  let units: [Int]
  let isFixed: [Bool]
  let staticCosts: StaticCosts
  /// Starting temperature of the acceptance, set from the constructed plan's cost per stop.
  var temperature = 1.0
  /// The starting temperature over the first plan's cost per stop: hot enough to give up a
  /// vehicle's fixed cost for a better shape (3 measured best against 0.3, 1 and 10 on
  /// generated 200- and 1 000-stop days and Solomon R101 at 10 s).
  static let startingHeatPerStop = 3.0
  /// The final temperature over the starting one.
  static let finalHeatShare = 0.01
  /// Progress is reported on every new best plan and at least this often.
  static let progressIntervalSeconds = 1.0

  init(data: DispatchData, options: DispatchOptions, clock: MonotonicClock, started: UInt64) {
    self.data = data
    self.options = options
    self.clock = clock
    self.started = started
    evaluator = RouteEvaluator(data)
    staticCosts = StaticCosts(data: data, evaluator: evaluator)
    random = SeededGenerator(seed: options.seed)
    units = (0..<data.taskCount).filter { data.partner[$0] < 0 || data.isPickup[$0] }
    var fixed = Array(repeating: false, count: data.taskCount)
    var state = DispatchState(
      routes: data.fixedTasks, costs: Array(repeating: 0, count: data.vehicleCount),
      routeOf: Array(repeating: -1, count: data.taskCount))
    for (vehicle, tasks) in data.fixedTasks.enumerated() {
      for task in tasks {
        fixed[task] = true
        state.routeOf[task] = vehicle
      }
      state.setRoute(vehicle, tasks, cost: evaluator.evaluate(vehicle: vehicle, tasks: tasks).cost)
    }
    isFixed = fixed
    for unit in units where !fixed[unit] {
      state.lostPriority += data.priority[unit]
      state.unassignedCount += 1
    }
    current = state
    best = state
  }

  var elapsedSeconds: Double { Double(clock.nanoseconds() - started) / 1e9 }

  var progress: Double {
    options.stopping.progress(iteration: iteration, elapsedSeconds: elapsedSeconds)
  }

  /// Cheapest insertion of every stop, most important first, then hardest to place (shipments,
  /// then the farthest from the first vehicle's start).
  mutating func construct() {
    let data = data
    let origin = data.problem.vehicles[0].start ?? data.taskLocation[0]
    let travel = data.vehicleTravel[0]
    let count = data.problem.travel.locationCount
    let order = units.filter { !isFixed[$0] }.sorted { a, b in
      if data.priority[a] != data.priority[b] { return data.priority[a] > data.priority[b] }
      let shipmentA = data.partner[a] >= 0
      if shipmentA != (data.partner[b] >= 0) { return shipmentA }
      let far = { (task: Int) in travel.durations[origin * count + data.taskLocation[task]] }
      return far(a) != far(b) ? far(a) > far(b) : a < b
    }
    var state = current
    for unit in order {
      insert(unit, into: &state, vehicles: candidates(for: unit, in: state, all: true))
    }
    current = state
    best = state
    let assigned = max(1, units.count - state.unassignedCount)
    temperature = max(1e-6, Self.startingHeatPerStop * state.totalCost / Double(assigned))
    report()
  }

  /// Ruin and recreate until the budget is spent.
  mutating func improve() {
    let start = temperature
    let end = temperature * Self.finalHeatShare
    var reported = elapsedSeconds
    while progress < 1 && units.count > 0 {
      if elapsedSeconds - reported >= Self.progressIntervalSeconds {
        reported = elapsedSeconds
        report()
      }
      iteration += 1
      var candidate = current
      guard let removed = ruin(&candidate) else { continue }
      recreate(&candidate, removed)
      let heat = start * pow(end / start, min(1, progress))
      if accepts(candidate, heat: heat) { current = candidate }
      if current.isBetter(than: best) {
        best = current
        report()
      }
    }
  }

  private mutating func accepts(_ candidate: DispatchState, heat: Double) -> Bool {
    if candidate.lostPriority != current.lostPriority
      || candidate.unassignedCount != current.unassignedCount
    {
      return candidate.isBetter(than: current)
    }
    let threshold = -heat * log(Double.random(in: Double.leastNonzeroMagnitude..<1, using: &random))
    return candidate.totalCost < current.totalCost + threshold
  }

  private func report() {
    guard let onImprovement else { return }
    onImprovement(
      DispatchProgress(
        elapsedSeconds: elapsedSeconds, fraction: min(1, progress), cost: best.totalCost,
        unassigned: best.unassignedCount))
  }
}
