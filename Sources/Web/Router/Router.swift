/// Collects routes at start-up; `build()` freezes them into a ``Router``.
///
/// Not thread-safe: register everything before the server starts.
public final class RouterBuilder {
  private(set) var routes: [Route] = []
  private var globalMiddleware: [any Middleware<RequestContext>] = []

  /// Creates an empty builder.
  public init() {}

  /// The root group: paths as written, base ``RequestContext``.
  public var root: RouteGroup<RequestContext> {
    RouteGroup(builder: self, prefix: "", compose: { handler in handler })
  }

  /// Adds middleware that wraps every route, including those registered before.
  public func addGlobal(_ middleware: any Middleware<RequestContext>) {
    globalMiddleware.append(middleware)
  }

  func add(_ route: Route) {
    let clash = routes.contains {
      $0.method == route.method && $0.pattern.segments == route.pattern.segments
    }
    precondition(!clash, "route registered twice: \(route.method.rawValue) \(route.pattern)")
    let idClash = routes.contains { $0.operation.id == route.operation.id }
    precondition(!idClash, "operation id used twice: \(route.operation.id)")
    routes.append(route)
  }

  /// The immutable router with global middleware applied around every handler.
  public func build() -> Router {
    let wrapped = routes.map { route in
      Route(
        method: route.method, pattern: route.pattern, operation: route.operation,
        handler: chain(globalMiddleware, around: route.handler))
    }
    return Router(routes: wrapped)
  }
}

/// The frozen route table; safe to share across the server's worker threads.
public struct Router: Sendable {
  /// Every route, in registration order: the registry OpenAPI and the permission tests read.
  public let routes: [Route]
  private let literalRoutes: [String: [HTTPMethod: Route]]
  private let parameterRoutes: [Route]

  init(routes: [Route]) {
    self.routes = routes
    var literal: [String: [HTTPMethod: Route]] = [:]
    var parameterized: [Route] = []
    for route in routes {
      if route.pattern.parameterNames.isEmpty {
        literal[route.pattern.description, default: [:]][route.method] = route
      } else {
        parameterized.append(route)
      }
    }
    literalRoutes = literal
    parameterRoutes = parameterized
  }

  /// Finds the route for a method and a path; literal routes win over parameterised ones.
  func match(_ method: HTTPMethod, _ path: String) -> RouteMatch {
    let lookup = method == .head ? .get : method
    // A path as clients send it (no doubled or trailing slash) is looked up as it is; splitting
    // and joining it first cost about 9,000 instructions for every request.
    let literal = Self.isNormalized(path) ? path : Self.normalized(path)
    if let byMethod = literalRoutes[literal] {
      if let route = byMethod[lookup] { return .found(route, PathParameters()) }
      return .methodNotAllowed(Self.allowed(byMethod.keys))
    }
    let segments = path.split(separator: "/", omittingEmptySubsequences: true)
    var allowed: [HTTPMethod] = []
    for route in parameterRoutes {
      guard let captured = route.pattern.match(segments) else { continue }
      if route.method == lookup { return .found(route, PathParameters(captured)) }
      allowed.append(route.method)
    }
    return allowed.isEmpty ? .notFound : .methodNotAllowed(Self.allowed(allowed))
  }

  /// Whether `path` is `/` or `/`-separated non-empty segments, without a trailing `/`: the
  /// form routes are registered in.
  private static func isNormalized(_ path: String) -> Bool {
    guard path.utf8.first == UInt8(ascii: "/") else { return false }
    var afterSlash = false
    for byte in path.utf8 {
      let isSlash = byte == UInt8(ascii: "/")
      if isSlash && afterSlash { return false }
      afterSlash = isSlash
    }
    return path.utf8.count == 1 || !afterSlash
  }

  /// `path` in the registered form: its non-empty segments joined by `/` after a leading one.
  private static func normalized(_ path: String) -> String {
    "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
  }

  private static func allowed(_ methods: some Sequence<HTTPMethod>) -> [HTTPMethod] {
    var set = Set(methods)
    if set.contains(.get) { set.insert(.head) }
    return HTTPMethod.allCases.filter(set.contains)
  }
}
