/// A set of routes sharing a path prefix, a context type and middleware.
///
/// `refined(_:)` derives a group whose handlers receive a richer context; the refinement runs
/// before the handler and may throw (e.g. 401 when no one is signed in), so a handler registered
/// on such a group cannot run without its context. Middleware added to a group wraps every
/// route registered on it and on the groups derived from it afterwards.
public struct RouteGroup<Context: Sendable> {
  /// Turns a handler of this group's context into one the router can call.
  typealias Compose =
    @Sendable (@escaping @Sendable (Request, Context) throws -> Response) -> ResolvedHandler

  let builder: RouterBuilder
  let prefix: String
  let compose: Compose

  /// A subgroup under `path` with the same context and middleware.
  public func group(_ path: String) -> RouteGroup<Context> {
    RouteGroup(builder: builder, prefix: prefix + path, compose: compose)
  }

  /// The same group with `step` added innermost to its middleware.
  public func adding(_ step: any Middleware<Context>) -> RouteGroup<Context> {
    let outer = compose
    return RouteGroup(
      builder: builder, prefix: prefix,
      compose: { handler in outer(chain([step], around: handler)) })
  }

  /// A group whose handlers see `NewContext`, built from this group's context by `transform`.
  public func refined<NewContext: Sendable>(
    _ transform: @escaping @Sendable (Request, Context) throws -> NewContext
  ) -> RouteGroup<NewContext> {
    let outer = compose
    return RouteGroup<NewContext>(
      builder: builder, prefix: prefix,
      compose: { handler in
        outer { request, context in try handler(request, try transform(request, context)) }
      })
  }

  /// Registers a handler for `method` at `path` (relative to the group), described by
  /// `operation` in the route registry.
  public func on(
    _ method: HTTPMethod, _ path: String, _ operation: Operation,
    handler: @escaping @Sendable (Request, Context) throws -> Response
  ) {
    let full = prefix + path
    builder.add(
      Route(
        method: method, pattern: PathPattern(full.isEmpty ? "/" : full), operation: operation,
        handler: compose(handler)))
  }

  /// Registers a `GET` handler.
  public func get(
    _ path: String, _ operation: Operation,
    handler: @escaping @Sendable (Request, Context) throws -> Response
  ) {
    on(.get, path, operation, handler: handler)
  }

  /// Registers a `POST` handler.
  public func post(
    _ path: String, _ operation: Operation,
    handler: @escaping @Sendable (Request, Context) throws -> Response
  ) {
    on(.post, path, operation, handler: handler)
  }
}
