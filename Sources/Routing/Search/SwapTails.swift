/// 2-opt* between two routes: the clients after `u` and the clients after `v` change routes,
/// so `u` continues with `v`'s tail and `v` with `u`'s. Strong for time windows because no
/// run is reversed.
struct SwapTails: NodeOperator {
  func evaluate(_ u: Position, _ v: Position, in routes: SearchRoutes, costs: CostEvaluator)
    -> Int?
  {
    guard u.route != v.route else { return nil }
    return routes.improvement(rewrites(u, v, routes), costs: costs)
  }

  func apply(_ u: Position, _ v: Position, to routes: inout SearchRoutes) {
    routes.apply(rewrites(u, v, routes))
  }

  @inline(__always) private func rewrites(_ u: Position, _ v: Position, _ routes: SearchRoutes)
    -> Rewrites
  {
    var first = RouteRewrite(route: u.route)
    first.append(u.route, 0, u.index)
    first.append(v.route, v.index + 1, routes.routes[v.route].end)
    var second = RouteRewrite(route: v.route)
    second.append(v.route, 0, v.index)
    second.append(u.route, u.index + 1, routes.routes[u.route].end)
    return (first, second)
  }
}
