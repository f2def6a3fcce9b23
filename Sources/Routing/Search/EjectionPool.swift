import FreightdeskCore

/// Route elimination with an ejection pool, in the spirit of Nagata and Bräysy (2009), "A
/// powerful route minimization heuristic for the vehicle routing problem with time windows":
/// the clients of a removed route wait in a pool and are put back one at a time, last in
/// first out, keeping every route feasible. A client with no feasible place is inserted at
/// its cheapest penalised place and the local search tries to "squeeze" the result feasible
/// under boosted penalties; failing that, it takes the place of at most two clients of one
/// route, chosen to have failed least often so far, who go to the pool, and random feasible
/// relocations perturb the solution before the next attempt.
struct EjectionPool {
  /// Most clients ejected to make room for one.
  static let ejectedMax = 2
  /// Random feasible relocations after each ejection.
  static let perturbationMoves = 30
  /// Penalty factor of the squeeze descent.
  static let squeezeBoost = 100.0

  let data: ProblemData
  /// Places clients for the squeeze.
  let insertion: BestInsertion
  /// How often each client found no feasible place (starts at one).
  private var failures: [Int]

  /// Creates the step for `data`, squeezing with `insertion`.
  init(data: ProblemData, insertion: BestInsertion) {
    self.data = data
    self.insertion = insertion
    failures = Array(repeating: 1, count: data.customerCount + 1)
  }

  /// Puts the clients of `pool` back into `routes`, which must be feasible without them,
  /// within `attempts` insertion attempts and while `goesOn` allows. Returns whether every
  /// client was placed; `routes` are then feasible.
  mutating func empty(
    _ pool: [Int], into routes: inout SearchRoutes, attempts: Int,
    search: inout LocalSearch, costs: CostEvaluator, using generator: inout SeededGenerator,
    goesOn: () -> Bool
  ) -> Bool {
    var pool = pool
    var attempt = 0
    while let client = pool.last, attempt < attempts, goesOn() {
      attempt += 1
      pool.removeLast()
      if let place = cheapestFeasiblePlace(client, routes) {
        routes.insert(client, into: place.route, after: place.after)
        continue
      }
      if squeeze(client, &routes, search: &search, costs: costs, using: &generator) {
        continue
      }
      failures[client] += 1
      if let ejected = eject(for: client, &routes, using: &generator) {
        pool.append(contentsOf: ejected)
      } else {
        pool.insert(client, at: 0)
      }
      perturb(&routes, using: &generator)
    }
    return pool.isEmpty
  }

  /// The feasible place of unrouted `client` that adds the least distance, if any.
  func cheapestFeasiblePlace(
    _ client: Int, _ routes: SearchRoutes, skipping skipped: Int = -1
  ) -> (route: Int, after: Int)? {
    var best: (delta: Int, route: Int, after: Int)?
    for route in 0..<routes.routeCount where route != skipped {
      let current = routes.routes[route].whole
      guard current.load + data.demands[client] <= data.capacity else { continue }
      for after in 0..<routes.routes[route].end {
        let joined = routes.segment(route, 0, after)
          .followed(by: routes.singles[client], data: data)
          .followed(by: routes.segment(route, after + 1, routes.routes[route].end), data: data)
        guard joined.timeWarp == 0 else { continue }
        let delta = joined.distance - current.distance
        if best.map({ delta < $0.delta }) ?? true { best = (delta, route, after) }
      }
    }
    return best.map { ($0.route, $0.after) }
  }

  /// Inserts `client` at its cheapest penalised place and descends under boosted penalties;
  /// keeps the result if it is feasible, otherwise restores `routes` and returns `false`.
  private func squeeze(
    _ client: Int, _ routes: inout SearchRoutes, search: inout LocalSearch,
    costs: CostEvaluator, using generator: inout SeededGenerator
  ) -> Bool {
    let before = routes.snapshot()
    let boosted = costs.boosted(by: Self.squeezeBoost)
    insertion.insert(client, into: &routes, costs: boosted)
    search.run(&routes, costs: boosted, using: &generator)
    if routes.isLoadFeasible && routes.isTimeFeasible { return true }
    routes.remove(client)
    routes.load(before)
    return false
  }

  /// Inserts `client` where it displaces at most ``ejectedMax`` clients of one route with the
  /// smallest sum of failure counters (ties to less distance), and returns them; `nil` if
  /// no such place exists.
  private func eject(
    for client: Int, _ routes: inout SearchRoutes, using generator: inout SeededGenerator
  ) -> [Int]? {
    var best: (score: Int, distance: Int, route: Int, kept: [Int], ejected: [Int])?
    for route in (0..<routes.routeCount).shuffled(using: &generator) {
      let clients = Array(routes.routes[route].nodes.dropFirst().dropLast())
      for at in 0...clients.count {
        var trial = clients
        trial.insert(client, at: at)
        for ejected in ejections(of: trial, keeping: at) {
          let score = ejected.reduce(0) { $0 + failures[$1] }
          if let best, score > best.score { continue }
          let kept = trial.filter { !ejected.contains($0) }
          guard let distance = feasibleDistance(kept) else { continue }
          if let best, score == best.score, distance >= best.distance { continue }
          best = (score, distance, route, kept, ejected)
        }
      }
    }
    guard let best else { return nil }
    for ejected in best.ejected { routes.remove(ejected) }
    routes.setClients(best.route, best.kept)
    return best.ejected
  }

  /// Every set of one or two positions of `trial` other than `kept`, as client lists.
  private func ejections(of trial: [Int], keeping kept: Int) -> [[Int]] {
    var result: [[Int]] = []
    for first in trial.indices where first != kept {
      result.append([trial[first]])
      guard Self.ejectedMax >= 2 else { continue }
      for second in (first + 1)..<trial.count where second != kept {
        result.append([trial[first], trial[second]])
      }
    }
    return result
  }

  /// Distance of the route serving `clients` in order, or `nil` if it is infeasible.
  private func feasibleDistance(_ clients: [Int]) -> Int? {
    var segment = Segment(node: 0, data: data)
    for client in clients + [0] {
      segment = segment.followed(by: Segment(node: client, data: data), data: data)
      if segment.timeWarp > 0 || segment.load > data.capacity { return nil }
    }
    return segment.distance
  }

  /// Moves random clients to their cheapest feasible place in another route, when one exists.
  private func perturb(_ routes: inout SearchRoutes, using generator: inout SeededGenerator) {
    for _ in 0..<Self.perturbationMoves {
      let client = Int.random(in: 1...data.customerCount, using: &generator)
      let from = routes.routeOf[client]
      guard from >= 0 else { continue }
      let position = routes.positionOf[client]
      routes.remove(client)
      if let place = cheapestFeasiblePlace(client, routes, skipping: from) {
        routes.insert(client, into: place.route, after: place.after)
      } else {
        routes.insert(client, into: from, after: position - 1)
      }
    }
  }
}
