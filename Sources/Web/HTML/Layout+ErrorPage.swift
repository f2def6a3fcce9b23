extension Layout {
  /// The HTTP errors that have a page of their own, by status code.
  public enum ErrorStatus: Int, Sendable, CaseIterable {
    /// 403: signed in but not allowed.
    case forbidden = 403
    /// 404: no such page.
    case notFound = 404
    /// 405: the page exists but not for this method.
    case methodNotAllowed = 405
    /// 413: the upload or form was too large.
    case payloadTooLarge = 413
    /// 500: a bug on our side.
    case internalServerError = 500
    /// 503: a dependency (usually the database) is unavailable; try again shortly.
    case serviceUnavailable = 503
  }

  /// A complete error page in the same layout: the status, a translated title and
  /// explanation, the request id to quote to support, and a way back home.
  ///
  /// The web layer sends it with the status code `status.rawValue`.
  public static func errorPage(_ status: ErrorStatus, context: PageContext) -> HTML {
    let localizer = context.localizer
    let key = "page.error.\(status.rawValue)"
    let title = localizer("\(key).title")
    return page(title: title, context: context) {
      HTML.section(.class("py-5", "text-center")) {
        HTML.p(.class("display-4", "text-body-secondary")) { String(status.rawValue) }
        HTML.h1(.class("h3")) { title }
        HTML.p(.class("lead")) { localizer("\(key).message") }
        HTML.p(.class("small", "text-body-secondary")) {
          localizer("page.error.support")
          HTML.text(" ")
          HTML.code(.class("request-id")) { context.requestID }
        }
        HTML.a(.class("btn", "btn-primary"), .href(context.homeHref)) {
          localizer("page.error.back_home")
        }
      }
    }
  }
}
