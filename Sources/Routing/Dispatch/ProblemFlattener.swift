/// Validates a ``DispatchProblem`` field by field and lays it out as flat per-task arrays
/// for ``DispatchData``.
struct ProblemFlattener {
  var dimensions = 0
  var location: [Int] = []
  var setup: [Int] = []
  var service: [Int] = []
  var windowStart: [Int] = [0]
  var windows: [TimeWindow] = []
  var startLoad: [Int] = []
  var loadChange: [Int] = []
  var partner: [Int] = []
  var isPickup: [Bool] = []
  var priority: [Int] = []
  var reference: [StopReference] = []
  var subject: [ProblemSubject] = []
  var skills: [Set<Int>] = []
  var compatible: [Bool] = []
  var vehicleTravel: [ProfileTravel] = []
  var capacity: [[Int]] = []
  var breaks: [[VehicleBreak]] = []
  var fixedTasks: [[Int]] = []
  private let places: Int
  private var fixedSeen: Set<Int> = []

  init(_ problem: DispatchProblem) throws(DispatchProblemError) {
    places = problem.travel.locationCount
    guard !problem.vehicles.isEmpty else { throw .fleetEmpty }
    guard problem.vehicles.count <= Limits.dispatchVehiclesMax else {
      throw .tooLarge(
        field: "vehicles", count: problem.vehicles.count, max: Limits.dispatchVehiclesMax)
    }
    let stops = problem.jobs.count + 2 * problem.shipments.count
    guard stops <= Limits.dispatchStopsMax else {
      throw .tooLarge(field: "stops", count: stops, max: Limits.dispatchStopsMax)
    }
    guard places <= Limits.dispatchLocationsMax else {
      throw .tooLarge(field: "locations", count: places, max: Limits.dispatchLocationsMax)
    }
    dimensions = Self.dimensions(problem)
    try checkMatrices(problem.travel)
    for (index, job) in problem.jobs.enumerated() {
      let who = ProblemSubject.job(index: index, id: job.stop.id)
      try addStop(job.stop, who, field: "")
      let delivery = try amount(job.delivery, who, field: "delivery")
      let pickup = try amount(job.pickup, who, field: "pickup")
      startLoad += delivery
      loadChange += zip(pickup, delivery).map { $0 - $1 }
      try addTask(.job, job.stop.id, who, partner: -1, priority: job.priority, skills: job.skills)
    }
    for (index, shipment) in problem.shipments.enumerated() {
      let who = ProblemSubject.shipment(index: index, pickupID: shipment.pickup.id)
      let amount = try amount(shipment.amount, who, field: "amount")
      let first = location.count
      try addStop(shipment.pickup, who, field: "pickup.")
      startLoad += Array(repeating: 0, count: dimensions)
      loadChange += amount
      try addTask(
        .pickup, shipment.pickup.id, who, partner: first + 1, priority: shipment.priority,
        skills: shipment.skills)
      try addStop(shipment.delivery, who, field: "delivery.")
      startLoad += Array(repeating: 0, count: dimensions)
      loadChange += amount.map { -$0 }
      try addTask(
        .delivery, shipment.delivery.id, who, partner: first, priority: shipment.priority,
        skills: shipment.skills)
    }
    try checkIDs()
    for (index, vehicle) in problem.vehicles.enumerated() {
      try addVehicle(vehicle, .vehicle(index: index, id: vehicle.id), problem.travel)
    }
    compatible = skills.flatMap { needed in
      problem.vehicles.map { needed.isSubset(of: $0.skills) }
    }
  }

  private static func dimensions(_ problem: DispatchProblem) -> Int {
    let counts =
      problem.jobs.flatMap { [$0.delivery.count, $0.pickup.count] }
      + problem.shipments.map(\.amount.count) + problem.vehicles.map(\.capacity.count)
    return counts.max() ?? 0
  }

  private func checkMatrices(_ travel: TravelModel) throws(DispatchProblemError) {
    let size = travel.locationCount * travel.locationCount
    for (name, profile) in travel.profiles {
      guard profile.durations.count == size, profile.distances.count == size,
        profile.costs.map({ $0.count == size }) ?? true
      else { throw .matrixShape(profile: name, expected: travel.locationCount) }
      if let factors = profile.congestion?.hourlyFactors,
        factors.count != 24 || !factors.allSatisfy({ $0.isFinite && $0 >= 1 && $0 <= 10 })
      {
        throw .factorInvalid(.problem, field: "congestion of profile \(name)")
      }
    }
  }

  private func amount(_ values: [Int], _ who: ProblemSubject, field: String)
    throws(DispatchProblemError) -> [Int]
  {
    guard values.isEmpty || values.count == dimensions else {
      throw .dimensionsMismatch(who, field: field, expected: dimensions, got: values.count)
    }
    if values.contains(where: { $0 < 0 }) { throw .valueNegative(who, field: field) }
    return values.isEmpty ? Array(repeating: 0, count: dimensions) : values
  }

  private mutating func addStop(_ stop: DispatchStop, _ who: ProblemSubject, field: String)
    throws(DispatchProblemError)
  {
    guard (0..<places).contains(stop.location) else {
      throw .locationUnknown(who, field: field + "location_index", index: stop.location)
    }
    if stop.setupSeconds < 0 { throw .valueNegative(who, field: field + "setup") }
    if stop.serviceSeconds < 0 { throw .valueNegative(who, field: field + "service") }
    let sorted = try Self.windows(stop.timeWindows, who, field: field + "time_windows")
    location.append(stop.location)
    setup.append(stop.setupSeconds)
    service.append(stop.serviceSeconds)
    windows += sorted.isEmpty ? [.always] : sorted
    windowStart.append(windows.count)
  }

  /// Sorted windows; an inverted one is an error.
  static func windows(_ given: [TimeWindow], _ who: ProblemSubject, field: String)
    throws(DispatchProblemError) -> [TimeWindow]
  {
    for (index, window) in given.enumerated() {
      guard window.start <= window.end else {
        throw .timeWindowInverted(who, field: "\(field)[\(index)]")
      }
      guard window.start >= 0, window.end <= DispatchProblem.horizonSeconds else {
        throw .valueNegative(who, field: "\(field)[\(index)]")
      }
    }
    return given.sorted { $0.start < $1.start }
  }

  private mutating func addTask(
    _ kind: StopReference.Kind, _ id: Int, _ who: ProblemSubject, partner other: Int,
    priority value: Int, skills needed: Set<Int>
  ) throws(DispatchProblemError) {
    guard (0...100).contains(value) else { throw .valueNegative(who, field: "priority") }
    partner.append(other)
    isPickup.append(kind == .pickup)
    priority.append(value)
    reference.append(StopReference(kind, id))
    subject.append(who)
    skills.append(needed)
  }

  private func checkIDs() throws(DispatchProblemError) {
    var seen: Set<StopReference> = []
    for (task, stop) in reference.enumerated() where !seen.insert(stop).inserted {
      throw .idRepeated(subject[task])
    }
  }

  private mutating func addVehicle(
    _ vehicle: DispatchVehicle, _ who: ProblemSubject, _ travel: TravelModel
  ) throws(DispatchProblemError) {
    guard let profile = travel.profiles[vehicle.profile] else {
      throw .profileUnknown(who, profile: vehicle.profile)
    }
    for (field, place) in [("start_index", vehicle.start), ("end_index", vehicle.end)] {
      if let place, !(0..<places).contains(place) {
        throw .locationUnknown(who, field: field, index: place)
      }
    }
    guard vehicle.shift.start <= vehicle.shift.end else {
      throw .timeWindowInverted(who, field: "time_window")
    }
    guard vehicle.speedFactor.isFinite, vehicle.speedFactor > 0, vehicle.speedFactor <= 5 else {
      throw .factorInvalid(who, field: "speed_factor")
    }
    let limits = [
      ("max_tasks", vehicle.maxTasks), ("max_travel_time", vehicle.maxTravelSeconds),
      ("max_distance", vehicle.maxDistanceMeters), ("max_duration", vehicle.maxDurationSeconds),
      ("reload_duration", vehicle.reloadSeconds), ("max_trips", vehicle.maxTrips - 1),
    ]
    for (field, value) in limits where (value ?? 0) < 0 { throw .valueNegative(who, field: field) }
    let costs = vehicle.costs
    for (field, value) in [
      ("costs.fixed", costs.fixed), ("costs.per_hour", costs.perHour),
      ("costs.per_task_hour", costs.perTaskHour), ("costs.per_km", costs.perKm),
    ] where !(value.isFinite && value >= 0) {
      throw .valueNegative(who, field: field)
    }
    vehicleTravel.append(profile)
    capacity.append(try amount(vehicle.capacity, who, field: "capacity"))
    breaks.append(try vehicleBreaks(vehicle.breaks, who))
    fixedTasks.append(try fixed(vehicle.fixedStops, who))
  }

  private func vehicleBreaks(_ given: [VehicleBreak], _ who: ProblemSubject)
    throws(DispatchProblemError) -> [VehicleBreak]
  {
    var result: [VehicleBreak] = []
    for (index, pause) in given.enumerated() {
      guard pause.serviceSeconds >= 0 else {
        throw .valueNegative(who, field: "breaks[\(index)].service")
      }
      var sorted = pause
      sorted.timeWindows = try Self.windows(
        pause.timeWindows, who, field: "breaks[\(index)].time_windows")
      if sorted.timeWindows.isEmpty { sorted.timeWindows = [.always] }
      result.append(sorted)
    }
    return result.sorted { $0.timeWindows[0].start < $1.timeWindows[0].start }
  }

  private mutating func fixed(_ stops: [StopReference], _ who: ProblemSubject)
    throws(DispatchProblemError) -> [Int]
  {
    var tasks: [Int] = []
    for stop in stops {
      guard let task = reference.firstIndex(of: stop), fixedSeen.insert(task).inserted else {
        throw .fixedStopInvalid(who, stop: "\(stop.kind.rawValue) \(stop.id)")
      }
      tasks.append(task)
    }
    for task in tasks where partner[task] >= 0 && !tasks.contains(partner[task]) {
      let stop = reference[partner[task]]
      throw .fixedStopInvalid(who, stop: "\(stop.kind.rawValue) \(stop.id) (fix both stops)")
    }
    return tasks
  }
}
