#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An arc of directions around the depot, in 1/65 536ths of a turn, covering a route's
/// clients; SWAP* only pairs routes whose arcs overlap (Vidal 2022).
struct CircleSector {
  static let turn = 65_536
  var start: Int
  var end: Int

  init(angle: Int) {
    start = angle
    end = angle
  }

  private static func modulo(_ value: Int) -> Int {
    ((value % turn) + turn) % turn
  }

  /// Grows the arc by the smaller of the two ways needed to cover `angle`.
  mutating func extend(_ angle: Int) {
    guard Self.modulo(angle - start) > Self.modulo(end - start) else { return }
    if Self.modulo(angle - end) <= Self.modulo(start - angle) {
      end = angle
    } else {
      start = angle
    }
  }

  /// Whether the two arcs share a direction.
  func overlaps(_ other: CircleSector) -> Bool {
    Self.modulo(other.start - start) <= Self.modulo(end - start)
      || Self.modulo(start - other.start) <= Self.modulo(other.end - other.start)
  }

  /// The direction of each node as seen from the depot, or `nil` without coordinates.
  static func angles(_ data: ProblemData) -> ContiguousArray<Int>? {
    guard data.instance.explicitDistances == nil else { return nil }
    let depot = data.instance.depot
    return ContiguousArray(
      (0...data.customerCount).map { node in
        let site = data.instance.site(node)
        let radians = atan2(site.y - depot.y, site.x - depot.x)
        return modulo(Int((radians / (2 * Double.pi) * Double(turn)).rounded()))
      })
  }
}
