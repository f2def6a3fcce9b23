/// Greedy insertion: each stop (a shipment's two stops together) at its cheapest feasible
/// place among candidate routes.
extension DispatchSearch {
  /// Where a stop goes and what its route becomes.
  struct Insertion {
    var vehicle: Int
    var route: [Int]
    var cost: Double
    var delta: Double
  }

  /// Neighbours considered when choosing routes for a stop during recreation.
  static let candidateNeighbours = 20

  /// Vehicles worth trying for `unit`: all used ones (or those serving its nearest
  /// neighbours), plus the first unused vehicle of each class.
  func candidates(for unit: Int, in state: DispatchState, all: Bool) -> [Int] {
    var chosen: [Int] = []
    var taken = Array(repeating: false, count: data.vehicleCount)
    var classSeen: Set<Int> = []
    if all {
      for vehicle in 0..<data.vehicleCount where !state.routes[vehicle].isEmpty {
        taken[vehicle] = true
        chosen.append(vehicle)
      }
    } else {
      for other in data.neighbours[unit].prefix(Self.candidateNeighbours) {
        let vehicle = state.routeOf[other]
        if vehicle >= 0 && !taken[vehicle] {
          taken[vehicle] = true
          chosen.append(vehicle)
        }
      }
    }
    for vehicle in 0..<data.vehicleCount where state.routes[vehicle].isEmpty {
      if classSeen.insert(data.vehicleClass[vehicle]).inserted { chosen.append(vehicle) }
    }
    return chosen
  }

  /// The cheapest feasible insertion of `unit` into one of `vehicles`: on vehicles with
  /// static costs, places in order of their exact cost until the first feasible one; on
  /// the others, every place simulated.
  func bestInsertion(_ unit: Int, in state: DispatchState, vehicles: [Int]) -> Insertion? {
    var best: (vehicle: Int, position: Int, delivery: Int, cost: Double, delta: Double)?
    var ranked: [(delta: Double, vehicle: Int, position: Int, delivery: Int)] = []
    let other = data.partner[unit]
    for vehicle in vehicles where data.compatible[unit * data.vehicleCount + vehicle] {
      let base = state.routes[vehicle]
      guard fitsAtStart(unit, base, vehicle) else { continue }
      let first = data.fixedTasks[vehicle].count
      for position in first...base.count {
        let lastDelivery = other >= 0 ? base.count : position
        for delivery in position...lastDelivery {
          if staticCosts.isStatic[vehicle] {
            let delta =
              other >= 0
              ? staticCosts.delta(
                vehicle, base, pickup: unit, at: position, delivery: other, at: delivery)
              : staticCosts.delta(vehicle, base, unit, at: position)
            ranked.append((delta, vehicle, position, delivery))
            continue
          }
          let outcome = evaluator.evaluateInsertion(
            vehicle: vehicle, base: base, task: unit, at: position, other: other, at: delivery)
          guard outcome.violation == nil else { continue }
          let delta = outcome.cost - state.costs[vehicle]
          if best.map({ delta < $0.delta }) ?? true {
            best = (vehicle, position, delivery, outcome.cost, delta)
          }
        }
      }
    }
    ranked.sort { $0.delta < $1.delta }
    for place in ranked {
      if let found = best, place.delta >= found.delta - 1e-9 { break }
      let outcome = evaluator.evaluateInsertion(
        vehicle: place.vehicle, base: state.routes[place.vehicle], task: unit,
        at: place.position, other: other, at: place.delivery)
      guard outcome.violation == nil else { continue }
      best = (
        place.vehicle, place.position, place.delivery, outcome.cost,
        outcome.cost - state.costs[place.vehicle]
      )
      break
    }
    guard let best else { return nil }
    var route = state.routes[best.vehicle]
    if other >= 0 { route.insert(other, at: best.delivery) }
    route.insert(unit, at: best.position)
    return Insertion(vehicle: best.vehicle, route: route, cost: best.cost, delta: best.delta)
  }

  /// A quick necessary condition: on a vehicle that cannot reload, everything delivered
  /// from the start must fit at once.
  private func fitsAtStart(_ unit: Int, _ base: [Int], _ vehicle: Int) -> Bool {
    guard data.problem.vehicles[vehicle].maxTrips <= 1 else { return true }
    let dimensions = data.dimensions
    let capacity = data.capacity[vehicle]
    for k in 0..<dimensions {
      var total = data.startLoad[unit * dimensions + k]
      for task in base { total += data.startLoad[task * dimensions + k] }
      if total > capacity[k] { return false }
    }
    return true
  }

  /// Inserts `unit` at its cheapest place among `vehicles`; false if it fits nowhere.
  @discardableResult
  func insert(_ unit: Int, into state: inout DispatchState, vehicles: [Int]) -> Bool {
    guard let insertion = bestInsertion(unit, in: state, vehicles: vehicles) else { return false }
    state.setRoute(insertion.vehicle, insertion.route, cost: insertion.cost)
    state.routeOf[unit] = insertion.vehicle
    if data.partner[unit] >= 0 { state.routeOf[data.partner[unit]] = insertion.vehicle }
    state.lostPriority -= data.priority[unit]
    state.unassignedCount -= 1
    return true
  }

  /// Reinserts `removed` and a sample of the stops left out, most important first, in a
  /// random order among equals.
  mutating func recreate(_ state: inout DispatchState, _ removed: [Int]) {
    var pending = removed
    let left = units.filter { state.routeOf[$0] < 0 && !removed.contains($0) }
    pending +=
      left.count <= Self.unassignedRetriedMax
      ? left : Array(left.shuffled(using: &random).prefix(Self.unassignedRetriedMax))
    pending.shuffle(using: &random)
    pending.sort { data.priority[$0] > data.priority[$1] }
    for unit in pending {
      insert(unit, into: &state, vehicles: candidates(for: unit, in: state, all: false))
    }
  }

  /// Most stops left out that each iteration tries to place again.
  static let unassignedRetriedMax = 10
}
