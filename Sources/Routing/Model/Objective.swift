/// What the optimiser minimises.
public enum Objective: String, Sendable, CaseIterable {
  /// Total travel distance, whatever the number of vehicles (within the fleet).
  case distance
  /// Fewest vehicles first, then total distance: the classic hierarchical VRPTW objective.
  case vehiclesThenDistance = "vehicles-then-distance"

  /// Whether a solution with `vehicles` and `cost` is better than one with `otherVehicles`
  /// and `otherCost` under this objective.
  func prefers(vehicles: Int, cost: Int, over otherVehicles: Int, otherCost: Int) -> Bool {
    switch self {
    case .distance: cost < otherCost
    case .vehiclesThenDistance:
      vehicles < otherVehicles || (vehicles == otherVehicles && cost < otherCost)
    }
  }
}
