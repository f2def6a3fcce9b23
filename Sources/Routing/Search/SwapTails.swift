/// 2-opt* between two routes: the clients after `u` and the clients after `v` change routes,
/// so `u` continues with `v`'s tail and `v` with `u`'s. Strong for time windows because no
/// run is reversed.
struct SwapTails: NodeOperator {
  func evaluate(
    _ u: Position, _ v: Position, in routes: SearchRoutes, costs: CostEvaluator
  ) -> Move? {
    guard u.route != v.route else { return nil }
    var first = RouteRewrite(route: u.route)
    first.append(u.route, 0, u.index)
    first.append(v.route, v.index + 1, routes.routes[v.route].end)
    var second = RouteRewrite(route: v.route)
    second.append(v.route, 0, v.index)
    second.append(u.route, u.index + 1, routes.routes[u.route].end)
    return routes.move(first, second, costs: costs)
  }
}
