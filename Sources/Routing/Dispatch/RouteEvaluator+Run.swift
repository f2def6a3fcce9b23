/// The time pass of ``RouteEvaluator``: drives the route stop by stop.
extension RouteEvaluator {
  /// Where the vehicle is and what it has done so far in one simulation.
  struct Drive {
    var time: Int
    var place: Int?
    var outcome: RouteOutcome
    var pause = 0
    var load: [Int]
  }

  /// Seconds and metres and money from `from` to `to` leaving at `departure`.
  func leg(_ vehicle: Int, from: Int?, to: Int, departure: Int) -> (Int, Int, Double) {
    guard let from, from != to else { return (0, 0, 0) }
    let travel = data.vehicleTravel[vehicle]
    let index = from * data.problem.travel.locationCount + to
    var seconds = travel.durations[index]
    let factor = data.problem.vehicles[vehicle].speedFactor
    if factor != 1 { seconds = Int((Double(seconds) / factor).rounded()) }
    if let congestion = travel.congestion {
      seconds = congestion.travelSeconds(freeFlowSeconds: seconds, departure: departure)
    }
    let meters = travel.distances[index]
    let costs = data.problem.vehicles[vehicle].costs
    let money =
      travel.costs.map { Double($0[index]) }
      ?? costs.perHour * Double(seconds) / 3_600 + costs.perKm * Double(meters) / 1_000
    return (seconds, meters, money)
  }

  /// The earliest start at or after `time` within `windows`, if any.
  static func earliestStart(_ time: Int, in windows: ArraySlice<TimeWindow>) -> Int? {
    for window in windows where window.end >= time { return max(time, window.start) }
    return nil
  }

  func run(_ vehicle: Int, _ tasks: [Int], departure: Int, record: Bool) -> RouteOutcome {
    let spec = data.problem.vehicles[vehicle]
    let dimensions = data.dimensions
    var drive = Drive(
      time: departure, place: spec.start, outcome: RouteOutcome(departure: departure),
      load: record ? Array(tripLoad.prefix(dimensions)) : [])
    if record { recordStart(&drive) }
    var trip = 0
    for (position, task) in tasks.enumerated() {
      if reloadBefore[position], let depot = spec.start {
        trip += 1
        if let rule = reload(vehicle, at: depot, trip: trip, &drive, record: record) {
          return RouteOutcome(violation: rule)
        }
      }
      if let rule = takeBreaks(vehicle, before: task, &drive, record: record) {
        return RouteOutcome(violation: rule)
      }
      if let rule = serve(vehicle, task, first: position == 0, &drive, record: record) {
        return RouteOutcome(violation: rule)
      }
    }
    if let rule = finish(vehicle, &drive, record: record) {
      return RouteOutcome(violation: rule)
    }
    return drive.outcome
  }

  private func serve(_ vehicle: Int, _ task: Int, first: Bool, _ drive: inout Drive, record: Bool)
    -> RouteRule?
  {
    let target = data.taskLocation[task]
    let (seconds, meters, money) = leg(
      vehicle, from: drive.place, to: target, departure: drive.time)
    let arrival = drive.time + seconds
    let windows = data.windows[data.windowStart[task]..<data.windowStart[task + 1]]
    guard let start = Self.earliestStart(arrival, in: windows) else { return .timeWindow }
    let setup = drive.place == target ? 0 : data.taskSetup[task]
    let service = data.taskService[task]
    drive.outcome.travel += seconds
    drive.outcome.distance += meters
    drive.outcome.cost += money
    drive.outcome.waiting += start - arrival
    if first && drive.pause == 0 { drive.outcome.headWaiting = start - arrival }
    drive.outcome.setup += setup
    drive.outcome.service += service
    drive.time = start + setup + service
    drive.place = target
    if record {
      for k in 0..<data.dimensions {
        drive.load[k] += data.loadChange[task * data.dimensions + k]
      }
      append(.task, task, drive, arrival: arrival, waiting: start - arrival, setup, service)
    }
    return nil
  }

  /// Takes every pending break that must come before `task` (it would be too late after
  /// it) or costs nothing now (the vehicle would wait at `task` at least as long).
  private func takeBreaks(_ vehicle: Int, before task: Int, _ drive: inout Drive, record: Bool)
    -> RouteRule?
  {
    let pauses = data.breaks[vehicle]
    while drive.pause < pauses.count {
      let pause = pauses[drive.pause]
      let target = data.taskLocation[task]
      let (seconds, _, _) = leg(vehicle, from: drive.place, to: target, departure: drive.time)
      let arrival = drive.time + seconds
      let windows = data.windows[data.windowStart[task]..<data.windowStart[task + 1]]
      let start = Self.earliestStart(arrival, in: windows) ?? arrival
      let done = start + (drive.place == target ? 0 : data.taskSetup[task]) + data.taskService[task]
      let breakWindows = pause.timeWindows[...]
      let afterwards = Self.earliestStart(done, in: breakWindows) != nil
      let now = Self.earliestStart(drive.time, in: breakWindows)
      let free = now.map { $0 + pause.serviceSeconds + seconds <= start } ?? false
      guard !afterwards || free else { return nil }
      if let rule = takeBreak(vehicle, &drive, record: record) { return rule }
    }
    return nil
  }

  private func takeBreak(_ vehicle: Int, _ drive: inout Drive, record: Bool) -> RouteRule? {
    let pause = data.breaks[vehicle][drive.pause]
    guard let start = Self.earliestStart(drive.time, in: pause.timeWindows[...]) else {
      return .breakWindow
    }
    if record {
      append(
        .pause, drive.pause, drive, arrival: drive.time, waiting: start - drive.time, 0,
        pause.serviceSeconds)
    }
    drive.outcome.waiting += start - drive.time
    drive.outcome.service += pause.serviceSeconds
    drive.time = start + pause.serviceSeconds
    drive.pause += 1
    return nil
  }

  private func reload(
    _ vehicle: Int, at depot: Int, trip: Int, _ drive: inout Drive, record: Bool
  ) -> RouteRule? {
    let (seconds, meters, money) = leg(vehicle, from: drive.place, to: depot, departure: drive.time)
    let arrival = drive.time + seconds
    let reload = data.problem.vehicles[vehicle].reloadSeconds
    drive.outcome.travel += seconds
    drive.outcome.distance += meters
    drive.outcome.cost += money
    drive.outcome.service += reload
    drive.time = arrival + reload
    drive.place = depot
    if record {
      let dimensions = data.dimensions
      drive.load = Array(tripLoad[(trip * dimensions)..<((trip + 1) * dimensions)])
      append(.reload, -1, drive, arrival: arrival, waiting: 0, 0, reload)
    }
    return nil
  }

  private func finish(_ vehicle: Int, _ drive: inout Drive, record: Bool)
    -> RouteRule?
  {
    let spec = data.problem.vehicles[vehicle]
    while drive.pause < data.breaks[vehicle].count {
      if let rule = takeBreak(vehicle, &drive, record: record) { return rule }
    }
    var arrival = drive.time
    if let end = spec.end {
      let (seconds, meters, money) = leg(vehicle, from: drive.place, to: end, departure: drive.time)
      arrival += seconds
      drive.outcome.travel += seconds
      drive.outcome.distance += meters
      drive.outcome.cost += money
      drive.place = end
    }
    if record { append(.end, -1, drive, arrival: arrival, waiting: 0, 0, 0) }
    drive.outcome.arrival = arrival
    if arrival > spec.shift.end { return .shift }
    if let most = spec.maxTravelSeconds, drive.outcome.travel > most { return .maxTravelTime }
    if let most = spec.maxDistanceMeters, drive.outcome.distance > most { return .maxDistance }
    let work = Double(drive.outcome.service + drive.outcome.setup)
    drive.outcome.cost += spec.costs.fixed + spec.costs.perTaskHour * work / 3_600
    return nil
  }

  private func recordStart(_ drive: inout Drive) {
    steps = []
    append(.start, -1, drive, arrival: drive.time, waiting: 0, 0, 0)
  }

  private func append(
    _ kind: ScheduledStep.Kind, _ item: Int, _ drive: Drive, arrival: Int, waiting: Int,
    _ setup: Int, _ service: Int
  ) {
    steps.append(
      ScheduledStep(
        kind: kind, item: item, location: drive.place, arrival: arrival, waiting: waiting,
        setup: setup, service: service, load: drive.load, travel: drive.outcome.travel,
        distance: drive.outcome.distance))
  }
}
