/// One rule a plan breaks, naming the vehicle and stop.
public struct PlanViolation: Sendable, Equatable, CustomStringConvertible {
  /// The stable rule name: a ``RouteRule`` raw value or one of the plan-wide rules
  /// (`stop_missing`, `stop_repeated`, `stop_unknown`, `vehicle_repeated`, `timing`, `load`,
  /// `cost_mismatch`, `route_shape`, `break_missing`).
  public var rule: String
  /// The vehicle's id, when the rule is about a route.
  public var vehicle: Int?
  /// The stop, when the rule is about one.
  public var stop: StopReference?
  /// Numbers and detail for a person.
  public var detail: String

  /// Creates a violation.
  public init(rule: String, vehicle: Int? = nil, stop: StopReference? = nil, detail: String) {
    self.rule = rule
    self.vehicle = vehicle
    self.stop = stop
    self.detail = detail
  }

  /// One line: rule, vehicle, stop, detail.
  public var description: String {
    var parts = [rule]
    if let vehicle { parts.append("vehicle \(vehicle)") }
    if let stop { parts.append("\(stop.kind.rawValue) \(stop.id)") }
    parts.append(detail)
    return parts.joined(separator: ": ")
  }
}

/// The checker's verdict on a plan.
public struct PlanReport: Sendable, Equatable {
  /// Every rule broken; empty when the plan is feasible.
  public var violations: [PlanViolation]
  /// Total cost recomputed from the problem.
  public var cost: Double

  /// Whether the plan breaks no rule.
  public var isFeasible: Bool { violations.isEmpty }
}

/// Re-checks a ``DispatchPlan`` against the ``DispatchProblem`` as given, along its own path:
/// each step's times against travel recomputed from the matrices (and the congestion
/// profile, which defines what travel time means), loads recomputed from the amounts, every
/// window, skill, shift, break, trip and limit, every stop exactly once (served or listed
/// unassigned), and the cost. It does not use the search's evaluator or flattened data.
public enum DispatchChecker {
  /// Checks `plan` for `problem`.
  public static func check(_ plan: DispatchPlan, problem: DispatchProblem) -> PlanReport {
    var context = CheckContext(problem: problem)
    var cost = 0.0
    var usedVehicles: Set<Int> = []
    for route in plan.routes {
      guard problem.vehicles.indices.contains(route.vehicle),
        usedVehicles.insert(route.vehicle).inserted
      else {
        context.fail("vehicle_repeated", nil, nil, "route for vehicle index \(route.vehicle)")
        continue
      }
      cost += context.checkRoute(route)
    }
    for (index, vehicle) in problem.vehicles.enumerated()
    where !vehicle.fixedStops.isEmpty && !usedVehicles.contains(index) {
      context.fail(
        RouteRule.fixedStops.rawValue, vehicle.id, nil, "its fixed steps are not planned")
    }
    for entry in plan.unassigned { context.mark(entry.stop, vehicle: nil) }
    for stop in context.allStops where context.served[stop] == nil {
      context.fail("stop_missing", nil, stop, "neither served nor listed as unassigned")
    }
    return PlanReport(violations: context.violations, cost: cost)
  }
}

/// What the checker has seen so far.
struct CheckContext {
  let problem: DispatchProblem
  var violations: [PlanViolation] = []
  /// The route (vehicle index, or -1 for unassigned) and step position of each stop seen.
  var served: [StopReference: (vehicle: Int, position: Int)] = [:]
  let allStops: [StopReference]

  init(problem: DispatchProblem) {
    self.problem = problem
    allStops =
      problem.jobs.map { StopReference(.job, $0.stop.id) }
      + problem.shipments.flatMap {
        [StopReference(.pickup, $0.pickup.id), StopReference(.delivery, $0.delivery.id)]
      }
  }

  mutating func fail(_ rule: String, _ vehicle: Int?, _ stop: StopReference?, _ detail: String) {
    violations.append(PlanViolation(rule: rule, vehicle: vehicle, stop: stop, detail: detail))
  }

  /// Records that `stop` appears (at `position` of `vehicle`'s route, or as unassigned).
  mutating func mark(_ stop: StopReference, vehicle: Int?, position: Int = 0) {
    guard allStops.contains(stop) else {
      fail("stop_unknown", vehicle.map { problem.vehicles[$0].id }, stop, "not in the problem")
      return
    }
    guard served[stop] == nil else {
      fail("stop_repeated", vehicle.map { problem.vehicles[$0].id }, stop, "appears twice")
      return
    }
    served[stop] = (vehicle ?? -1, position)
  }

  /// The job or shipment behind a stop.
  func lookUp(_ stop: StopReference) -> (stop: DispatchStop, skills: Set<Int>, shipment: Int?)? {
    switch stop.kind {
    case .job:
      return problem.jobs.first { $0.stop.id == stop.id }.map { ($0.stop, $0.skills, nil) }
    case .pickup:
      guard let index = problem.shipments.firstIndex(where: { $0.pickup.id == stop.id }) else {
        return nil
      }
      return (problem.shipments[index].pickup, problem.shipments[index].skills, index)
    case .delivery:
      guard let index = problem.shipments.firstIndex(where: { $0.delivery.id == stop.id }) else {
        return nil
      }
      return (problem.shipments[index].delivery, problem.shipments[index].skills, index)
    }
  }
}
