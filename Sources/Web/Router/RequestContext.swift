/// What the server knows about a request before any business code runs: its id for logs and
/// support, the client's address, the language to answer in, and the matched route.
///
/// Route groups that need more (a signed-in user and a tenant) refine this into their own
/// context type; building that context fails with 401, so their handlers cannot run without it.
public struct RequestContext: Sendable {
  /// The request id: the client's `X-Request-ID` when well-formed, otherwise generated.
  public var requestID: String
  /// The client's IP address as text.
  public var clientAddress: String
  /// The language to answer in.
  public var locale: AppLocale
  /// Values captured from the path by the route pattern.
  public var parameters: PathParameters
  /// The matched route's description, or nil before routing and for unmatched requests.
  public var operation: Operation?
  /// One-time messages from the previous page (see ``FlashMessages``).
  public var flashes: [Flash] = []
  /// The request path, for rules that depend on the area (`/app`, `/portal`).
  public var path: String = "/"
  /// The query of a `GET` request, kept for ``target``; nil for other methods.
  public var getQuery: [(name: String, value: String)]?
  /// The path and query of a `GET` request (``Request/target``), which its page's language
  /// switch returns to; nil for other methods, whose pages (a form shown again with its
  /// errors) return to the path the page names. Built when a page asks, not for every request.
  public var target: String? { getQuery.map { Request.link(path: path, query: $0) } }
  /// The client's `Accept-Language`, kept so a signed-in user's language can be re-resolved.
  public var acceptLanguage: String?
  /// The language the visitor picked with the switch (a cookie), if any.
  public var localeChoice: AppLocale?

  /// Creates a context.
  public init(
    requestID: String, clientAddress: String, locale: AppLocale,
    parameters: PathParameters = PathParameters(), operation: Operation? = nil
  ) {
    self.requestID = requestID
    self.clientAddress = clientAddress
    self.locale = locale
    self.parameters = parameters
    self.operation = operation
  }
}
