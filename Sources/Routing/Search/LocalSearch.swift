import FreightdeskCore

/// First-improvement local search over granular neighbourhoods, as in HGS-CVRP: every client
/// `u` is tried with each of its neighbours `v` under every node operator, skipping pairs
/// whose routes did not change since `u` was last tried, then SWAP* runs between routes;
/// rounds repeat until nothing improves. From the second round on, moves into an empty route
/// are tried too (not in the first, which would open too many routes). Unrouted clients (as
/// during route elimination) are left alone.
struct LocalSearch {
  private let neighbours: [ContiguousArray<Int>]
  /// The exchange operators tried on each pair, in order, before 2-opt*.
  private let exchanges: [Exchange]
  private let swapTails = SwapTails()
  private var swapStar: SwapStar
  /// Route clock value when each client's neighbourhood was last examined.
  private var lastTested: ContiguousArray<Int>
  private var order: [Int]

  init(data: ProblemData, neighbours: [ContiguousArray<Int>]) {
    self.neighbours = neighbours
    exchanges = [
      Exchange(moved: 1, swapped: 0), Exchange(moved: 2, swapped: 0),
      Exchange(moved: 1, swapped: 1), Exchange(moved: 2, swapped: 1),
      Exchange(moved: 2, swapped: 2),
    ]
    swapStar = SwapStar(data: data)
    lastTested = ContiguousArray(repeating: 0, count: data.customerCount + 1)
    order = Array(1..<(data.customerCount + 1))
  }

  /// Forgets what was tested, for use with a new set of routes.
  mutating func reset() {
    for index in lastTested.indices { lastTested[index] = 0 }
    swapStar.reset()
  }

  /// Improves `routes` until no operator finds an improving move under `costs`.
  mutating func run(
    _ routes: inout SearchRoutes, costs: CostEvaluator, using generator: inout SeededGenerator
  ) {
    order.shuffle(using: &generator)
    var round = 0
    var improved = true
    while improved || round < 2 {
      improved = false
      for u in order where examine(u, &routes, costs: costs, round: round) {
        improved = true
      }
      if round > 0, swapStar.run(&routes, costs: costs) { improved = true }
      round += 1
    }
  }

  private mutating func examine(
    _ u: Int, _ routes: inout SearchRoutes, costs: CostEvaluator, round: Int
  ) -> Bool {
    guard routes.routeOf[u] >= 0 else { return false }
    let tested = lastTested[u]
    lastTested[u] = routes.clock
    var improved = false
    for v in neighbours[u] {
      let routeU = routes.routeOf[u]
      let routeV = routes.routeOf[v]
      guard routeV >= 0 else { continue }
      guard routes.modifiedAt[routeU] > tested || routes.modifiedAt[routeV] > tested else {
        continue
      }
      let positionV = routes.position(of: v)
      if applyFirstImproving(u, positionV, &routes, costs) {
        improved = true
      } else if positionV.index == 1,
        applyFirstImproving(u, Position(route: routeV, index: 0), &routes, costs)
      {
        improved = true
      }
    }
    if round > 0, let empty = routes.firstEmptyRoute {
      let start = Position(route: empty, index: 0)
      if applyIfImproving(exchanges[0], u, start, &routes, costs)
        || applyIfImproving(swapTails, u, start, &routes, costs)
      {
        improved = true
      }
    }
    return improved
  }

  private func applyFirstImproving(
    _ u: Int, _ v: Position, _ routes: inout SearchRoutes, _ costs: CostEvaluator
  ) -> Bool {
    for exchange in exchanges where applyIfImproving(exchange, u, v, &routes, costs) {
      return true
    }
    return applyIfImproving(swapTails, u, v, &routes, costs)
  }

  @inline(__always) private func applyIfImproving<Operator: NodeOperator>(
    _ candidate: Operator, _ u: Int, _ v: Position, _ routes: inout SearchRoutes,
    _ costs: CostEvaluator
  ) -> Bool {
    let positionU = routes.position(of: u)
    guard candidate.evaluate(positionU, v, in: routes, costs: costs) != nil else { return false }
    candidate.apply(positionU, v, to: &routes)
    return true
  }
}
