/// A moment in time as UTC epoch milliseconds, the one way Freightdesk stores time.
///
/// Stored as `Int64` in both databases; shown in the tenant's zone by the presentation layer.
public struct Instant: Hashable, Comparable, Codable, Sendable {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public var epochMilliseconds: Int64

  /// Creates an instant from epoch milliseconds.
  public init(epochMilliseconds: Int64) {
    self.epochMilliseconds = epochMilliseconds
  }

  /// Orders instants chronologically.
  public static func < (lhs: Instant, rhs: Instant) -> Bool {
    lhs.epochMilliseconds < rhs.epochMilliseconds
  }

  /// The instant a number of milliseconds later (or earlier, when negative).
  public func adding(milliseconds: Int64) -> Instant {
    Instant(epochMilliseconds: epochMilliseconds + milliseconds)
  }

  /// The instant a number of seconds later (or earlier, when negative).
  public func adding(seconds: Int64) -> Instant {
    adding(milliseconds: seconds * 1000)
  }

  /// Milliseconds from `other` to this instant.
  public func milliseconds(since other: Instant) -> Int64 {
    epochMilliseconds - other.epochMilliseconds
  }

  public init(from decoder: any Decoder) throws {
    epochMilliseconds = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(epochMilliseconds)
  }
}
