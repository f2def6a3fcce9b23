import FreightdeskCore
import Web

/// A user as the API shows it.
struct UserView: Codable, Sendable {
  var id: Identifier
  var login: String
  var displayName: String
  var email: String?
  var locale: String?
  var active: Bool
  var twoFactor: Bool
  var roles: [String]
  var version: Int64
  var customerID: Identifier?

  enum CodingKeys: String, CodingKey {
    case id, login, email, locale, active, roles, version
    case displayName = "display_name"
    case twoFactor = "two_factor"
    case customerID = "customer_id"
  }

  init(_ user: User) {
    id = user.id
    login = user.login
    displayName = user.displayName
    email = user.email
    locale = user.locale
    active = user.active
    twoFactor = user.hasTwoFactor
    roles = user.roles
    version = user.version
    customerID = user.customerID
  }
}

/// The signed-in caller and their company.
struct MeView: Codable, Sendable {
  var user: Identifier
  var displayName: String
  var roles: [String]
  var permissions: [String]
  var company: CompanyView
  var customerID: Identifier?

  enum CodingKeys: String, CodingKey {
    case user, roles, permissions, company
    case displayName = "display_name"
    case customerID = "customer_id"
  }
}

/// A company as the API shows it.
struct CompanyView: Codable, Sendable {
  var slug: String
  var name: String
  var shortName: String
  var creditCode: String?
  var timeZone: String
  var defaultLocale: String
  var trialEndsAt: Instant?
  var readOnly: Bool

  enum CodingKeys: String, CodingKey {
    case slug, name
    case shortName = "short_name"
    case creditCode = "credit_code"
    case timeZone = "time_zone"
    case defaultLocale = "default_locale"
    case trialEndsAt = "trial_ends_at"
    case readOnly = "read_only"
  }

  init(_ company: Company, at now: Instant) {
    slug = company.slug
    name = company.name
    shortName = company.shortName
    creditCode = company.creditCode
    timeZone = company.timeZone.identifier
    defaultLocale = company.defaultLocale
    trialEndsAt = company.trialEndsAt
    readOnly = company.isReadOnly(at: now)
  }
}

/// A role as the API shows it.
struct RoleView: Codable, Sendable {
  var code: String
  var name: String
  var builtin: Bool
  var permissions: [String]
}

/// New roles for a user.
struct RoleAssignment: Codable, Sendable {
  var roles: [String]
}

/// A company role to create.
struct NewRole: Codable, Sendable {
  var code: String
  var name: String
  var permissions: [String]
}

/// An API token to create.
struct NewToken: Codable, Sendable {
  var name: String
  var scopes: [String]?
  var expiresInDays: Int?

  enum CodingKeys: String, CodingKey {
    case name, scopes
    case expiresInDays = "expires_in_days"
  }
}

/// A list with a cursor to the next page.
typealias UserPage = Page<UserView>

/// Roles.
struct RoleList: Codable, Sendable {
  var items: [RoleView]
}

/// Tokens.
struct TokenList: Codable, Sendable {
  var items: [APITokenSummary]
}
