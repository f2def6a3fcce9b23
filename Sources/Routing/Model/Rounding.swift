/// How a Euclidean distance between two coordinates becomes the travel distance and time of
/// an instance. Benchmark sets differ here, and a cost is only comparable under one convention.
public enum Rounding: String, Sendable, CaseIterable {
  /// The exact Euclidean distance (Solomon heuristic literature).
  case none
  /// Rounded to the nearest integer, TSPLIB's `nint` (CVRPLIB X instances).
  case nint
  /// Truncated to one decimal place (exact-method literature, DIMACS).
  case trunc1

  /// The distance under this convention.
  ///
  /// ```swift
  /// Rounding.nint.apply(2.5) // 3.0
  /// Rounding.trunc1.apply(2.57) // 2.5
  /// ```
  public func apply(_ exact: Double) -> Double {
    switch self {
    case .none: exact
    case .nint: (exact + 0.5).rounded(.down)
    case .trunc1: (exact * 10).rounded(.down) / 10
    }
  }

  /// The factor by which the search multiplies distances and times to work in integers: exact
  /// for the rounded conventions, 10⁻⁴ resolution for unrounded distances.
  var scale: Int {
    switch self {
    case .none: 10_000
    case .nint: 1
    case .trunc1: 10
    }
  }
}
