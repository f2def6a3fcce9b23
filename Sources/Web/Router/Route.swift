/// A registered route: method, path pattern, its registry entry and its resolved handler.
public struct Route: Sendable {
  /// The method it answers (HEAD is served by GET routes).
  public let method: HTTPMethod
  /// The path pattern.
  public let pattern: PathPattern
  /// The registry entry.
  public let operation: Operation
  let handler: ResolvedHandler
}

/// The outcome of looking up a method and path.
enum RouteMatch {
  /// A route answers; these are its captured parameters.
  case found(Route, PathParameters)
  /// The path exists, but not for this method; these methods would answer.
  case methodNotAllowed([HTTPMethod])
  /// Nothing answers this path.
  case notFound
}
