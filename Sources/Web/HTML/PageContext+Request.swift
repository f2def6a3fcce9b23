public import Foundation

extension RequestContext {
  /// The page context for an HTML answer to this request: the request's language and id, the
  /// flash messages it brought, and what the calling area adds (its navigation, its home, the
  /// session's CSRF token).
  public func pageContext(
    path: String, homeHref: String = "/", navigation: [NavigationItem] = [],
    csrfToken: String? = nil, timeZone: TimeZone = DisplayFormat.defaultTimeZone
  ) -> PageContext {
    PageContext(
      localizer: Localizer(locale: locale, timeZone: timeZone), requestID: requestID,
      currentPath: path, csrfToken: csrfToken, homeHref: homeHref, navigation: navigation,
      flashes: flashes)
  }
}
