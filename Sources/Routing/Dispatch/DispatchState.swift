/// The search's mutable plan: a task sequence per vehicle (fixed head first), each route's
/// cost, and which stops are left out. Copied cheaply: unchanged routes share storage.
struct DispatchState {
  var routes: [[Int]]
  var costs: [Double]
  /// Vehicle of each task, or -1 when unassigned.
  var routeOf: [Int]
  var totalCost = 0.0
  /// Sum of the priorities of jobs and shipments left out.
  var lostPriority = 0
  /// Jobs and shipments left out.
  var unassignedCount = 0

  /// Whether this plan is better under the objective: lost priority, then stops left out,
  /// then money.
  func isBetter(than other: DispatchState) -> Bool {
    if lostPriority != other.lostPriority { return lostPriority < other.lostPriority }
    if unassignedCount != other.unassignedCount { return unassignedCount < other.unassignedCount }
    return totalCost < other.totalCost - 1e-9
  }

  /// Replaces vehicle `vehicle`'s route by `tasks` costing `cost`.
  mutating func setRoute(_ vehicle: Int, _ tasks: [Int], cost: Double) {
    totalCost += cost - costs[vehicle]
    costs[vehicle] = cost
    routes[vehicle] = tasks
  }
}
