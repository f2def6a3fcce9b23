/// One thread's solve: a single iterated local search for the distance objective, or, for
/// "fewest vehicles, then distance", three phases on one search budget:
/// 1. find good feasible solutions with the whole fleet;
/// 2. route elimination: drop the route with fewest clients and put its clients back through
///    an ejection pool (``IteratedLocalSearch/eliminateRoute(from:until:)``); if that fails,
///    reinsert them in the others and search with one route slot less until that is
///    feasible; again and again;
/// 3. minimise distance with the fewest routes reached.
struct SolverRun {
  /// Share of the budget after which the first phase of the hierarchical objective ends.
  static let constructionEnd = 0.1
  /// Share of the budget after which route elimination gives up.
  static let eliminationEnd = 0.6

  private var search: IteratedLocalSearch
  private let data: ProblemData
  private let objective: Objective
  private let thread: Int

  init(
    data: ProblemData, options: SolverOptions, thread: Int,
    progress: (@Sendable (SolverProgress) -> Void)?
  ) {
    self.data = data
    objective = options.objective
    self.thread = thread
    let seed = options.seed &+ UInt64(thread) &* 0x9E37_79B9_7F4A_7C15
    search = IteratedLocalSearch(
      data: data, objective: options.objective, criteria: options.stopping, seed: seed)
    if let progress {
      let scale = Double(data.scale)
      let started = search
      search.onImprovement = { found in
        progress(
          SolverProgress(
            elapsedSeconds: started.elapsedSeconds, cost: Double(found.distance) / scale,
            vehicles: found.vehicles, thread: thread))
      }
    }
  }

  /// Runs to the end of the budget and returns the best feasible solution found.
  mutating func solve() -> ThreadOutcome {
    let fleet = data.fleetSize
    guard objective == .vehiclesThenDistance else {
      let best = search.search(from: nil, routeCount: fleet, phase: SearchPhase(end: 1))
      return ThreadOutcome(best: best, iterations: search.iteration)
    }
    var best = search.search(
      from: nil, routeCount: fleet,
      phase: SearchPhase(end: Self.constructionEnd, extendsUntilFeasible: true))
    while let current = best, current.vehicles > vehicleLowerBound,
      search.progress < Self.eliminationEnd
    {
      if let fewer = search.eliminateRoute(from: current.routes, until: Self.eliminationEnd) {
        best = fewer
        continue
      }
      var start = current.routes
      let smallest = start.indices.min { start[$0].count < start[$1].count } ?? 0
      start.remove(at: smallest)
      guard
        let fewer = search.search(
          from: start, routeCount: current.vehicles - 1,
          phase: SearchPhase(end: Self.eliminationEnd, stopsAtFirstFeasible: true))
      else { break }
      best = fewer
    }
    if let current = best {
      let polished = search.search(
        from: current.routes, routeCount: current.vehicles, phase: SearchPhase(end: 1))
      if let polished,
        objective.prefers(
          vehicles: polished.vehicles, cost: polished.distance, over: current.vehicles,
          otherCost: current.distance)
      {
        best = polished
      }
    }
    return ThreadOutcome(best: best, iterations: search.iteration)
  }

  /// No solution uses fewer routes than total demand over capacity, rounded up.
  private var vehicleLowerBound: Int {
    let total = data.demands.reduce(0, +)
    return max(1, (total + data.capacity - 1) / data.capacity)
  }
}
