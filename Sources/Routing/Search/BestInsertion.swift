/// Puts an unrouted client where it adds the least penalised cost, looking next to its
/// granular neighbours and in one empty route; builds first solutions and repairs perturbed
/// ones.
struct BestInsertion {
  let neighbours: [ContiguousArray<Int>]

  /// Inserts every unrouted client, in the order given.
  func insertAll(_ clients: [Int], into routes: inout SearchRoutes, costs: CostEvaluator) {
    for client in clients where routes.routeOf[client] < 0 {
      insert(client, into: &routes, costs: costs)
    }
  }

  /// Inserts unrouted `client` at its cheapest examined place.
  func insert(_ client: Int, into routes: inout SearchRoutes, costs: CostEvaluator) {
    var best = (delta: Int.max, route: -1, after: -1)
    func consider(_ route: Int, _ after: Int) {
      let delta = routes.insertionDelta(client, route: route, after: after, costs: costs)
      if delta < best.delta { best = (delta, route, after) }
    }
    for neighbour in neighbours[client] where routes.routeOf[neighbour] >= 0 {
      let position = routes.position(of: neighbour)
      consider(position.route, position.index)
      consider(position.route, position.index - 1)
    }
    if let empty = routes.firstEmptyRoute { consider(empty, 0) }
    if best.route < 0 {
      for route in 0..<routes.routeCount {
        for after in 0..<routes.routes[route].end { consider(route, after) }
      }
    }
    routes.insert(client, into: best.route, after: best.after)
  }
}

extension SearchRoutes {
  /// Change of penalised cost if unrouted `client` went into `route` after position `after`.
  func insertionDelta(_ client: Int, route: Int, after: Int, costs: CostEvaluator) -> Int {
    let joined = segment(route, 0, after).followed(by: singles[client], data: data)
      .followed(by: segment(route, after + 1, routes[route].end), data: data)
    return costs.cost(joined) - cost(ofRoute: route, costs: costs)
  }
}
