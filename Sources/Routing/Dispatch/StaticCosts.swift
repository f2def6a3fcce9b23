/// Insertion costs without simulation, for vehicles whose route cost is just the sum of its
/// legs: no rush hours on their roads and a single trip. For those the cost of a route is
/// its fixed cost, the money of each leg, and the per-task-hour price of service, setup and
/// breaks, so inserting a stop changes it by exactly the detour plus the stop's own work;
/// the search then simulates only the cheapest places until one is feasible.
struct StaticCosts {
  let data: DispatchData
  let evaluator: RouteEvaluator
  /// Whether vehicle `v`'s costs are static.
  let isStatic: [Bool]

  init(data: DispatchData, evaluator: RouteEvaluator) {
    self.data = data
    self.evaluator = evaluator
    isStatic = data.problem.vehicles.indices.map {
      data.vehicleTravel[$0].congestion == nil && data.problem.vehicles[$0].maxTrips <= 1
    }
  }

  /// Money of driving between two places (nothing when one is missing or they coincide).
  func leg(_ vehicle: Int, _ from: Int?, _ to: Int?) -> Double {
    guard let to else { return 0 }
    return evaluator.leg(vehicle, from: from, to: to, departure: 0).2
  }

  /// Where the vehicle is before position `position` of `route` and after it.
  func places(_ vehicle: Int, _ route: [Int], _ position: Int) -> (Int?, Int?) {
    let spec = data.problem.vehicles[vehicle]
    let before = position == 0 ? spec.start : data.taskLocation[route[position - 1]]
    let after = position == route.count ? spec.end : data.taskLocation[route[position]]
    return (before, after)
  }

  /// The exact cost change of putting `task` at `position` of `route` (before the task
  /// now there), counting setup only as the evaluator does: when arriving from elsewhere.
  func delta(_ vehicle: Int, _ route: [Int], _ task: Int, at position: Int) -> Double {
    let (before, after) = places(vehicle, route, position)
    let here = data.taskLocation[task]
    var change =
      leg(vehicle, before, here) + leg(vehicle, here, after) - leg(vehicle, before, after)
    let costs = data.problem.vehicles[vehicle].costs
    if costs.perTaskHour > 0 {
      var work = data.taskService[task] + (before == here ? 0 : data.taskSetup[task])
      if position < route.count, let after {
        let next = route[position]
        let setupBefore = before == after ? 0 : data.taskSetup[next]
        work += (here == after ? 0 : data.taskSetup[next]) - setupBefore
      }
      if route.isEmpty { work += data.breaks[vehicle].reduce(0) { $0 + $1.serviceSeconds } }
      change += costs.perTaskHour * Double(work) / 3_600
    }
    return route.isEmpty ? change + costs.fixed : change
  }

  /// The exact cost change of a shipment's pickup at `position` and its delivery at
  /// `deliveryPosition` (positions in `route` before either is inserted).
  func delta(
    _ vehicle: Int, _ route: [Int], pickup: Int, at position: Int, delivery: Int,
    at deliveryPosition: Int
  ) -> Double {
    var withPickup = route
    withPickup.insert(pickup, at: position)
    return delta(vehicle, route, pickup, at: position)
      + delta(vehicle, withPickup, delivery, at: deliveryPosition + 1)
  }
}
