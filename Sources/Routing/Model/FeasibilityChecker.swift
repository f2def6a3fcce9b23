/// One broken rule in a solution, naming the route and customer.
public enum Violation: Equatable, Sendable, CustomStringConvertible {
  /// A customer is in no route.
  case customerMissing(customer: Int)
  /// A customer is in more than one place.
  case customerRepeated(customer: Int)
  /// A route names a number that is not a customer.
  case customerUnknown(customer: Int)
  /// A route has no customer.
  case routeEmpty(route: Int)
  /// A route carries more than a vehicle holds.
  case capacityExceeded(route: Int, load: Int, capacity: Int)
  /// Service at a customer would start after its due time.
  case arrivalLate(route: Int, customer: Int, arrival: Double, due: Double)
  /// A vehicle would be back at the depot after it closes.
  case returnLate(route: Int, arrival: Double, due: Double)
  /// More routes than vehicles.
  case fleetExceeded(routes: Int, fleet: Int)

  /// One line naming the rule, route and customer.
  public var description: String {
    switch self {
    case .customerMissing(let customer): "customer \(customer) is not visited"
    case .customerRepeated(let customer): "customer \(customer) is visited more than once"
    case .customerUnknown(let customer): "\(customer) is not a customer number"
    case .routeEmpty(let route): "route \(route) visits no customer"
    case .capacityExceeded(let route, let load, let capacity):
      "route \(route) carries \(load), above the capacity \(capacity)"
    case .arrivalLate(let route, let customer, let arrival, let due):
      "route \(route) reaches customer \(customer) at \(arrival), after its due time \(due)"
    case .returnLate(let route, let arrival, let due):
      "route \(route) returns to the depot at \(arrival), after it closes at \(due)"
    case .fleetExceeded(let routes, let fleet): "\(routes) routes for a fleet of \(fleet)"
    }
  }
}

/// The checker's verdict on a solution.
public struct FeasibilityReport: Sendable, Equatable {
  /// Every rule the solution breaks; empty when feasible.
  public let violations: [Violation]
  /// Total distance recomputed from the instance under the rounding convention.
  public let cost: Double

  /// Whether the solution breaks no rule.
  public var isFeasible: Bool { violations.isEmpty }
}

/// Re-checks a solution against the instance as read, along its own code path: distances
/// from the coordinates (or explicit matrix) in floating point, times simulated stop by stop,
/// without the search's scaled matrices or segment algebra.
public enum FeasibilityChecker {
  /// Tolerance for time comparisons, absorbing floating-point noise only.
  static let timeTolerance = 1e-6

  /// Checks `routes` (customer numbers) for `instance` under `rounding`.
  public static func check(_ routes: [[Int]], instance: Instance, rounding: Rounding)
    -> FeasibilityReport
  {
    var violations: [Violation] = []
    var seen = Array(repeating: false, count: instance.customers.count + 1)
    var cost = 0.0
    for (offset, route) in routes.enumerated() {
      let number = offset + 1
      if route.isEmpty { violations.append(.routeEmpty(route: number)) }
      for customer in route {
        guard customer >= 1, customer <= instance.customers.count else {
          violations.append(.customerUnknown(customer: customer))
          continue
        }
        if seen[customer] { violations.append(.customerRepeated(customer: customer)) }
        seen[customer] = true
      }
      let known = route.filter { $0 >= 1 && $0 <= instance.customers.count }
      cost += drive(known, route: number, instance, rounding, &violations)
    }
    for customer in 1..<seen.count where !seen[customer] {
      violations.append(.customerMissing(customer: customer))
    }
    if let fleet = instance.fleetSize, routes.count > fleet {
      violations.append(.fleetExceeded(routes: routes.count, fleet: fleet))
    }
    return FeasibilityReport(violations: violations, cost: cost)
  }

  /// Simulates one vehicle along `stops`; returns the distance driven.
  private static func drive(
    _ stops: [Int], route: Int, _ instance: Instance, _ rounding: Rounding,
    _ violations: inout [Violation]
  ) -> Double {
    var distance = 0.0
    var time = instance.depot.readyTime
    var load = 0
    var here = 0
    for stop in stops + [0] {
      let leg = legLength(from: here, to: stop, instance, rounding)
      distance += leg
      time += leg
      let site = instance.site(stop)
      if time > site.dueTime + timeTolerance {
        violations.append(
          stop == 0
            ? .returnLate(route: route, arrival: time, due: site.dueTime)
            : .arrivalLate(route: route, customer: stop, arrival: time, due: site.dueTime))
      }
      time = max(time, site.readyTime) + site.serviceTime
      load += site.demand
      here = stop
    }
    if load > instance.vehicleCapacity {
      violations.append(
        .capacityExceeded(route: route, load: load, capacity: instance.vehicleCapacity))
    }
    return distance
  }

  private static func legLength(
    from: Int, to: Int, _ instance: Instance, _ rounding: Rounding
  ) -> Double {
    if let matrix = instance.explicitDistances { return matrix[from][to] }
    let a = instance.site(from)
    let b = instance.site(to)
    return rounding.apply(((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot())
  }
}
