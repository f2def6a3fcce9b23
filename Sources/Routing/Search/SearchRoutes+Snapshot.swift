/// The clients of each route slot, in order: a solution the search can return to.
typealias RouteSnapshot = [[Int]]

extension SearchRoutes {
  /// The clients of every route slot.
  func snapshot() -> RouteSnapshot {
    routes.map { Array($0.nodes.dropFirst().dropLast()) }
  }

  /// Brings `snapshot` up to date with every route changed after `stamp`.
  func update(_ snapshot: inout RouteSnapshot, changedAfter stamp: Int) {
    for route in routes.indices where modifiedAt[route] > stamp {
      snapshot[route] = Array(routes[route].nodes.dropFirst().dropLast())
    }
  }

  /// Returns every route changed after `stamp` to its content in `snapshot`, which must be the
  /// state those routes had at `stamp`, and marks the whole solution clean (already locally
  /// optimal), as it was when the snapshot was taken.
  mutating func restore(_ snapshot: RouteSnapshot, changedAfter stamp: Int) {
    for route in routes.indices where modifiedAt[route] > stamp {
      setClients(route, snapshot[route])
    }
    markClean()
  }

  /// Replaces every route by `snapshot` (one client list per slot) and marks all changed.
  mutating func load(_ snapshot: RouteSnapshot) {
    precondition(snapshot.count == routeCount, "snapshot has one list per route slot")
    for route in routes.indices { setClients(route, snapshot[route]) }
  }
}
