import Foundation
import FreightdeskCore

/// What an HTML error page shows; the App renders it in the site's layout.
public struct ErrorPageContent: Sendable {
  /// The HTTP status.
  public var status: Int
  /// The translated headline.
  public var title: String
  /// The translated explanation.
  public var message: String
  /// The request id, for support.
  public var requestID: String
  /// The language of the page.
  public var locale: AppLocale
}

/// Turns any error thrown while answering into the response its caller can read: problem+json
/// for API clients, an error page for browsers. Errors that are not ``UserFacingError`` are
/// logged with the request id and answered as a generic 500, never with internals.
public struct ErrorPresenter: Sendable {
  let translations: Translations
  let renderPage: @Sendable (ErrorPageContent) -> String

  /// Creates a presenter; `renderPage` draws an HTML error page (by default in the base
  /// layout without navigation).
  public init(
    translations: Translations = .bundled,
    renderPage: @escaping @Sendable (ErrorPageContent) -> String = ErrorPresenter.plainPage
  ) {
    self.translations = translations
    self.renderPage = renderPage
  }

  /// An error page in the base layout with no navigation: for requests outside the app.
  public static func plainPage(_ content: ErrorPageContent) -> String {
    let context = PageContext(
      localizer: Localizer(locale: content.locale), requestID: content.requestID,
      currentPath: "/", csrfToken: nil, homeHref: "/")
    if let status = Layout.ErrorStatus(rawValue: content.status) {
      return Layout.errorPage(status, context: context).render()
    }
    return Layout.page(title: content.title, context: context) {
      HTML.section(.class("py-5", "text-center")) {
        HTML.h1(.class("h3")) { content.title }
        HTML.p(.class("lead")) { content.message }
        HTML.p(.class("small", "text-body-secondary")) { HTML.code { content.requestID } }
      }
    }.render()
  }

  /// The response for `error` thrown while answering `request`.
  public func response(for error: any Error, request: Request, context: RequestContext)
    -> Response
  {
    let userFacing: any UserFacingError
    if let known = error as? any UserFacingError, known.kind != .internalFailure {
      userFacing = known
    } else {
      Log.event(
        "unhandled_error", level: .error,
        ["request_id": context.requestID, "path": request.path, "error": String(describing: error)])
      userFacing = HTTPError.internalError
    }
    let status = (userFacing as? HTTPError)?.status ?? userFacing.kind.httpStatus
    if wantsPage(request, context), request.method == .get,
      let target = (userFacing as? AuthenticationError)?.pageRedirect(from: request.target)
    {
      return .redirect(to: target)
    }
    var response =
      wantsPage(request, context)
      ? page(userFacing, status: status, context: context)
      : problem(userFacing, status: status, request: request, context: context)
    if case .methodNotAllowed(let allowed) = userFacing as? HTTPError {
      response.headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
    }
    return response
  }

  private func wantsPage(_ request: Request, _ context: RequestContext) -> Bool {
    if let style = context.operation?.style { return style == .page }
    if request.path.hasPrefix("/api") { return false }
    return request.headers["Accept"]?.contains("text/html") ?? false
  }

  private func problem(
    _ error: any UserFacingError, status: Int, request: Request, context: RequestContext
  ) -> Response {
    let document = ProblemDetails(
      error, status: status, instance: request.path, requestID: context.requestID,
      locale: context.locale, translations: translations)
    let body = (try? CompactJSONEncoder().encode(document)) ?? []
    return Response(
      status: status,
      headers: [
        "Content-Type": "application/problem+json",
        "Content-Language": context.locale.rawValue,
      ],
      body: body)
  }

  private func page(_ error: any UserFacingError, status: Int, context: RequestContext)
    -> Response
  {
    let content = ErrorPageContent(
      status: status,
      title: translations.text("problem.\(error.kind.catalogTitleKey)", locale: context.locale),
      message: Localizer(translations: translations, locale: context.locale).message(for: error),
      requestID: context.requestID, locale: context.locale)
    return .html(renderPage(content), status: status)
  }
}
