/// Adapts the load and time-warp penalties so that a target share of local-search results are
/// feasible (Vidal et al. 2012): too few feasible results raise a penalty, too many lower it.
struct PenaltyManager {
  /// Share of feasible local-search results aimed for.
  static let targetFeasible = 0.45
  /// Results between two adjustments.
  static let samplesPerUpdate = 20
  static let increase = 1.3
  static let decrease = 0.85
  /// How far a penalty may move from its starting value, either way.
  static let rangeFactor = 1_000.0

  private(set) var costs: CostEvaluator
  private let initialCosts: CostEvaluator
  private let loadRange: ClosedRange<Double>
  private let timeWarpRange: ClosedRange<Double>
  private var loadFeasibleCount = 0
  private var timeFeasibleCount = 0
  private var sampleCount = 0

  /// Starts with a load penalty that makes one unit of excess cost the longest edge divided
  /// by the largest demand (as HGS does), and a time-warp penalty of one distance unit per
  /// time unit; each may then move by ``rangeFactor`` either way.
  init(data: ProblemData) {
    let longest = data.distances.max() ?? 1
    let largestDemand = max(1, data.demands.max() ?? 1)
    let loadPenalty = Double(max(1, longest)) / Double(largestDemand)
    loadRange = (loadPenalty / Self.rangeFactor)...(loadPenalty * Self.rangeFactor)
    timeWarpRange = (1 / Self.rangeFactor)...Self.rangeFactor
    costs = CostEvaluator(loadPenalty: loadPenalty, timeWarpPenalty: 1, capacity: data.capacity)
    initialCosts = costs
  }

  /// Returns to the starting penalties times `factor`, for a new search phase whose
  /// feasibility differs from the last one's (as when route elimination removes a vehicle).
  mutating func restart(boostedBy factor: Double = 1) {
    costs = initialCosts.boosted(by: factor)
    (loadFeasibleCount, timeFeasibleCount, sampleCount) = (0, 0, 0)
  }

  /// Records one local-search result; returns whether the penalties changed.
  mutating func record(loadFeasible: Bool, timeFeasible: Bool) -> Bool {
    loadFeasibleCount += loadFeasible ? 1 : 0
    timeFeasibleCount += timeFeasible ? 1 : 0
    sampleCount += 1
    guard sampleCount == Self.samplesPerUpdate else { return false }
    costs.loadPenalty = adjusted(costs.loadPenalty, loadFeasibleCount, loadRange)
    costs.timeWarpPenalty = adjusted(costs.timeWarpPenalty, timeFeasibleCount, timeWarpRange)
    (loadFeasibleCount, timeFeasibleCount, sampleCount) = (0, 0, 0)
    return true
  }

  private func adjusted(_ penalty: Double, _ feasibleCount: Int, _ range: ClosedRange<Double>)
    -> Double
  {
    let share = Double(feasibleCount) / Double(Self.samplesPerUpdate)
    if share < Self.targetFeasible - 0.05 { return min(range.upperBound, penalty * Self.increase) }
    if share > Self.targetFeasible + 0.05 { return max(range.lowerBound, penalty * Self.decrease) }
    return penalty
  }
}
