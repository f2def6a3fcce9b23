import FreightdeskCore
import Storage

/// How far a browser session got: signed in, or waiting for the two-factor code.
enum SessionStage: String {
  case active
  case twoFactor = "two_factor"
}

/// A session row.
struct SessionRecord {
  var id: Identifier
  var user: Identifier
  var stage: SessionStage
  var csrfToken: String
  var createdAt: Instant
  var lastSeenAt: Instant
  var expiresAt: Instant
}

/// Reads and writes the `sessions` table; the token itself is never stored, only its digest.
enum SessionStore {
  static func insert(
    id: Identifier, user: Identifier, stage: SessionStage, tokenHash: String, csrfToken: String,
    at now: Instant, expiresAt: Instant, address: String, _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      INSERT INTO sessions (tenant_id, id, user_id, token_hash, csrf_token, stage, created_at,
        last_seen_at, expires_at, ended_at, client_address)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, NULL, $9)
      """,
      [
        .integer(id.rawValue), .integer(user.rawValue), .text(tokenHash), .text(csrfToken),
        .text(stage.rawValue), .integer(now.epochMilliseconds),
        .integer(expiresAt.epochMilliseconds), .text(address),
      ])
  }

  /// The open session with this token digest.
  static func find(tokenHash: String, _ scope: TenantScope) throws -> SessionRecord? {
    try scope.query(
      """
      SELECT id, user_id, stage, csrf_token, created_at, last_seen_at, expires_at FROM sessions
      WHERE tenant_id = $1 AND token_hash = $2 AND ended_at IS NULL
      """, [.text(tokenHash)]
    ).first.map { row in
      SessionRecord(
        id: try row.identifier("id"), user: try row.identifier("user_id"),
        stage: SessionStage(rawValue: try row.string("stage")) ?? .twoFactor,
        csrfToken: try row.string("csrf_token"), createdAt: try row.instant("created_at"),
        lastSeenAt: try row.instant("last_seen_at"), expiresAt: try row.instant("expires_at"))
    }
  }

  static func touch(_ id: Identifier, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      "UPDATE sessions SET last_seen_at = $2 WHERE tenant_id = $1 AND id = $3",
      [.integer(now.epochMilliseconds), .integer(id.rawValue)])
  }

  static func end(_ id: Identifier, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      "UPDATE sessions SET ended_at = $2 WHERE tenant_id = $1 AND id = $3 AND ended_at IS NULL",
      [.integer(now.epochMilliseconds), .integer(id.rawValue)])
  }

  /// Ends every open session of `user` (deactivation, password reset); returns how many.
  @discardableResult
  static func endAll(of user: Identifier, at now: Instant, _ scope: TenantScope) throws -> Int {
    try scope.execute(
      """
      UPDATE sessions SET ended_at = $2
      WHERE tenant_id = $1 AND user_id = $3 AND ended_at IS NULL
      """, [.integer(now.epochMilliseconds), .integer(user.rawValue)])
  }
}

/// An API token row.
struct TokenRecord {
  var id: Identifier
  var user: Identifier
  var name: String
  var scopes: Set<String>
  var createdAt: Instant
  var expiresAt: Instant?
  var revokedAt: Instant?
  var lastUsedAt: Instant?
}

/// Reads and writes the `api_tokens` table.
enum TokenStore {
  private static let columns =
    "id, user_id, name, scopes, created_at, expires_at, revoked_at, last_used_at"

  static func insert(
    id: Identifier, user: Identifier, name: String, tokenHash: String, scopes: Set<String>,
    at now: Instant, expiresAt: Instant?, _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      INSERT INTO api_tokens (tenant_id, id, user_id, name, token_hash, scopes, created_at,
        expires_at, revoked_at, last_used_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)
      """,
      [
        .integer(id.rawValue), .integer(user.rawValue), .text(name), .text(tokenHash),
        .text(scopes.sorted().joined(separator: " ")), .integer(now.epochMilliseconds),
        SQLValue(expiresAt),
      ])
  }

  static func find(tokenHash: String, _ scope: TenantScope) throws -> TokenRecord? {
    try scope.query(
      "SELECT \(columns) FROM api_tokens WHERE tenant_id = $1 AND token_hash = $2",
      [.text(tokenHash)]
    ).first.map(record)
  }

  static func list(of user: Identifier, _ scope: TenantScope) throws -> [TokenRecord] {
    try scope.query(
      "SELECT \(columns) FROM api_tokens WHERE tenant_id = $1 AND user_id = $2 ORDER BY id DESC",
      [.integer(user.rawValue)]
    ).map(record)
  }

  static func revoke(_ id: Identifier, of user: Identifier, at now: Instant, _ scope: TenantScope)
    throws
  {
    let changed = try scope.execute(
      """
      UPDATE api_tokens SET revoked_at = $2
      WHERE tenant_id = $1 AND id = $3 AND user_id = $4 AND revoked_at IS NULL
      """, [.integer(now.epochMilliseconds), .integer(id.rawValue), .integer(user.rawValue)])
    if changed == 0 { throw IdentityError.tokenNotFound }
  }

  static func touch(_ id: Identifier, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      "UPDATE api_tokens SET last_used_at = $2 WHERE tenant_id = $1 AND id = $3",
      [.integer(now.epochMilliseconds), .integer(id.rawValue)])
  }

  private static func record(_ row: Row) throws -> TokenRecord {
    TokenRecord(
      id: try row.identifier("id"), user: try row.identifier("user_id"),
      name: try row.string("name"),
      scopes: Set(try row.string("scopes").split(separator: " ").map(String.init)),
      createdAt: try row.instant("created_at"), expiresAt: try row.optionalInstant("expires_at"),
      revokedAt: try row.optionalInstant("revoked_at"),
      lastUsedAt: try row.optionalInstant("last_used_at"))
  }
}

/// Reads and writes the `login_attempts` table, which the throttle counts.
enum AttemptStore {
  static func record(
    id: Identifier, login: String, address: String, succeeded: Bool, at now: Instant,
    _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      INSERT INTO login_attempts (tenant_id, id, login, client_address, succeeded, attempted_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      """,
      [
        .integer(id.rawValue), .text(login), .text(address), SQLValue(succeeded),
        .integer(now.epochMilliseconds),
      ])
  }

  /// Times of failed attempts since `since`, for an account and for an address.
  static func failures(login: String, address: String, since: Instant, _ scope: TenantScope)
    throws -> (account: [Instant], address: [Instant])
  {
    let account = try scope.query(
      """
      SELECT attempted_at FROM login_attempts
      WHERE tenant_id = $1 AND login = $2 AND succeeded = 0 AND attempted_at >= $3
      ORDER BY attempted_at
      """, [.text(login), .integer(since.epochMilliseconds)]
    ).map { try $0.instant("attempted_at") }
    let byAddress = try scope.query(
      """
      SELECT attempted_at FROM login_attempts
      WHERE tenant_id = $1 AND client_address = $2 AND succeeded = 0 AND attempted_at >= $3
      ORDER BY attempted_at
      """, [.text(address), .integer(since.epochMilliseconds)]
    ).map { try $0.instant("attempted_at") }
    return (account, byAddress)
  }
}
