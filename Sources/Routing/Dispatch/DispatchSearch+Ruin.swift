/// String removal (after Christiaens & Vanden Berghe's SISR): around a random stop, cut a
/// short run of consecutive stops out of each of a few nearby routes; sometimes empty one
/// small route entirely, so the fleet can shrink.
extension DispatchSearch {
  /// Longest run cut from one route.
  static let stringLengthMax = 10
  /// Average number of stops removed per iteration.
  static let removedMean = 10
  /// Chance that a whole route is emptied as well.
  static let routeRemovalChance = 0.1

  /// Removes stops from `state` (unassigning them); returns the units removed, or nil when a
  /// shortened route breaks a rule (removing a stop can: a break or a reload then falls
  /// elsewhere), so the caller drops the candidate.
  mutating func ruin(_ state: inout DispatchState) -> [Int]? {
    let movable = units.filter { state.routeOf[$0] >= 0 && !isFixed[$0] }
    guard let seed = movable.randomElement(using: &random) else { return [] }
    let target = Int.random(in: 1...(2 * Self.removedMean), using: &random)
    var removed: [Int] = []
    var ruined: Set<Int> = []
    var feasible = true
    for task in [seed] + data.neighbours[seed] where removed.count < target {
      let vehicle = state.routeOf[task]
      guard vehicle >= 0, !isFixed[task], ruined.insert(vehicle).inserted else { continue }
      feasible = removeString(around: task, from: vehicle, &state, into: &removed) && feasible
    }
    if Double.random(in: 0..<1, using: &random) < Self.routeRemovalChance {
      let used = (0..<data.vehicleCount).filter {
        state.routes[$0].count > data.fixedTasks[$0].count
      }
      if let vehicle = used.min(by: { state.routes[$0].count < state.routes[$1].count }) {
        let tasks = state.routes[vehicle].dropFirst(data.fixedTasks[vehicle].count)
        feasible = remove(Array(tasks), from: vehicle, &state, into: &removed) && feasible
      }
    }
    return feasible ? removed : nil
  }

  private mutating func removeString(
    around task: Int, from vehicle: Int, _ state: inout DispatchState, into removed: inout [Int]
  ) -> Bool {
    let route = state.routes[vehicle]
    let first = data.fixedTasks[vehicle].count
    guard let position = route.firstIndex(of: task), route.count > first else { return true }
    let length = Int.random(in: 1...min(Self.stringLengthMax, route.count - first), using: &random)
    let lowest = max(first, position - length + 1)
    let highest = min(position, route.count - length)
    let start = lowest <= highest ? Int.random(in: lowest...highest, using: &random) : lowest
    return remove(
      Array(route[start..<min(route.count, start + length)]), from: vehicle, &state,
      into: &removed)
  }

  /// Takes `tasks` (with their shipment partners) out of `vehicle`'s route, in a fixed
  /// order (a set's order differs between instances, which would break reproducibility);
  /// false if what is left breaks a rule.
  private func remove(
    _ tasks: [Int], from vehicle: Int, _ state: inout DispatchState, into removed: inout [Int]
  ) -> Bool {
    var gone: [Int] = []
    for task in tasks {
      for member in [task, data.partner[task]] where member >= 0 && !gone.contains(member) {
        gone.append(member)
      }
    }
    let leaving = Set(gone)
    let route = state.routes[vehicle].filter { !leaving.contains($0) }
    for task in gone {
      state.routeOf[task] = -1
      guard data.partner[task] < 0 || data.isPickup[task] else { continue }
      removed.append(task)
      state.lostPriority += data.priority[task]
      state.unassignedCount += 1
    }
    let outcome = evaluator.evaluate(vehicle: vehicle, tasks: route)
    state.setRoute(vehicle, route, cost: outcome.cost)
    return outcome.violation == nil
  }
}
