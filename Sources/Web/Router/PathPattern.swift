/// A route path such as `/api/v1/orders/{id}/events`: literal segments and named parameters.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
  /// One segment of a pattern.
  public enum Segment: Sendable, Hashable {
    /// Must equal the request's segment exactly.
    case literal(String)
    /// Captures the request's segment under this name.
    case parameter(String)
    /// Last segment only, written `{name...}`: captures the rest of the path (one or more
    /// segments, joined by `/`), for file trees such as `/assets/{path...}`.
    case remainder(String)
  }

  /// The segments, without the empty one before the leading slash.
  public let segments: [Segment]

  /// Parses a pattern; parameters are written `{name}` and fill a whole segment.
  public init(_ text: String) {
    precondition(text.hasPrefix("/"), "a route path starts with /: \(text)")
    segments = text.split(separator: "/", omittingEmptySubsequences: true).map { part in
      if part.hasPrefix("{") && part.hasSuffix("...}") {
        return .remainder(String(part.dropFirst().dropLast(4)))
      }
      if part.hasPrefix("{") && part.hasSuffix("}") {
        return .parameter(String(part.dropFirst().dropLast()))
      }
      precondition(!part.contains("{") && !part.contains("}"), "malformed route segment \(part)")
      return .literal(String(part))
    }
    let remainders = segments.indices.filter {
      if case .remainder = segments[$0] { true } else { false }
    }
    precondition(
      remainders.allSatisfy { $0 == segments.count - 1 }, "{name...} must be last: \(text)")
  }

  /// The names of the parameters, in order.
  public var parameterNames: [String] {
    segments.compactMap { segment in
      switch segment {
      case .parameter(let name), .remainder(let name): name
      case .literal: nil
      }
    }
  }

  /// The pattern as written, e.g. `/api/v1/orders/{id}`; used as the route label in metrics.
  public var description: String {
    if segments.isEmpty { return "/" }
    return segments.map { segment in
      switch segment {
      case .literal(let text): "/" + text
      case .parameter(let name): "/{" + name + "}"
      case .remainder(let name): "/{" + name + "...}"
      }
    }.joined()
  }

  /// The captured parameters when `pathSegments` matches this pattern, or nil.
  func match(_ pathSegments: [Substring]) -> [String: String]? {
    var captured: [String: String] = [:]
    for (index, segment) in segments.enumerated() {
      guard index < pathSegments.count else { return nil }
      switch segment {
      case .literal(let text):
        if text != pathSegments[index] { return nil }
      case .parameter(let name):
        captured[name] = String(pathSegments[index])
      case .remainder(let name):
        captured[name] = pathSegments[index...].joined(separator: "/")
        return captured
      }
    }
    return pathSegments.count == segments.count ? captured : nil
  }
}
