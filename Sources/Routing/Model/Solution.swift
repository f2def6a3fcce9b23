/// A solution as the rest of Freightdesk sees it: immutable, routes of customer numbers
/// (1…n in the instance file's order, depot left out), with the cost the independent
/// feasibility checker recomputed in the instance's own units.
public struct Solution: Sendable, Equatable {
  /// Each vehicle's customers in visiting order; every route starts and ends at the depot.
  public let routes: [[Int]]
  /// Total distance under the instance's rounding convention, as recomputed by the checker.
  public let cost: Double

  /// Creates a solution; ``Solver`` only returns ones the checker accepted.
  public init(routes: [[Int]], cost: Double) {
    self.routes = routes
    self.cost = cost
  }

  /// Number of vehicles used.
  public var vehicleCount: Int { routes.count }
}
