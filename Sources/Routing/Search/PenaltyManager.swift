/// Adapts the load and time-warp penalties so that a target share of local-search results are
/// feasible (Vidal et al. 2012): too few feasible results raise a penalty, too many lower it.
struct PenaltyManager {
  /// Share of feasible local-search results aimed for.
  static let targetFeasible = 0.45
  /// Results between two adjustments.
  static let samplesPerUpdate = 20
  static let increase = 1.3
  static let decrease = 0.85
  static let penaltyMin = 0.01
  static let penaltyMax = 100_000.0

  private(set) var costs: CostEvaluator
  private var loadFeasibleCount = 0
  private var timeFeasibleCount = 0
  private var sampleCount = 0

  /// Starts with a load penalty that makes one unit of excess cost the longest edge divided
  /// by the largest demand (as HGS does), and a time-warp penalty of one distance unit per time unit.
  init(data: ProblemData) {
    let longest = data.distances.max() ?? 1
    let largestDemand = max(1, data.demands.max() ?? 1)
    let loadPenalty = Double(max(1, longest)) / Double(largestDemand)
    costs = CostEvaluator(
      loadPenalty: min(Self.penaltyMax, max(Self.penaltyMin, loadPenalty)), timeWarpPenalty: 1,
      capacity: data.capacity)
  }

  /// Records one local-search result; returns whether the penalties changed.
  mutating func record(loadFeasible: Bool, timeFeasible: Bool) -> Bool {
    loadFeasibleCount += loadFeasible ? 1 : 0
    timeFeasibleCount += timeFeasible ? 1 : 0
    sampleCount += 1
    guard sampleCount == Self.samplesPerUpdate else { return false }
    costs.loadPenalty = adjusted(costs.loadPenalty, feasibleCount: loadFeasibleCount)
    costs.timeWarpPenalty = adjusted(costs.timeWarpPenalty, feasibleCount: timeFeasibleCount)
    (loadFeasibleCount, timeFeasibleCount, sampleCount) = (0, 0, 0)
    return true
  }

  private func adjusted(_ penalty: Double, feasibleCount: Int) -> Double {
    let share = Double(feasibleCount) / Double(Self.samplesPerUpdate)
    if share < Self.targetFeasible - 0.05 { return min(Self.penaltyMax, penalty * Self.increase) }
    if share > Self.targetFeasible + 0.05 { return max(Self.penaltyMin, penalty * Self.decrease) }
    return penalty
  }
}
