/// What the base layout needs to know about the request a page answers.
///
/// The web layer fills one per request from its request context (session, tenant, user,
/// resolved locale); pages pass it to ``Layout/page(title:context:content:)`` untouched.
/// It is a plain value so the layout can be rendered and tested without a server.
public struct PageContext: Sendable {
  /// The person's language, the tenant's time zone and the catalogs.
  public var localizer: Localizer
  /// The id of this request, shown on error pages so support can find it in the logs.
  public var requestID: String
  /// The path of this page, e.g. `/app/orders?page=2`; the language switch returns here.
  public var currentPath: String
  /// The session's CSRF token for the language switch form; nil hides the switch (for pages
  /// served without a session, where the form could not be accepted anyway).
  public var csrfToken: String?
  /// Where the brand link and the error pages' "back" button lead, e.g. `/app` or `/portal`.
  public var homeHref: String
  /// The top navigation, in display order; empty for pages without a signed-in user.
  public var navigation: [NavigationItem]
  /// Messages from the previous request (e.g. "Order saved"), shown above the content.
  public var flashes: [Flash]

  /// Creates a page context.
  /// Where the language switch posts: `/locale` before sign-in, the profile after it (so the
  /// choice is saved with the user).
  public var languageSwitchPath = Layout.LanguageSwitchForm.path
  /// The signed-in user's menu, or nil on public pages.
  public var account: AccountMenu?
  /// The company's logo for the top bar, when it has one.
  public var brandLogoHref: String?

  public init(
    localizer: Localizer, requestID: String, currentPath: String, csrfToken: String?,
    homeHref: String = "/app", navigation: [NavigationItem] = [], flashes: [Flash] = []
  ) {
    self.localizer = localizer
    self.requestID = requestID
    self.currentPath = currentPath
    self.csrfToken = csrfToken
    self.homeHref = homeHref
    self.navigation = navigation
    self.flashes = flashes
  }
}

/// One link of the top navigation bar.
public struct NavigationItem: Sendable, Equatable {
  /// The catalog key of the label, e.g. `nav.orders`.
  public var labelKey: String
  /// Where the link leads.
  public var href: String
  /// Whether the current page belongs to this item; it is then highlighted and marked
  /// `aria-current="page"`.
  public var isActive: Bool

  /// Creates a navigation item.
  public init(labelKey: String, href: String, isActive: Bool = false) {
    self.labelKey = labelKey
    self.href = href
    self.isActive = isActive
  }
}

/// The signed-in user's corner of the top bar: their name (linking to their profile) and
/// the sign-out button.
public struct AccountMenu: Sendable, Equatable {
  /// The name shown.
  public var displayName: String
  /// The company's short name.
  public var companyName: String
  /// The profile page.
  public var profileHref: String
  /// Where the sign-out form posts.
  public var signOutPath: String

  /// Creates the menu.
  public init(displayName: String, companyName: String, profileHref: String, signOutPath: String) {
    self.displayName = displayName
    self.companyName = companyName
    self.profileHref = profileHref
    self.signOutPath = signOutPath
  }
}

/// A one-time message shown at the top of the next page, such as "Order saved".
public struct Flash: Sendable, Equatable, Codable {
  /// How the message is styled and announced; the raw values are Bootstrap's alert variants.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// Something was done.
    case success
    /// Something worth knowing.
    case info
    /// Something that may need attention.
    case warning
    /// Something failed.
    case danger
  }

  /// The kind.
  public var kind: Kind
  /// The catalog key of the message, translated when the page is rendered.
  public var messageKey: String
  /// Values for the message's placeholders.
  public var arguments: [String: String]

  /// Creates a flash message.
  public init(_ kind: Kind, messageKey: String, arguments: [String: String] = [:]) {
    self.kind = kind
    self.messageKey = messageKey
    self.arguments = arguments
  }
}
