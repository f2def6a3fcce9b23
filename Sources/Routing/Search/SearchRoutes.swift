/// One route under search: its nodes from start depot to end depot, with prefix and suffix
/// segment summaries so that any move touching it is priced in O(1).
struct SearchRoute {
  var nodes: ContiguousArray<Int>
  var prefix: ContiguousArray<Segment>
  var suffix: ContiguousArray<Segment>

  /// Number of clients on the route.
  var clientCount: Int { nodes.count - 2 }
  /// Position of the end depot.
  var end: Int { nodes.count - 1 }
  /// Summary of the whole route.
  var whole: Segment { prefix[nodes.count - 1] }
}

/// The mutable routes the search works on: a fixed number of route slots (the fleet limit),
/// some possibly empty, with where every client is and when each route last changed.
struct SearchRoutes {
  let data: ProblemData
  /// Segment of each node alone.
  let singles: ContiguousArray<Segment>
  private(set) var routes: [SearchRoute]
  /// Route of each node (-1 for the depot and for clients not in any route).
  private(set) var routeOf: ContiguousArray<Int>
  /// Position of each client in its route.
  private(set) var positionOf: ContiguousArray<Int>
  /// Counter value when each route last changed; 0 means unchanged since marked clean.
  private(set) var modifiedAt: ContiguousArray<Int>
  /// Counts changes; grows by one per applied move.
  private(set) var clock = 1

  init(data: ProblemData, routeCount: Int) {
    self.data = data
    singles = ContiguousArray((0...data.customerCount).map { Segment(node: $0, data: data) })
    routes = []
    routeOf = ContiguousArray(repeating: -1, count: data.customerCount + 1)
    positionOf = routeOf
    modifiedAt = ContiguousArray(repeating: 0, count: routeCount)
    for _ in 0..<routeCount {
      routes.append(SearchRoute(nodes: [0, 0], prefix: [], suffix: []))
    }
    for route in 0..<routeCount { rebuild(route) }
  }

  /// Number of route slots.
  var routeCount: Int { routes.count }

  /// Where client `node` is.
  @inline(__always) func position(of node: Int) -> Position {
    Position(route: routeOf[node], index: positionOf[node])
  }

  /// Summary of positions `from…to` of `route`.
  @inline(__always) func segment(_ route: Int, _ from: Int, _ to: Int) -> Segment {
    let target = routes[route]
    if from == 0 { return target.prefix[to] }
    if to == target.end { return target.suffix[from] }
    var result = singles[target.nodes[from]]
    var index = from + 1
    while index <= to {
      result = result.followed(by: singles[target.nodes[index]], data: data)
      index += 1
    }
    return result
  }

  /// Penalised cost of the route `rewrite` describes.
  @inline(__always) func cost(of rewrite: RouteRewrite, costs: CostEvaluator) -> Int {
    var piece = rewrite[0]
    var result = segment(piece.route, piece.from, piece.to)
    for index in 1..<rewrite.count {
      piece = rewrite[index]
      result = result.followed(by: segment(piece.route, piece.from, piece.to), data: data)
    }
    return costs.cost(result)
  }

  /// Penalised cost of route `route` as it is.
  @inline(__always) func cost(ofRoute route: Int, costs: CostEvaluator) -> Int {
    costs.cost(routes[route].whole)
  }

  /// The change of penalised cost if `rewrites` (one route, or two different routes) were
  /// applied, when it is an improvement; `nil` otherwise. Distance and load alone give a
  /// lower bound first (as in PyVRP), so most candidates are rejected before any
  /// time-window algebra is done.
  @inline(__always) func improvement(_ rewrites: Rewrites, costs: CostEvaluator) -> Int? {
    let first = rewrites.first
    var bound = distanceAndLoadCost(of: first, costs) - cost(ofRoute: first.route, costs: costs)
    if let second = rewrites.second {
      bound +=
        distanceAndLoadCost(of: second, costs)
        - cost(ofRoute: second.route, costs: costs)
    }
    guard bound < 0 else { return nil }
    var delta = cost(of: first, costs: costs) - cost(ofRoute: first.route, costs: costs)
    if let second = rewrites.second {
      delta += cost(of: second, costs: costs) - cost(ofRoute: second.route, costs: costs)
    }
    return delta < 0 ? delta : nil
  }

  /// Distance plus load penalty of the route `rewrite` describes: its cost without time warp,
  /// from prefix sums in O(pieces).
  @inline(__always) private func distanceAndLoadCost(
    of rewrite: RouteRewrite, _ costs: CostEvaluator
  ) -> Int {
    var distance = 0
    var load = 0
    var previous = -1
    for index in 0..<rewrite.count {
      let piece = rewrite[index]
      let route = routes[piece.route]
      let last = route.prefix[piece.to]
      let first = route.prefix[piece.from]
      distance = distance &+ last.distance &- first.distance
      load = load &+ last.load &- first.load &+ data.demands[first.last]
      if previous >= 0 { distance = distance &+ data.distance(previous, first.last) }
      previous = last.last
    }
    return distance &+ costs.loadCost(load)
  }

  /// Total penalised cost of all routes.
  func penalisedCost(_ costs: CostEvaluator) -> Int {
    routes.indices.reduce(0) { $0 + cost(ofRoute: $1, costs: costs) }
  }

  /// Total scaled distance of all routes.
  var distance: Int { routes.reduce(0) { $0 + $1.whole.distance } }

  /// Number of routes that serve at least one client.
  var usedRouteCount: Int { routes.reduce(0) { $0 + ($1.clientCount > 0 ? 1 : 0) } }

  /// Whether every route respects capacity and time windows.
  var isLoadFeasible: Bool { routes.allSatisfy { $0.whole.load <= data.capacity } }
  var isTimeFeasible: Bool { routes.allSatisfy { $0.whole.timeWarp == 0 } }

  /// The first route slot without clients, if any.
  var firstEmptyRoute: Int? { routes.firstIndex { $0.clientCount == 0 } }

  /// Rewrites the routes as `rewrites` describes.
  mutating func apply(_ rewrites: Rewrites) {
    let firstNodes = nodes(of: rewrites.first)
    if let second = rewrites.second {
      let secondNodes = nodes(of: second)
      replace(second.route, with: secondNodes)
    }
    replace(rewrites.first.route, with: firstNodes)
  }

  private func nodes(of rewrite: RouteRewrite) -> ContiguousArray<Int> {
    var result = ContiguousArray<Int>()
    for index in 0..<rewrite.count {
      let piece = rewrite[index]
      result.append(contentsOf: routes[piece.route].nodes[piece.from...piece.to])
    }
    return result
  }

  /// Takes client `node` out of its route.
  mutating func remove(_ node: Int) {
    let route = routeOf[node]
    var nodes = routes[route].nodes
    nodes.remove(at: positionOf[node])
    routeOf[node] = -1
    replace(route, with: nodes)
  }

  /// Puts unrouted client `node` into `route` right after position `after`.
  mutating func insert(_ node: Int, into route: Int, after: Int) {
    var nodes = routes[route].nodes
    nodes.insert(node, at: after + 1)
    replace(route, with: nodes)
  }

  /// Makes `clients` the content of `route`. The caller keeps every client in exactly one
  /// route across a batch of calls (as when returning to a consistent snapshot).
  mutating func setClients(_ route: Int, _ clients: [Int]) {
    var nodes = ContiguousArray<Int>([0])
    nodes.append(contentsOf: clients)
    nodes.append(0)
    replace(route, with: nodes)
  }

  /// Marks every route unchanged, after a move sequence that ended in a local optimum.
  mutating func markClean() {
    for route in routes.indices { modifiedAt[route] = 0 }
  }

  /// Marks every route changed, so that the local search re-examines everything.
  mutating func markAllChanged() {
    clock += 1
    for route in routes.indices { modifiedAt[route] = clock }
  }

  /// Replaces route `route` by `nodes` (depot first and last) and marks it changed.
  private mutating func replace(_ route: Int, with nodes: ContiguousArray<Int>) {
    routes[route].nodes = nodes
    rebuild(route)
    clock += 1
    modifiedAt[route] = clock
  }

  private mutating func rebuild(_ route: Int) {
    let nodes = routes[route].nodes
    var prefix = ContiguousArray<Segment>()
    prefix.reserveCapacity(nodes.count)
    var suffix = prefix
    var running = singles[0]
    prefix.append(running)
    for index in 1..<nodes.count {
      running = running.followed(by: singles[nodes[index]], data: data)
      prefix.append(running)
    }
    running = singles[0]
    suffix.append(running)
    for index in stride(from: nodes.count - 2, through: 0, by: -1) {
      running = singles[nodes[index]].followed(by: running, data: data)
      suffix.append(running)
    }
    suffix.reverse()
    for index in 1..<(nodes.count - 1) {
      routeOf[nodes[index]] = route
      positionOf[nodes[index]] = index
    }
    routes[route].prefix = prefix
    routes[route].suffix = suffix
  }
}
