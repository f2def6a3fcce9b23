/// The (N, M)-exchange family of Vidal's HGS and PyVRP: move the N consecutive clients
/// starting at `u` to right after `v` (M = 0: relocate), or swap them with the M consecutive
/// clients starting at `v` (M > 0: swap), within one route or between two.
///
/// `Exchange(moved: 1, swapped: 0)` is relocate, `(1, 1)` is swap, `(2, 1)` and `(2, 2)` move
/// pairs of neighbours.
struct Exchange: NodeOperator {
  /// N, the length of the run starting at `u`.
  let moved: Int
  /// M, the length of the run starting at `v` (0 to relocate instead of swap).
  let swapped: Int

  func evaluate(_ u: Position, _ v: Position, in routes: SearchRoutes, costs: CostEvaluator)
    -> Int?
  {
    guard let rewrites = rewrites(u, v, routes) else { return nil }
    return routes.improvement(rewrites, costs: costs)
  }

  func apply(_ u: Position, _ v: Position, to routes: inout SearchRoutes) {
    if let rewrites = rewrites(u, v, routes) { routes.apply(rewrites) }
  }

  /// The routes after the move, or `nil` when the move does not apply to `u` and `v`.
  @inline(__always) private func rewrites(_ u: Position, _ v: Position, _ routes: SearchRoutes)
    -> Rewrites?
  {
    let lastOfU = u.index + moved - 1
    guard lastOfU <= routes.routes[u.route].clientCount else { return nil }
    if swapped > 0 {
      guard v.index >= 1, v.index + swapped - 1 <= routes.routes[v.route].clientCount else {
        return nil
      }
    }
    if u.route == v.route { return withinRoute(u, v, lastOfU, routes) }
    let endU = routes.routes[u.route].end
    let endV = routes.routes[v.route].end
    let keptBefore = swapped == 0 ? v.index : v.index - 1
    let keptAfter = keptBefore + 1 + swapped
    var first = RouteRewrite(route: u.route)
    first.append(u.route, 0, u.index - 1)
    first.append(v.route, v.index, v.index + swapped - 1)
    first.append(u.route, lastOfU + 1, endU)
    var second = RouteRewrite(route: v.route)
    second.append(v.route, 0, keptBefore)
    second.append(u.route, u.index, lastOfU)
    second.append(v.route, keptAfter, endV)
    return (first, second)
  }

  @inline(__always) private func withinRoute(
    _ u: Position, _ v: Position, _ lastOfU: Int, _ routes: SearchRoutes
  ) -> Rewrites? {
    let route = u.route
    let end = routes.routes[route].end
    var rewrite = RouteRewrite(route: route)
    if swapped == 0 {
      guard v.index < u.index - 1 || v.index > lastOfU else { return nil }
      if v.index < u.index {
        rewrite.append(route, 0, v.index)
        rewrite.append(route, u.index, lastOfU)
        rewrite.append(route, v.index + 1, u.index - 1)
        rewrite.append(route, lastOfU + 1, end)
      } else {
        rewrite.append(route, 0, u.index - 1)
        rewrite.append(route, lastOfU + 1, v.index)
        rewrite.append(route, u.index, lastOfU)
        rewrite.append(route, v.index + 1, end)
      }
      return (rewrite, nil)
    }
    let lastOfV = v.index + swapped - 1
    let (early, earlyLast, late, lateLast) =
      u.index < v.index
      ? (u.index, lastOfU, v.index, lastOfV) : (v.index, lastOfV, u.index, lastOfU)
    guard earlyLast < late else { return nil }
    rewrite.append(route, 0, early - 1)
    rewrite.append(route, late, lateLast)
    rewrite.append(route, earlyLast + 1, late - 1)
    rewrite.append(route, early, earlyLast)
    rewrite.append(route, lateLast + 1, end)
    return (rewrite, nil)
  }
}
