/// A route path such as `/api/v1/orders/{id}/events`: literal segments and named parameters.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
  /// One segment of a pattern.
  public enum Segment: Sendable, Hashable {
    /// Must equal the request's segment exactly.
    case literal(String)
    /// Captures the request's segment under this name.
    case parameter(String)
  }

  /// The segments, without the empty one before the leading slash.
  public let segments: [Segment]

  /// Parses a pattern; parameters are written `{name}` and fill a whole segment.
  public init(_ text: String) {
    precondition(text.hasPrefix("/"), "a route path starts with /: \(text)")
    segments = text.split(separator: "/", omittingEmptySubsequences: true).map { part in
      if part.hasPrefix("{") && part.hasSuffix("}") {
        return .parameter(String(part.dropFirst().dropLast()))
      }
      precondition(!part.contains("{") && !part.contains("}"), "malformed route segment \(part)")
      return .literal(String(part))
    }
  }

  /// The names of the parameters, in order.
  public var parameterNames: [String] {
    segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
  }

  /// The pattern as written, e.g. `/api/v1/orders/{id}`; used as the route label in metrics.
  public var description: String {
    if segments.isEmpty { return "/" }
    return segments.map { segment in
      switch segment {
      case .literal(let text): "/" + text
      case .parameter(let name): "/{" + name + "}"
      }
    }.joined()
  }

  /// The captured parameters when `pathSegments` matches this pattern, or nil.
  func match(_ pathSegments: [Substring]) -> [String: String]? {
    guard pathSegments.count == segments.count else { return nil }
    var captured: [String: String] = [:]
    for (segment, actual) in zip(segments, pathSegments) {
      switch segment {
      case .literal(let text):
        if text != actual { return nil }
      case .parameter(let name):
        captured[name] = String(actual)
      }
    }
    return captured
  }
}
