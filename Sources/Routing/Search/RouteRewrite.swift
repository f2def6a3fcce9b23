/// A run of positions `from…to` (inclusive) of route `route` as it is before a move, stored
/// compactly because moves are built and copied in the search's innermost loop.
struct Piece {
  var storedRoute: Int32
  var storedFrom: Int32
  var storedTo: Int32

  init(route: Int, from: Int, to: Int) {
    storedRoute = Int32(truncatingIfNeeded: route)
    storedFrom = Int32(truncatingIfNeeded: from)
    storedTo = Int32(truncatingIfNeeded: to)
  }

  var route: Int { Int(storedRoute) }
  var from: Int { Int(storedFrom) }
  var to: Int { Int(storedTo) }
}

/// The new content of one route, spelled as up to five pieces of the current routes. Moves
/// are priced and applied from this one description, so evaluation and application cannot
/// disagree. Lives on the stack: no allocation in the search's inner loop.
struct RouteRewrite {
  /// The route being rewritten.
  let route: Int
  private(set) var count = 0
  private var pieces: (Piece, Piece, Piece, Piece, Piece)

  init(route: Int) {
    self.route = route
    let empty = Piece(route: 0, from: 0, to: -1)
    pieces = (empty, empty, empty, empty, empty)
  }

  /// Appends positions `from…to` of `route`; an empty range (`from > to`) is skipped.
  @inline(__always) mutating func append(_ route: Int, _ from: Int, _ to: Int) {
    guard from <= to else { return }
    let piece = Piece(route: route, from: from, to: to)
    switch count {
    case 0: pieces.0 = piece
    case 1: pieces.1 = piece
    case 2: pieces.2 = piece
    case 3: pieces.3 = piece
    default:
      precondition(count == 4, "a route rewrite holds at most five pieces")
      pieces.4 = piece
    }
    count += 1
  }

  /// The piece at `index` (0 ..< count).
  @inline(__always) subscript(index: Int) -> Piece {
    switch index {
    case 0: pieces.0
    case 1: pieces.1
    case 2: pieces.2
    case 3: pieces.3
    default: pieces.4
    }
  }
}

/// The new content of the one or two routes a move changes.
typealias Rewrites = (first: RouteRewrite, second: RouteRewrite?)

/// A local-search operator on a pair of positions (u, v): `u` is a client, `v` a client or a
/// route's start depot. Operators describe their move as route rewrites; ``SearchRoutes``
/// prices them (``SearchRoutes/improvement(_:costs:)``) and applies them
/// (``SearchRoutes/apply(_:)``).
protocol NodeOperator {
  /// The change of penalised cost of this operator's move on `u` and `v` when the move
  /// applies and improves; `nil` otherwise.
  func evaluate(_ u: Position, _ v: Position, in routes: SearchRoutes, costs: CostEvaluator)
    -> Int?

  /// Makes the move on `u` and `v` that ``evaluate(_:_:in:costs:)`` priced.
  func apply(_ u: Position, _ v: Position, to routes: inout SearchRoutes)
}

/// Where a node is: route index and position in that route (0 is the start depot).
struct Position {
  var route: Int
  var index: Int
}
