import Foundation
import FreightdeskCore

/// A place in the region hierarchy, written as segments from the largest to the smallest and
/// joined by `/`: `广东省/深圳市/南山区`, or with administrative codes `440000/440300`.
public struct RegionPath: Hashable, Sendable, CustomStringConvertible {
  /// The segments, largest first, without blanks.
  public let segments: [String]

  /// Parses `text`; surrounding blanks of each segment are dropped, empty segments ignored.
  /// Split on the `/` byte of the text's UTF-8, which never stands inside another character:
  /// every price parses both ends of its lane, and splitting through string indices cost about
  /// 6,000 instructions for a Chinese place name.
  public init(_ text: String) {
    var text = text
    segments = text.withUTF8 { utf8 in
      var segments: [String] = []
      var start = 0
      for end in 0...utf8.count where end == utf8.count || utf8[end] == UInt8(ascii: "/") {
        let segment = String(
          decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self
        ).trimmingWhitespace()
        if !segment.isEmpty { segments.append(segment) }
        start = end + 1
      }
      return segments
    }
  }

  /// The region as written, segments joined by `/`.
  public var description: String { segments.joined(separator: "/") }
}

/// One end of a lane: a region and everything inside it. `*` (or an empty pattern) matches
/// every place; `广东省/*` and `广东省` both match every place in Guangdong; `广东省/深圳市`
/// matches Shenzhen and its districts. A wildcard may only end a pattern.
///
/// The more segments a pattern names, the more specific it is, and the more specific lane
/// wins (see ``RateCard/lane(from:to:)``).
public struct RegionPattern: Hashable, Sendable, CustomStringConvertible {
  /// The named segments, largest first; empty for the wildcard.
  public let segments: [String]

  /// Parses a pattern; a trailing `*` segment is the same as leaving it out.
  public init(_ text: String) {
    var parts = RegionPath(text).segments
    while parts.last == "*" { parts.removeLast() }
    segments = parts
  }

  /// Whether the pattern has no `*` except at its end.
  public var isWellFormed: Bool { !segments.contains("*") }

  /// How many segments the pattern names: 0 for the wildcard.
  public var specificity: Int { segments.count }

  /// Whether `region` lies inside this pattern.
  public func matches(_ region: RegionPath) -> Bool {
    region.segments.count >= segments.count
      && zip(segments, region.segments).allSatisfy { $0 == $1 }
  }

  /// The pattern as written, `*` for the wildcard.
  public var description: String {
    segments.isEmpty ? "*" : segments.joined(separator: "/")
  }
}
