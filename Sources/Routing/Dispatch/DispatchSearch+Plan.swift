/// Turns the best search state into a public ``DispatchPlan``.
extension DispatchSearch {
  /// The best plan, after one last attempt to place every stop left out, with each route's
  /// steps simulated and each stop left out given the rule that kept it out.
  mutating func plan() -> DispatchPlan {
    var state = best
    for unit in units where state.routeOf[unit] < 0 {
      insert(unit, into: &state, vehicles: Array(0..<data.vehicleCount))
    }
    best = state
    var routes: [PlannedRoute] = []
    for (vehicle, tasks) in state.routes.enumerated() where !tasks.isEmpty {
      let outcome = evaluator.evaluate(vehicle: vehicle, tasks: tasks, record: true)
      precondition(outcome.violation == nil, "a route of the best plan is infeasible")
      routes.append(
        PlannedRoute(
          vehicle: vehicle, steps: evaluator.steps.map { step(vehicle, $0) }, cost: outcome.cost))
    }
    var unassigned: [UnassignedStop] = []
    for unit in units where state.routeOf[unit] < 0 {
      let reason = self.reason(unit, state)
      for task in data.partner[unit] < 0 ? [unit] : [unit, data.partner[unit]] {
        unassigned.append(
          UnassignedStop(
            stop: data.reference[task], location: data.taskLocation[task], reason: reason))
      }
    }
    return DispatchPlan(routes: routes, unassigned: unassigned)
  }

  private func step(_ vehicle: Int, _ scheduled: ScheduledStep) -> PlanStep {
    var kind: PlanStep.Kind
    var id: Int?
    switch scheduled.kind {
    case .start: kind = .start
    case .end: kind = .end
    case .reload: kind = .reload
    case .pause:
      kind = .break
      id = data.breaks[vehicle][scheduled.item].id
    case .task:
      let reference = data.reference[scheduled.item]
      kind = PlanStep.Kind(rawValue: reference.kind.rawValue) ?? .job
      id = reference.id
    }
    return PlanStep(
      kind: kind, id: id, location: scheduled.location, arrival: scheduled.arrival,
      waiting: scheduled.waiting, setup: scheduled.setup, service: scheduled.service,
      load: scheduled.load, travel: scheduled.travel, distance: scheduled.distance)
  }

  /// The rule broken most often over every place `unit` could go in every suitable route.
  private func reason(_ unit: Int, _ state: DispatchState) -> RouteRule {
    var counts: [RouteRule: Int] = [:]
    let other = data.partner[unit]
    for vehicle in 0..<data.vehicleCount where data.compatible[unit * data.vehicleCount + vehicle] {
      let base = state.routes[vehicle]
      for position in data.fixedTasks[vehicle].count...base.count {
        var route = base
        route.insert(unit, at: position)
        if other >= 0 { route.insert(other, at: position + 1) }
        let rule = evaluator.evaluate(vehicle: vehicle, tasks: route).violation ?? .capacity
        counts[rule, default: 0] += 1
      }
    }
    return RouteRule.allCases.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? .capacity
  }
}
