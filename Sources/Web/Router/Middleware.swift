/// One step around a handler: it may change the request, answer early, or change the response.
///
/// Middleware is typed by the context it sees; a group that refines its context can add
/// middleware that relies on the richer context (e.g. a permission check on a signed-in user).
public protocol Middleware<Context>: Sendable {
  /// The context type this middleware reads.
  associatedtype Context: Sendable
  /// Handles a request, calling `next` to continue to the handler (or not, to answer early).
  func handle(
    _ request: Request, context: Context, next: (Request, Context) throws -> Response
  ) throws -> Response
}

/// A handler after its group's context refinement and middleware have been applied.
typealias ResolvedHandler = @Sendable (Request, RequestContext) throws -> Response

/// Wraps `handler` in `middleware`, outermost first.
func chain<Context>(
  _ middleware: [any Middleware<Context>],
  around handler: @escaping @Sendable (Request, Context) throws -> Response
) -> @Sendable (Request, Context) throws -> Response {
  middleware.reversed().reduce(handler) { next, step in
    { request, context in try step.handle(request, context: context, next: next) }
  }
}
