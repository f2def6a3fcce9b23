/// The per-route half of ``DispatchChecker``.
extension CheckContext {
  /// Checks one route; returns its cost recomputed from the problem.
  mutating func checkRoute(_ route: PlannedRoute) -> Double {
    let vehicle = problem.vehicles[route.vehicle]
    let steps = route.steps
    let middle = steps.dropFirst().dropLast()
    guard steps.count >= 3, steps.first?.kind == .start, steps.last?.kind == .end,
      !middle.contains(where: { $0.kind == .start || $0.kind == .end }),
      let travel = problem.travel.profiles[vehicle.profile]
    else {
      fail(RouteShape.rule, vehicle.id, nil, "a route is start, at least one step, end")
      return route.cost
    }
    checkEnds(vehicle, steps)
    var walk = RouteWalk(place: steps[0].location, time: steps[0].departure)
    for (position, step) in steps.enumerated().dropFirst() {
      walk.drive(
        to: step, vehicle: vehicle, travel: travel, locations: problem.travel.locationCount)
      if step.arrival < walk.earliestArrival || step.waiting < 0 {
        fail("timing", vehicle.id, nil, "step \(position) arrives before it can get there")
      }
      if step.travel != walk.travel || step.distance != walk.distance {
        fail("timing", vehicle.id, nil, "step \(position) states the wrong travel so far")
      }
      checkStep(step, position: position, route: route.vehicle, &walk)
      walk.time = step.departure
      walk.place = step.location ?? walk.place
    }
    checkLoads(route)
    checkLimits(vehicle, steps, walk)
    let cost =
      walk.money + vehicle.costs.fixed + vehicle.costs.perTaskHour * Double(walk.work) / 3_600
    if abs(cost - route.cost) > 1e-6 * max(1, abs(cost)) {
      fail("cost_mismatch", vehicle.id, nil, "route cost \(route.cost), recomputed \(cost)")
    }
    return cost
  }

  private mutating func checkEnds(_ vehicle: DispatchVehicle, _ steps: [PlanStep]) {
    if let start = vehicle.start, steps[0].location != start {
      fail(RouteShape.rule, vehicle.id, nil, "does not start at its start place")
    }
    if let end = vehicle.end, steps[steps.count - 1].location != end {
      fail(RouteShape.rule, vehicle.id, nil, "does not end at its end place")
    }
    if steps[0].arrival < vehicle.shift.start || steps[steps.count - 1].arrival > vehicle.shift.end
    {
      fail(RouteRule.shift.rawValue, vehicle.id, nil, "route outside the shift")
    }
  }

  private mutating func checkStep(
    _ step: PlanStep, position: Int, route: Int, _ walk: inout RouteWalk
  ) {
    let vehicle = problem.vehicles[route]
    switch step.kind {
    case .job, .pickup, .delivery:
      let kind: StopReference.Kind =
        step.kind == .job ? .job : step.kind == .pickup ? .pickup : .delivery
      let reference = StopReference(kind, step.id ?? -1)
      mark(reference, vehicle: route, position: position)
      walk.tasks.append(reference)
      guard let (stop, skills, _) = lookUp(reference) else { return }
      if !skills.isSubset(of: vehicle.skills) {
        fail(RouteRule.skills.rawValue, vehicle.id, reference, "needs skills \(skills.sorted())")
      }
      if step.location != stop.location {
        fail(RouteShape.rule, vehicle.id, reference, "served away from its place")
      }
      if !Self.within(step.serviceStart, stop.timeWindows) {
        fail(RouteRule.timeWindow.rawValue, vehicle.id, reference, "starts at \(step.serviceStart)")
      }
      let setup = walk.arrivedFromElsewhere ? stop.setupSeconds : 0
      if step.setup != setup || step.service != stop.serviceSeconds {
        fail("timing", vehicle.id, reference, "setup or service time differs from the stop's")
      }
      walk.work += step.setup + step.service
    case .break:
      guard let pause = vehicle.breaks.first(where: { $0.id == step.id }),
        walk.breaks.insert(pause.id).inserted
      else {
        fail(
          RouteRule.breakWindow.rawValue, vehicle.id, nil,
          "break \(step.id ?? -1) unknown or repeated")
        return
      }
      if !Self.within(step.serviceStart, pause.timeWindows) || step.service != pause.serviceSeconds
      {
        fail(
          RouteRule.breakWindow.rawValue, vehicle.id, nil, "break \(pause.id) out of its windows")
      }
    case .reload:
      if step.location != vehicle.start || step.service != vehicle.reloadSeconds {
        fail(RouteShape.rule, vehicle.id, nil, "reload away from the start or of the wrong length")
      }
      walk.work += step.service
      walk.trips += 1
    case .start, .end: break
    }
  }

  static func within(_ time: Int, _ windows: [TimeWindow]) -> Bool {
    windows.isEmpty || windows.contains { $0.start <= time && time <= $0.end }
  }

  private mutating func checkLimits(
    _ vehicle: DispatchVehicle, _ steps: [PlanStep], _ walk: RouteWalk
  ) {
    if walk.breaks.count != vehicle.breaks.count {
      fail(
        "break_missing", vehicle.id, nil, "\(walk.breaks.count) of \(vehicle.breaks.count) breaks")
    }
    let duration = steps[steps.count - 1].arrival - steps[0].departure
    let limits: [(RouteRule, Int?, Int)] = [
      (.maxTasks, vehicle.maxTasks, walk.tasks.count),
      (.maxTravelTime, vehicle.maxTravelSeconds, walk.travel),
      (.maxDistance, vehicle.maxDistanceMeters, walk.distance),
      (.maxDuration, vehicle.maxDurationSeconds, duration),
      (.capacity, vehicle.maxTrips, walk.trips),
    ]
    for (rule, limit, value) in limits {
      if let limit, value > limit { fail(rule.rawValue, vehicle.id, nil, "\(value) > \(limit)") }
    }
    if Array(walk.tasks.prefix(vehicle.fixedStops.count)) != vehicle.fixedStops {
      fail(RouteRule.fixedStops.rawValue, vehicle.id, nil, "fixed steps are not first, in order")
    }
  }
}

/// Names the rule for a route that is not start, steps, end at the right places.
enum RouteShape {
  static let rule = "route_shape"
}

/// The checker's own walk along a route.
struct RouteWalk {
  var place: Int?
  var time: Int
  var earliestArrival = 0
  var travel = 0
  var distance = 0
  var money = 0.0
  var work = 0
  var trips = 1
  var arrivedFromElsewhere = true
  var tasks: [StopReference] = []
  var breaks: Set<Int> = []

  /// Drives from the current place to `step`'s, leaving at the current time.
  mutating func drive(
    to step: PlanStep, vehicle: DispatchVehicle, travel profile: ProfileTravel, locations: Int
  ) {
    earliestArrival = time
    arrivedFromElsewhere = place == nil || step.location == nil || step.location != place
    guard let from = place, let to = step.location, from != to else { return }
    let index = from * locations + to
    var seconds = Double(profile.durations[index])
    if vehicle.speedFactor != 1 { seconds = (seconds / vehicle.speedFactor).rounded() }
    var whole = Int(seconds)
    if let congestion = profile.congestion {
      whole = congestion.travelSeconds(freeFlowSeconds: whole, departure: time)
    }
    let meters = profile.distances[index]
    earliestArrival = time + whole
    travel += whole
    distance += meters
    if let costs = profile.costs {
      money += Double(costs[index])
    } else {
      money +=
        vehicle.costs.perHour * Double(whole) / 3_600 + vehicle.costs.perKm * Double(meters) / 1_000
    }
  }
}
