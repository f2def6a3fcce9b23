/// Granular neighbourhoods (Toth & Vigo 2003, as in HGS): for each client, the clients most
/// worth combining it with, so the local search tries O(n·k) pairs instead of O(n²).
///
/// Closeness follows Vidal et al. (2013) for time windows: distance plus weighted minimal
/// waiting time and minimal time warp when going from one client to the other.
enum Neighbourhood {
  /// Weight of the unavoidable waiting time in the closeness measure.
  static let waitWeight = 0.2
  /// Weight of the unavoidable time warp in the closeness measure.
  static let timeWarpWeight = 1.0

  /// The `size` closest other clients of every client (index 0, the depot, is empty).
  static func compute(_ data: ProblemData, size: Int) -> [ContiguousArray<Int>] {
    let count = data.customerCount
    var result = [ContiguousArray<Int>](repeating: [], count: count + 1)
    guard count > 1 else { return result }
    let kept = min(size, count - 1)
    for client in 1...count {
      var scored: [(score: Double, node: Int)] = []
      scored.reserveCapacity(count - 1)
      for other in 1...count where other != client {
        scored.append((closeness(client, other, data), other))
      }
      scored.sort { $0.score < $1.score || ($0.score == $1.score && $0.node < $1.node) }
      result[client] = ContiguousArray(scored.prefix(kept).map(\.node))
    }
    return result
  }

  private static func closeness(_ from: Int, _ to: Int, _ data: ProblemData) -> Double {
    let travel = data.duration(from, to)
    let wait = data.readyTimes[to] - travel - data.serviceTimes[from] - data.dueTimes[from]
    let warp = data.readyTimes[from] + data.serviceTimes[from] + travel - data.dueTimes[to]
    return Double(data.distance(from, to)) + waitWeight * Double(max(wait, 0))
      + timeWarpWeight * Double(max(warp, 0))
  }
}
