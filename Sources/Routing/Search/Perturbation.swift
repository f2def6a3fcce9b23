import FreightdeskCore

/// The "kick" of the iterated local search: removes a few related clients (a random client
/// and some of its granular neighbours, so that the removed clients can be recombined) and
/// reinserts them one by one at their cheapest places, in random order.
struct Perturbation {
  /// Fewest clients removed per kick.
  static let removedMin = 2
  /// Most clients removed per kick.
  static let removedMax = 20
  /// Fraction of the instance's clients that caps the removal on small instances.
  static let removedShareMax = 0.25

  let neighbours: [ContiguousArray<Int>]
  let insertion: BestInsertion
  private let clientCount: Int

  init(neighbours: [ContiguousArray<Int>], clientCount: Int) {
    self.neighbours = neighbours
    insertion = BestInsertion(neighbours: neighbours)
    self.clientCount = clientCount
  }

  /// Kicks `routes` once.
  func apply(
    to routes: inout SearchRoutes, costs: CostEvaluator, using generator: inout SeededGenerator
  ) {
    guard clientCount >= 2 else { return }
    let cap = max(1, min(Self.removedMax, Int(Double(clientCount) * Self.removedShareMax)))
    let target = Int.random(in: min(Self.removedMin, cap)...cap, using: &generator)
    let seed = Int.random(in: 1...clientCount, using: &generator)
    var removed = [seed]
    for neighbour in neighbours[seed] where removed.count < target {
      if Bool.random(using: &generator) { removed.append(neighbour) }
    }
    for client in removed { routes.remove(client) }
    removed.shuffle(using: &generator)
    insertion.insertAll(removed, into: &routes, costs: costs)
  }
}
