import FreightdeskCore

/// Turns a request into a response: request id, locale, routing, the handler, errors as
/// problem+json or error pages, security headers, metrics and the access log.
///
/// It knows nothing of sockets, so tests can call ``handle(_:clientAddress:)`` directly and the
/// same code serves real connections through ``HTTPServer``.
public final class Pipeline: Sendable {
  /// The route table.
  public let router: Router
  /// Request metrics, rendered at `/metrics`.
  public let metrics: Metrics
  let accessLog: AccessLog
  let errors: ErrorPresenter
  let defaultLocale: AppLocale
  private let monotonic = MonotonicClock()

  /// Creates a pipeline over a frozen router.
  public init(
    router: Router, metrics: Metrics, accessLog: AccessLog, errors: ErrorPresenter,
    defaultLocale: AppLocale = .simplifiedChinese
  ) {
    self.router = router
    self.metrics = metrics
    self.accessLog = accessLog
    self.errors = errors
    self.defaultLocale = defaultLocale
  }

  /// The route for a method and path as the server first sees them (nil for a method we do
  /// not know); matched once, it decides the body limit and then dispatches the request.
  func match(method: String, path: String) -> RouteMatch? {
    HTTPMethod(rawValue: method).map { router.match($0, path) }
  }

  /// The body limit of a match: the route's own, or the default for unknown routes.
  static func bodyBytesMax(for match: RouteMatch?) -> Int {
    guard case .found(let route, _) = match else { return Limits.requestBodyBytesMax }
    return route.operation.bodyBytesMax
  }

  /// Answers a request whose body was read by the server.
  func respond(to pending: PendingRequest) -> Response {
    guard let method = HTTPMethod(rawValue: pending.method) else {
      let request = Request(method: .get, path: pending.path, headers: pending.headers)
      let context = makeContext(for: request, clientAddress: pending.clientAddress)
      let allowed: [HTTPMethod]
      switch router.match(.get, pending.path) {
      case .found(let route, _): allowed = [route.method]
      case .methodNotAllowed(let methods): allowed = methods
      case .notFound: allowed = []
      }
      let error: HTTPError = allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
      return finish(
        errors.response(for: error, request: request, context: context), request: request,
        context: context, route: "unmatched", started: pending.startedNanoseconds)
    }
    var request = Request(
      method: method, path: pending.path, query: pending.query, headers: pending.headers,
      body: pending.body)
    request.parts = pending.parts
    return handle(
      request, clientAddress: pending.clientAddress, started: pending.startedNanoseconds,
      match: pending.match)
  }

  /// The 413 answer for a body over its route's limit.
  func tooLarge(_ pending: PendingRequest) -> Response {
    let request = Request(
      method: HTTPMethod(rawValue: pending.method) ?? .post, path: pending.path,
      headers: pending.headers)
    let context = makeContext(for: request, clientAddress: pending.clientAddress)
    var response = errors.response(
      for: HTTPError.payloadTooLarge(limitBytes: pending.bodyBytesMax), request: request,
      context: context)
    response.headers.set("Connection", "close")
    var label = "unmatched"
    if case .found(let route, _) = pending.match { label = route.pattern.description }
    return finish(
      response, request: request, context: context, route: label,
      started: pending.startedNanoseconds)
  }

  /// Answers `request` as if it had arrived from `clientAddress`.
  public func handle(_ request: Request, clientAddress: String, started: UInt64? = nil)
    -> Response
  {
    handle(request, clientAddress: clientAddress, started: started, match: nil)
  }

  /// Answers `request`, reusing the route `match` the server already made for it.
  func handle(_ request: Request, clientAddress: String, started: UInt64?, match: RouteMatch?)
    -> Response
  {
    let started = started ?? monotonic.nanoseconds()
    var context = makeContext(for: request, clientAddress: clientAddress)
    context.flashes = FlashMessages.read(from: request)
    let response: Response
    var label = "unmatched"
    switch match ?? router.match(request.method, request.path) {
    case .found(let route, let parameters):
      context.parameters = parameters
      context.operation = route.operation
      label = route.pattern.description
      do {
        response = try route.handler(request, context)
      } catch {
        response = errors.response(for: error, request: request, context: context)
      }
    case .methodNotAllowed(let allowed):
      var answer = errors.response(
        for: HTTPError.methodNotAllowed(allowed: allowed), request: request, context: context)
      answer.headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
      response = answer
    case .notFound:
      response = errors.response(for: HTTPError.notFound, request: request, context: context)
    }
    return finish(response, request: request, context: context, route: label, started: started)
  }

  private func makeContext(for request: Request, clientAddress: String) -> RequestContext {
    let choice = LanguagePreference.chosen(in: request)
    let acceptLanguage = request.headers["Accept-Language"]
    var context = RequestContext(
      requestID: RequestID.accept(request.headers["X-Request-ID"]) ?? RequestID.generate(),
      clientAddress: clientAddress,
      locale: AppLocale.resolve(
        userPreference: choice, acceptLanguage: acceptLanguage, tenantDefault: defaultLocale))
    context.path = request.path
    if request.method == .get || request.method == .head { context.getQuery = request.query }
    context.acceptLanguage = acceptLanguage
    context.localeChoice = choice
    return context
  }

  private func finish(
    _ response: Response, request: Request, context: RequestContext, route: String,
    started: UInt64
  ) -> Response {
    var response = response
    SecurityHeaders.apply(to: &response, requestID: context.requestID)
    FlashMessages.clearIfShown(request: request, response: &response)
    let seconds = Double(monotonic.nanoseconds() - started) / 1e9
    metrics.record(
      route: route, method: request.method.rawValue, status: response.status,
      durationSeconds: seconds)
    accessLog.record(
      request: request, context: context, route: route, status: response.status,
      bytes: response.bodyCount, durationSeconds: seconds)
    return response
  }
}
