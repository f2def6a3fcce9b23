public import Foundation

extension RequestContext {
  /// The page context for an HTML answer to this request: the request's language and id, the
  /// flash messages it brought, and what the calling area adds (its navigation, its home, the
  /// session's CSRF token). The language switch returns to the address the page was asked for,
  /// query included, or to `path` when it answers a form post.
  public func pageContext(
    path: String, homeHref: String = "/", navigation: [NavigationItem] = [],
    csrfToken: String? = nil, timeZone: TimeZone = DisplayFormat.defaultTimeZone
  ) -> PageContext {
    PageContext(
      localizer: Localizer(locale: locale, timeZone: timeZone), requestID: requestID,
      currentPath: target ?? path, csrfToken: csrfToken, homeHref: homeHref, navigation: navigation,
      flashes: flashes)
  }
}
