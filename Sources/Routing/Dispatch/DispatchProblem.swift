/// A half-open span of time `[start, end]` in seconds during which something may start.
public struct TimeWindow: Sendable, Equatable, Hashable {
  /// Earliest start, in seconds on the problem's clock.
  public var start: Int
  /// Latest start, in seconds on the problem's clock.
  public var end: Int

  /// Creates a window.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// A window open for the whole horizon.
  public static let always = TimeWindow(start: 0, end: DispatchProblem.horizonSeconds)
}

/// One stop of a pickup-and-delivery shipment, or the single stop of a job.
public struct DispatchStop: Sendable, Equatable {
  /// Caller's id of the stop (VROOM: job id, or shipment pickup / delivery id).
  public var id: Int
  /// Index of the stop's place in the travel matrices.
  public var location: Int
  /// Seconds spent on arrival when the vehicle comes from another place (parking, paperwork).
  public var setupSeconds: Int
  /// Seconds spent serving the stop.
  public var serviceSeconds: Int
  /// When service may start; several windows mean any one of them, empty means any time.
  public var timeWindows: [TimeWindow]

  /// Creates a stop.
  public init(
    id: Int, location: Int, setupSeconds: Int = 0, serviceSeconds: Int = 0,
    timeWindows: [TimeWindow] = []
  ) {
    self.id = id
    self.location = location
    self.setupSeconds = setupSeconds
    self.serviceSeconds = serviceSeconds
    self.timeWindows = timeWindows
  }
}

/// A single-stop job: goods delivered from the vehicle's start (loaded before it leaves)
/// and/or picked up and brought back to its end.
public struct DispatchJob: Sendable, Equatable {
  /// Where, when and how long.
  public var stop: DispatchStop
  /// Amount per capacity dimension loaded at the start and dropped here.
  public var delivery: [Int]
  /// Amount per capacity dimension picked up here and carried to the end.
  public var pickup: [Int]
  /// Skills the serving vehicle (and its driver) must all have.
  public var skills: Set<Int>
  /// Importance 0…100: when not everything fits, higher priorities are served first.
  public var priority: Int

  /// Creates a job.
  public init(
    stop: DispatchStop, delivery: [Int] = [], pickup: [Int] = [], skills: Set<Int> = [],
    priority: Int = 0
  ) {
    self.stop = stop
    self.delivery = delivery
    self.pickup = pickup
    self.skills = skills
    self.priority = priority
  }
}

/// Goods moved from one stop to another by one vehicle, picked up first.
public struct DispatchShipment: Sendable, Equatable {
  /// Where the goods are collected.
  public var pickup: DispatchStop
  /// Where they are dropped.
  public var delivery: DispatchStop
  /// Amount per capacity dimension carried between the two stops.
  public var amount: [Int]
  /// Skills the serving vehicle must all have.
  public var skills: Set<Int>
  /// Importance 0…100.
  public var priority: Int

  /// Creates a shipment.
  public init(
    pickup: DispatchStop, delivery: DispatchStop, amount: [Int] = [], skills: Set<Int> = [],
    priority: Int = 0
  ) {
    self.pickup = pickup
    self.delivery = delivery
    self.amount = amount
    self.skills = skills
    self.priority = priority
  }
}

/// A driver break taken where the vehicle is, within one of its windows.
public struct VehicleBreak: Sendable, Equatable {
  /// Caller's id of the break.
  public var id: Int
  /// When the break may start; any one of them.
  public var timeWindows: [TimeWindow]
  /// Length of the break in seconds.
  public var serviceSeconds: Int

  /// Creates a break.
  public init(id: Int, timeWindows: [TimeWindow], serviceSeconds: Int) {
    self.id = id
    self.timeWindows = timeWindows
    self.serviceSeconds = serviceSeconds
  }
}

/// What a vehicle costs when used: the objective is the sum of these over all routes.
public struct VehicleCosts: Sendable, Equatable {
  /// Paid once if the vehicle leaves at all.
  public var fixed: Double
  /// Paid per hour of driving.
  public var perHour: Double
  /// Paid per hour of service and setup at stops.
  public var perTaskHour: Double
  /// Paid per kilometre driven.
  public var perKm: Double

  /// Creates costs; the default prices one second of driving at one unit, as VROOM does.
  public init(
    fixed: Double = 0, perHour: Double = 3_600, perTaskHour: Double = 0, perKm: Double = 0
  ) {
    self.fixed = fixed
    self.perHour = perHour
    self.perTaskHour = perTaskHour
    self.perKm = perKm
  }
}

/// One truck with its driver for the day.
public struct DispatchVehicle: Sendable, Equatable {
  /// Caller's id.
  public var id: Int
  /// Which travel matrices (road class) it drives on.
  public var profile: String
  /// Where it leaves from (a depot, or where it is now when re-planning); `nil` starts at
  /// its first stop.
  public var start: Int?
  /// Where it must end; `nil` ends at its last stop.
  public var end: Int?
  /// Capacity per dimension (e.g. kg, m³, pallets).
  public var capacity: [Int]
  /// Skills of the vehicle and its driver (refrigerated, tail-lift, dangerous goods…).
  public var skills: Set<Int>
  /// The shift: leave no earlier than `start`, be at the end no later than `end`.
  public var shift: TimeWindow
  /// Breaks the driver must take, each within one of its windows.
  public var breaks: [VehicleBreak]
  /// What using it costs.
  public var costs: VehicleCosts
  /// Most stops (job, pickup and delivery steps) it may serve.
  public var maxTasks: Int?
  /// Most seconds of driving.
  public var maxTravelSeconds: Int?
  /// Most metres driven.
  public var maxDistanceMeters: Int?
  /// Most seconds from leaving the start to reaching the end.
  public var maxDurationSeconds: Int?
  /// Travel times are divided by this (a slow truck has less than 1).
  public var speedFactor: Double
  /// Most trips a day: after each but the last it returns to its start to reload.
  public var maxTrips: Int
  /// Seconds a reload at the start takes.
  public var reloadSeconds: Int
  /// Stops already fixed at the head of its route, in order, when re-planning (caller ids
  /// with their kind); the search keeps them first and never moves them.
  public var fixedStops: [StopReference]

  /// Creates a vehicle.
  public init(
    id: Int, profile: String = "car", start: Int?, end: Int?, capacity: [Int] = [],
    skills: Set<Int> = [], shift: TimeWindow = .always, breaks: [VehicleBreak] = [],
    costs: VehicleCosts = VehicleCosts(), maxTasks: Int? = nil, maxTravelSeconds: Int? = nil,
    maxDistanceMeters: Int? = nil, maxDurationSeconds: Int? = nil, speedFactor: Double = 1,
    maxTrips: Int = 1, reloadSeconds: Int = 0, fixedStops: [StopReference] = []
  ) {
    self.id = id
    self.profile = profile
    self.start = start
    self.end = end
    self.capacity = capacity
    self.skills = skills
    self.shift = shift
    self.breaks = breaks
    self.costs = costs
    self.maxTasks = maxTasks
    self.maxTravelSeconds = maxTravelSeconds
    self.maxDistanceMeters = maxDistanceMeters
    self.maxDurationSeconds = maxDurationSeconds
    self.speedFactor = speedFactor
    self.maxTrips = maxTrips
    self.reloadSeconds = reloadSeconds
    self.fixedStops = fixedStops
  }
}

/// The kind of a stop together with its caller id, since job, pickup and delivery ids are
/// separate namespaces (as in VROOM).
public struct StopReference: Sendable, Equatable, Hashable {
  /// A job, a shipment's pickup, or a shipment's delivery.
  public enum Kind: String, Sendable, Hashable {
    /// A single-stop job.
    case job
    /// A shipment's pickup.
    case pickup
    /// A shipment's delivery.
    case delivery
  }

  /// Which namespace the id lives in.
  public var kind: Kind
  /// The caller's id.
  public var id: Int

  /// Creates a reference.
  public init(_ kind: Kind, _ id: Int) {
    self.kind = kind
    self.id = id
  }
}

/// A real dispatch day: jobs, shipments, a heterogeneous fleet and how long and far it is
/// between places (per road class, optionally slower at rush hour). Times are seconds on
/// the caller's clock, distances metres, costs in the caller's money unit.
public struct DispatchProblem: Sendable, Equatable {
  /// The farthest time a window may reach (about 31 years in seconds from zero, enough for
  /// Unix timestamps), so sums of times never overflow.
  public static let horizonSeconds = 1 << 40
  /// Single-stop jobs.
  public var jobs: [DispatchJob]
  /// Pickup-and-delivery pairs.
  public var shipments: [DispatchShipment]
  /// The fleet.
  public var vehicles: [DispatchVehicle]
  /// Travel between places, per profile.
  public var travel: TravelModel

  /// Creates a problem.
  public init(
    jobs: [DispatchJob], shipments: [DispatchShipment] = [], vehicles: [DispatchVehicle],
    travel: TravelModel
  ) {
    self.jobs = jobs
    self.shipments = shipments
    self.vehicles = vehicles
    self.travel = travel
  }
}
