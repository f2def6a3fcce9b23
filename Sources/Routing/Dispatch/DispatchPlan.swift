/// One step of a planned route, with the times and load the plan promises.
public struct PlanStep: Sendable, Equatable {
  /// What happens at the step.
  public enum Kind: String, Sendable, Equatable {
    /// Leaving the start.
    case start
    /// Serving a job.
    case job
    /// A shipment's pickup.
    case pickup
    /// A shipment's delivery.
    case delivery
    /// A driver break.
    case `break`
    /// Back at the start to unload pickups and load the next trip.
    case reload
    /// Arriving at the end.
    case end
  }

  /// What happens.
  public var kind: Kind
  /// The caller's id of the job, pickup, delivery or break; nil for start, reload and end.
  public var id: Int?
  /// Place index, when the step has one (a vehicle without a start has none at its start).
  public var location: Int?
  /// When the vehicle arrives, in seconds.
  public var arrival: Int
  /// Seconds waited before setup or service begins.
  public var waiting: Int
  /// Setup seconds (only when coming from another place).
  public var setup: Int
  /// Service seconds (break length for breaks, reload time for reloads).
  public var service: Int
  /// Load on board after the step, per dimension.
  public var load: [Int]
  /// Driving seconds from the start up to arriving here.
  public var travel: Int
  /// Metres from the start up to arriving here.
  public var distance: Int

  /// Creates a step.
  public init(
    kind: Kind, id: Int?, location: Int?, arrival: Int, waiting: Int, setup: Int, service: Int,
    load: [Int], travel: Int, distance: Int
  ) {
    self.kind = kind
    self.id = id
    self.location = location
    self.arrival = arrival
    self.waiting = waiting
    self.setup = setup
    self.service = service
    self.load = load
    self.travel = travel
    self.distance = distance
  }

  /// When the step's setup or service starts.
  public var serviceStart: Int { arrival + waiting }
  /// When the vehicle leaves the step.
  public var departure: Int { arrival + waiting + setup + service }
}

/// One vehicle's planned day.
public struct PlannedRoute: Sendable, Equatable {
  /// Index of the vehicle in the problem's fleet.
  public var vehicle: Int
  /// Steps from start to end.
  public var steps: [PlanStep]
  /// The route's cost in money, as the solver priced it.
  public var cost: Double

  /// Creates a route.
  public init(vehicle: Int, steps: [PlanStep], cost: Double) {
    self.vehicle = vehicle
    self.steps = steps
    self.cost = cost
  }
}

/// A stop the plan leaves out, with the rule that kept it out of every route.
public struct UnassignedStop: Sendable, Equatable {
  /// The job, or a shipment's pickup and delivery (listed separately, same reason).
  public var stop: StopReference
  /// Place index of the stop.
  public var location: Int
  /// The rule broken most often when trying to fit it into each suitable route.
  public var reason: RouteRule

  /// Creates an entry.
  public init(stop: StopReference, location: Int, reason: RouteRule) {
    self.stop = stop
    self.location = location
    self.reason = reason
  }
}

/// The answer to a ``DispatchProblem``: one route per used vehicle and the stops left out.
public struct DispatchPlan: Sendable, Equatable {
  /// Routes of the vehicles that leave, in fleet order.
  public var routes: [PlannedRoute]
  /// Stops not served, each with its reason.
  public var unassigned: [UnassignedStop]

  /// Creates a plan.
  public init(routes: [PlannedRoute], unassigned: [UnassignedStop]) {
    self.routes = routes
    self.unassigned = unassigned
  }

  /// Total money of all routes.
  public var cost: Double { routes.reduce(0) { $0 + $1.cost } }
}
