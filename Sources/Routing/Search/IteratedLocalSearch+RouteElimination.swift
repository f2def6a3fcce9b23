import FreightdeskCore

extension IteratedLocalSearch {
  /// Insertion attempts of one route elimination, per client of the instance.
  static let ejectionAttemptsPerClient = 10

  /// Tries to serve the clients of feasible `routes` with one route less: removes the route
  /// with fewest clients and empties its clients through an ``EjectionPool``, until progress
  /// `end` at most. Returns the feasible result, or `nil` if the pool could not be emptied.
  /// Spends no kicks, so with an iteration limit the outcome depends on the seed alone.
  mutating func eliminateRoute(from routes: [[Int]], until end: Double) -> FoundSolution? {
    guard routes.count > 1 else { return nil }
    var kept = routes
    let smallest = kept.indices.min { kept[$0].count < kept[$1].count } ?? 0
    let pool = kept.remove(at: smallest).shuffled(using: &generator)
    var current = SearchRoutes(data: data, routeCount: kept.count)
    current.load(kept)
    localSearch.reset()
    penalties.restart(boostedBy: 1)
    var ejection = EjectionPool(data: data, insertion: perturbation.insertion)
    let (criteria, clock, started, kicks) = (criteria, clock, startNanoseconds, iteration)
    let emptied = ejection.empty(
      pool, into: &current, attempts: Self.ejectionAttemptsPerClient * data.customerCount,
      search: &localSearch, costs: penalties.costs, using: &generator
    ) {
      let seconds = Double(clock.nanoseconds() - started) / 1e9
      return criteria.progress(iteration: kicks, elapsedSeconds: seconds) < end
    }
    guard emptied, current.isLoadFeasible, current.isTimeFeasible else { return nil }
    let found = FoundSolution(
      routes: current.snapshot().filter { !$0.isEmpty }, distance: current.distance)
    onImprovement(found)
    return found
  }
}
