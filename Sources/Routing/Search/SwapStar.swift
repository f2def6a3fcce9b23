/// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and
/// SWAP* neighborhood"): exchange a client `u` of one route with a client `v` of another, each
/// going to its best position in the other route rather than to the other's place.
///
/// Candidates are screened on distance and load (the three cheapest insertion places per
/// client, found once per route pair); the best candidate is then priced exactly, time warp
/// included, and applied when it improves.
struct SwapStar {
  private let data: ProblemData
  private let angles: ContiguousArray<Int>?
  /// Route clock value when each route's pairs were last examined.
  private var lastTested: ContiguousArray<Int> = []
  /// Three cheapest insertion places per node, as (distance delta, insert-after position).
  private var places: ContiguousArray<InsertionPlaces>

  init(data: ProblemData) {
    self.data = data
    angles = CircleSector.angles(data)
    places = ContiguousArray(repeating: InsertionPlaces(), count: data.customerCount + 1)
  }

  /// Forgets what was tested.
  mutating func reset() {
    lastTested = []
  }

  /// Applies improving SWAP* moves between route pairs changed since last examined.
  mutating func run(_ routes: inout SearchRoutes, costs: CostEvaluator) -> Bool {
    if lastTested.count != routes.routeCount {
      lastTested = ContiguousArray(repeating: 0, count: routes.routeCount)
    }
    var improved = false
    for first in 0..<routes.routeCount where routes.routes[first].clientCount > 0 {
      let tested = lastTested[first]
      lastTested[first] = routes.clock
      for second in (first + 1)..<routes.routeCount
      where routes.routes[second].clientCount > 0
        && (routes.modifiedAt[first] > tested || routes.modifiedAt[second] > tested)
        && overlap(first, second, routes)
      {
        if let rewrites = best(first, second, routes, costs) {
          routes.apply(rewrites)
          improved = true
        }
      }
    }
    return improved
  }

  private func sector(_ route: Int, _ routes: SearchRoutes) -> CircleSector? {
    guard let angles else { return nil }
    let nodes = routes.routes[route].nodes
    var sector = CircleSector(angle: angles[nodes[1]])
    for index in 2..<(nodes.count - 1) { sector.extend(angles[nodes[index]]) }
    return sector
  }

  private func overlap(_ first: Int, _ second: Int, _ routes: SearchRoutes) -> Bool {
    guard let a = sector(first, routes), let b = sector(second, routes) else { return true }
    return a.overlaps(b)
  }

  private mutating func best(
    _ first: Int, _ second: Int, _ routes: SearchRoutes, _ costs: CostEvaluator
  ) -> Rewrites? {
    findPlaces(from: first, into: second, routes)
    findPlaces(from: second, into: first, routes)
    let routeU = routes.routes[first]
    let routeV = routes.routes[second]
    let loadU = routeU.whole.load
    let loadV = routeV.whole.load
    let baseLoadCost = costs.loadCost(loadU) + costs.loadCost(loadV)
    var bestEstimate = 0
    var chosen: (u: Int, afterU: Int, v: Int, afterV: Int)?
    for indexU in 1..<routeU.end {
      let u = routeU.nodes[indexU]
      let removeU = removalDelta(indexU, routeU)
      for indexV in 1..<routeV.end {
        let v = routeV.nodes[indexV]
        let shift = data.demands[v] - data.demands[u]
        var estimate =
          costs.loadCost(loadU + shift) + costs.loadCost(loadV - shift) - baseLoadCost
        estimate += removeU + removalDelta(indexV, routeV)
        guard estimate < bestEstimate else { continue }
        let placeU = insertion(u, replacing: indexV, routeV)
        let placeV = insertion(v, replacing: indexU, routeU)
        estimate += placeU.cost + placeV.cost
        if estimate < bestEstimate {
          bestEstimate = estimate
          chosen = (indexU, placeV.after, indexV, placeU.after)
        }
      }
    }
    guard let chosen else { return nil }
    let firstRewrite = rewrite(
      first, removing: chosen.u, inserting: Piece(route: second, from: chosen.v, to: chosen.v),
      after: chosen.afterU, end: routeU.end)
    let secondRewrite = rewrite(
      second, removing: chosen.v, inserting: Piece(route: first, from: chosen.u, to: chosen.u),
      after: chosen.afterV, end: routeV.end)
    let rewrites = (firstRewrite, secondRewrite)
    return routes.improvement(rewrites, costs: costs) == nil ? nil : rewrites
  }

  private func removalDelta(_ index: Int, _ route: SearchRoute) -> Int {
    let (before, node, after) = (route.nodes[index - 1], route.nodes[index], route.nodes[index + 1])
    return data.distance(before, after) - data.distance(before, node) - data.distance(node, after)
  }

  /// Cheapest place for `node` in `route` once the client at `removed` leaves it: in its
  /// place, or one of the three precomputed places not next to it.
  private func insertion(_ node: Int, replacing removed: Int, _ route: SearchRoute)
    -> (cost: Int, after: Int)
  {
    let before = route.nodes[removed - 1]
    let after = route.nodes[removed + 1]
    var best = (
      cost: data.distance(before, node) + data.distance(node, after)
        - data.distance(before, after), after: removed - 1
    )
    for slot in 0..<3 {
      let place = places[node][slot]
      if place.after >= 0, place.after != removed, place.after != removed - 1,
        place.cost < best.cost
      {
        best = place
      }
    }
    return best
  }

  private mutating func findPlaces(from source: Int, into target: Int, _ routes: SearchRoutes) {
    let nodes = routes.routes[target].nodes
    for node in routes.routes[source].nodes.dropFirst().dropLast() {
      var found = InsertionPlaces()
      for after in 0..<(nodes.count - 1) {
        let cost =
          data.distance(nodes[after], node) + data.distance(node, nodes[after + 1])
          - data.distance(nodes[after], nodes[after + 1])
        found.offer(cost: cost, after: after)
      }
      places[node] = found
    }
  }

  /// `route` without position `removed`, with `piece` inserted after position `after` (never
  /// `removed` itself; `removed - 1` means in its place).
  private func rewrite(
    _ route: Int, removing removed: Int, inserting piece: Piece, after: Int, end: Int
  ) -> RouteRewrite {
    var result = RouteRewrite(route: route)
    if after < removed {
      result.append(route, 0, after)
      result.append(piece.route, piece.from, piece.to)
      result.append(route, after + 1, removed - 1)
      result.append(route, removed + 1, end)
    } else {
      result.append(route, 0, removed - 1)
      result.append(route, removed + 1, after)
      result.append(piece.route, piece.from, piece.to)
      result.append(route, after + 1, end)
    }
    return result
  }
}

/// The three cheapest insertion places found so far for one node.
struct InsertionPlaces {
  private var places = (
    (cost: Int.max, after: -1), (cost: Int.max, after: -1), (cost: Int.max, after: -1)
  )

  /// Keeps `after` if it is among the three cheapest offered.
  mutating func offer(cost: Int, after: Int) {
    if cost < places.0.cost {
      places = ((cost, after), places.0, places.1)
    } else if cost < places.1.cost {
      places = (places.0, (cost, after), places.1)
    } else if cost < places.2.cost {
      places.2 = (cost, after)
    }
  }

  subscript(slot: Int) -> (cost: Int, after: Int) {
    switch slot {
    case 0: places.0
    case 1: places.1
    default: places.2
    }
  }
}
