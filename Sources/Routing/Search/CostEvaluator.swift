/// Prices routes during search: distance plus penalties for load above capacity and for time
/// warp (arriving after a window closes), so the search may pass through infeasible plans.
struct CostEvaluator {
  /// Penalty per unit of load above capacity.
  var loadPenalty: Double
  /// Penalty per scaled unit of time warp.
  var timeWarpPenalty: Double
  /// The vehicle capacity.
  let capacity: Int

  /// The penalised cost of a complete route (depot to depot) summarised by `route`.
  @inline(__always) func cost(_ route: Segment) -> Int {
    var cost = route.distance &+ loadCost(route.load)
    if route.timeWarp > 0 { cost &+= Int((Double(route.timeWarp) * timeWarpPenalty).rounded(.up)) }
    return cost
  }

  /// The load penalty of a route carrying `load`.
  @inline(__always) func loadCost(_ load: Int) -> Int {
    load > capacity ? Int((Double(load &- capacity) * loadPenalty).rounded(.up)) : 0
  }

  /// The same evaluator with both penalties multiplied by `factor`.
  func boosted(by factor: Double) -> CostEvaluator {
    CostEvaluator(
      loadPenalty: loadPenalty * factor, timeWarpPenalty: timeWarpPenalty * factor,
      capacity: capacity)
  }
}
