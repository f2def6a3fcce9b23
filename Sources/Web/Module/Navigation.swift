/// One item of the signed-in areas' top navigation, declared by the module that owns the page
/// and shown only to users holding its permission.
public struct NavigationEntry: Sendable, Equatable {
  /// Which signed-in area it belongs to.
  public enum Area: Sendable, Equatable {
    /// The staff app under `/app`.
    case app
    /// The customer portal under `/portal`.
    case portal
  }

  /// The catalog key of its label.
  public var labelKey: String
  /// Where it leads.
  public var href: String
  /// What the user must hold to see it.
  public var permission: Permission
  /// The area.
  public var area: Area
  /// Its place, smaller first.
  public var order: Int

  /// Declares an entry.
  public init(
    labelKey: String, href: String, permission: Permission, area: Area = .app, order: Int
  ) {
    self.labelKey = labelKey
    self.href = href
    self.permission = permission
    self.area = area
    self.order = order
  }
}

extension AuthenticatedContext {
  /// The page context for a signed-in page at `path`: the user's navigation (what they may
  /// see of `entries`), their account menu, the session's CSRF token, the company's zone, and
  /// a standing warning while the company is read-only.
  public func pageContext(path: String, navigation entries: [NavigationEntry]) -> PageContext {
    let area: NavigationEntry.Area = path.hasPrefix("/portal") ? .portal : .app
    let home = area == .portal ? "/portal" : "/app"
    let items = entries.filter {
      $0.area == area && ($0.permission == .signedIn || can($0.permission))
    }
    .sorted { $0.order < $1.order }
    .map { entry in
      NavigationItem(
        labelKey: entry.labelKey, href: entry.href,
        isActive: entry.href == home ? path == home : path.hasPrefix(entry.href))
    }
    var page = request.pageContext(
      path: path, homeHref: home, navigation: items, csrfToken: csrfToken, timeZone: timeZone)
    page.languageSwitchPath = "\(home)/profile/locale"
    page.brandLogoHref = area == .app ? logoHref : nil
    page.account = AccountMenu(
      displayName: userName, companyName: tenantName, profileHref: "\(home)/profile",
      signOutPath: "/logout")
    if isReadOnly {
      page.flashes.insert(Flash(.warning, messageKey: "flash.trial_expired"), at: 0)
    }
    return page
  }
}
