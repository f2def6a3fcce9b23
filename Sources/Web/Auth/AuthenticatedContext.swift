public import Foundation
public import FreightdeskCore
public import Storage

/// How the caller proved who they are.
public enum Credential: Sendable, Equatable {
  /// A browser session; state-changing form posts must carry `csrfToken`.
  case session(id: Identifier, csrfToken: String)
  /// An API token, limited to its scopes (permission names; empty means the user's own).
  case apiToken(id: Identifier, scopes: Set<String>)
}

/// The context of a request from a signed-in user (or an integration's API token): who, for
/// which company, with which permissions. Route groups for `/app`, `/api/v1`, `/portal`,
/// `/driver` and `/scan` hand this to their handlers; building it fails with 401, so a handler
/// there cannot run without a tenant, and it is the only source of a ``TenantScope``.
public struct AuthenticatedContext: Sendable {
  /// The base request context.
  public var request: RequestContext
  /// The company.
  public var tenant: TenantID
  /// The company's short name, for page headers.
  public var tenantName: String
  /// The company's time zone, for showing times.
  public var timeZone: TimeZone
  /// The acting user (an API token acts as its owner).
  public var user: Identifier
  /// The user's display name.
  public var userName: String
  /// The user's role codes.
  public var roles: [String]
  /// The permissions the caller holds (a token: only those within its scopes).
  public var permissions: Set<Permission>
  /// How the caller authenticated.
  public var credential: Credential
  /// When the company's trial ended without extension: reading is allowed, writing is not.
  public var isReadOnly: Bool
  /// Whole days left in the trial, or nil when the company is not on a trial.
  public var trialDaysLeft: Int?
  /// Where the company's logo is served (with a version, so browsers refetch a new one), or
  /// nil when it has none.
  public var logoHref: String?
  /// The customer account a portal user acts for (every customer user has one), nil for staff;
  /// portal pages show and change only this customer's records.
  public var customer: Identifier?

  /// Creates a context (the authenticator does this after checking the credential).
  public init(
    request: RequestContext, tenant: TenantID, tenantName: String, timeZone: TimeZone,
    user: Identifier, userName: String, roles: [String], permissions: Set<Permission>,
    credential: Credential, isReadOnly: Bool = false, trialDaysLeft: Int? = nil
  ) {
    self.request = request
    self.tenant = tenant
    self.tenantName = tenantName
    self.timeZone = timeZone
    self.user = user
    self.userName = userName
    self.roles = roles
    self.permissions = permissions
    self.credential = credential
    self.isReadOnly = isReadOnly
    self.trialDaysLeft = trialDaysLeft
  }

  /// The caller's language, with times in the company's zone: what a handler speaks in when it
  /// words something outside a page (a flash message, a file's column titles).
  public var localizer: Localizer {
    Localizer(locale: request.locale, timeZone: timeZone)
  }

  /// Whether the caller may do what `permission` guards.
  public func can(_ permission: Permission) -> Bool {
    permissions.contains(permission)
  }

  /// The CSRF token for forms on pages shown to a session, nil for API tokens.
  public var csrfToken: String? {
    if case .session(_, let token) = credential { return token }
    return nil
  }

  /// A read-only transaction on the caller's company.
  public func read<T>(_ database: any Database, _ body: (TenantScope) throws -> T) throws -> T {
    try database.read(for: tenant, body)
  }

  /// A read-write transaction on the caller's company.
  @discardableResult
  public func write<T>(_ database: any Database, _ body: (TenantScope) throws -> T) throws -> T {
    try database.write(for: tenant, body)
  }
}

/// Turns a request into an ``AuthenticatedContext`` or refuses it; the Identity module
/// provides the implementation and `App` wires it into the route groups.
public protocol Authenticator: Sendable {
  /// The caller's context; throws ``AuthenticationError`` (401/403) when there is none.
  func authenticate(_ request: Request, _ context: RequestContext) throws -> AuthenticatedContext
}

/// Why a request was refused before its handler ran.
public enum AuthenticationError: UserFacingError, Equatable {
  /// No valid session or token (401).
  case unauthenticated
  /// Signed in, but the role lacks the route's permission (403).
  case forbidden(permission: String)
  /// A form post without the session's CSRF token, or a cookie-authenticated API call from
  /// another origin (403).
  case csrfRejected
  /// The company's trial has ended; it is read-only until extended (403).
  case tenantReadOnly
  /// The company requires two-factor sign-in for this user, who has not set it up (403).
  case twoFactorSetupRequired

  /// The stable code.
  public var code: String {
    switch self {
    case .unauthenticated: "unauthenticated"
    case .forbidden: "forbidden"
    case .csrfRejected: "csrf_rejected"
    case .tenantReadOnly: "trial_expired"
    case .twoFactorSetupRequired: "two_factor_setup_required"
    }
  }

  /// 401 for a missing identity, 403 otherwise.
  public var kind: ErrorKind {
    self == .unauthenticated ? .unauthenticated : .forbidden
  }

  /// Where a browser is sent instead of an error page, if anywhere: the sign-in page (coming
  /// back to `path`, query included, afterwards) or the two-factor set-up.
  public func pageRedirect(from path: String) -> String? {
    switch self {
    case .unauthenticated:
      let back = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
      return "/login?return_to=\(back)"
    case .twoFactorSetupRequired: return "/app/profile/two-factor"
    case .forbidden, .csrfRejected, .tenantReadOnly: return nil
    }
  }

  /// The permission that was missing.
  public var arguments: [String: String] {
    if case .forbidden(let permission) = self { return ["permission": permission] }
    return [:]
  }
}
