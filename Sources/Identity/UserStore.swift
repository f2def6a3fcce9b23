import FreightdeskCore
import Storage

/// A user row with the secrets the sign-in needs; never leaves the module.
struct StoredUser: Sendable {
  var user: User
  var passwordHash: String
  var totpSecret: String?
  var totpLastStep: Int64?
}

/// Reads and writes the `users` table.
enum UserStore {
  private static let columns = """
    id, login, display_name, email, password_hash, locale, active, totp_secret, totp_last_step,
    customer_id, version
    """

  static func insert(
    id: Identifier, login: String, displayName: String, email: String?, passwordHash: String,
    customer: Identifier?, at now: Instant, _ scope: TenantScope
  ) throws {
    do {
      try scope.execute(
        """
        INSERT INTO users (tenant_id, id, login, display_name, email, password_hash, locale,
          active, totp_secret, totp_last_step, customer_id, created_at, version)
        VALUES ($1, $2, $3, $4, $5, $6, NULL, 1, NULL, NULL, $7, $8, 1)
        """,
        [
          .integer(id.rawValue), .text(login), .text(displayName), SQLValue(email),
          .text(passwordHash), SQLValue(customer), .integer(now.epochMilliseconds),
        ])
    } catch DatabaseError.uniqueViolation {
      throw IdentityError.loginTaken(login)
    }
  }

  static func load(_ id: Identifier, _ scope: TenantScope) throws -> StoredUser {
    let rows = try scope.query(
      "SELECT \(columns) FROM users WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)])
    guard let row = rows.first else { throw IdentityError.userNotFound }
    return try stored(from: row, scope)
  }

  static func find(login: String, _ scope: TenantScope) throws -> StoredUser? {
    try scope.query(
      "SELECT \(columns) FROM users WHERE tenant_id = $1 AND login = $2", [.text(login)]
    ).first.map { try stored(from: $0, scope) }
  }

  /// Every user of the company, by login.
  static func list(_ scope: TenantScope) throws -> [User] {
    try scope.query("SELECT \(columns) FROM users WHERE tenant_id = $1 ORDER BY login", [])
      .map { try stored(from: $0, scope).user }
  }

  /// The portal users acting for `customer`, by login.
  static func list(customer: Identifier, _ scope: TenantScope) throws -> [User] {
    try scope.query(
      "SELECT \(columns) FROM users WHERE tenant_id = $1 AND customer_id = $2 ORDER BY login",
      [.integer(customer.rawValue)]
    ).map { try stored(from: $0, scope).user }
  }

  private static func stored(from row: Row, _ scope: TenantScope) throws -> StoredUser {
    let id = try row.identifier("id")
    let secret = try row.optionalString("totp_secret")
    return StoredUser(
      user: User(
        id: id, login: try row.string("login"), displayName: try row.string("display_name"),
        email: try row.optionalString("email"), locale: try row.optionalString("locale"),
        active: try row.bool("active"), hasTwoFactor: secret != nil,
        roles: try RoleStore.roleCodes(of: id, scope), version: try row.int64("version"),
        customerID: try row.optionalIdentifier("customer_id")),
      passwordHash: try row.string("password_hash"), totpSecret: secret,
      totpLastStep: try row.optionalInt64("totp_last_step"))
  }

  /// Sets one column of a user and bumps its version; throws when the user does not exist.
  static func set(_ column: Column, to value: SQLValue, of id: Identifier, _ scope: TenantScope)
    throws
  {
    let changed = try scope.execute(
      "UPDATE users SET \(column.rawValue) = $2, version = version + 1 "
        + "WHERE tenant_id = $1 AND id = $3",
      [value, .integer(id.rawValue)])
    if changed == 0 { throw IdentityError.userNotFound }
  }

  /// The user columns that change one at a time.
  enum Column: String {
    case displayName = "display_name"
    case email
    case passwordHash = "password_hash"
    case locale
    case active
    case totpSecret = "totp_secret"
    case totpLastStep = "totp_last_step"
    case customer = "customer_id"
  }
}
