import Foundation
public import FreightdeskCore
import Storage
public import Web

/// An API token as its owner sees it (never the secret, which is shown once at creation).
public struct APITokenSummary: Codable, Sendable, Equatable {
  /// The token's id.
  public var id: Identifier
  /// What the owner called it (e.g. the integration it serves).
  public var name: String
  /// The permissions it is limited to; empty means all of the owner's.
  public var scopes: [String]
  /// When it was made.
  public var createdAt: Instant
  /// When it stops working, if ever.
  public var expiresAt: Instant?
  /// When it was revoked, if it was.
  public var revokedAt: Instant?
  /// When it was last used.
  public var lastUsedAt: Instant?

  enum CodingKeys: String, CodingKey {
    case id, name, scopes
    case createdAt = "created_at"
    case expiresAt = "expires_at"
    case revokedAt = "revoked_at"
    case lastUsedAt = "last_used_at"
  }
}

/// A token just created: the secret is in `token` and will not be shown again.
public struct CreatedAPIToken: Codable, Sendable {
  /// The token's description.
  public var summary: APITokenSummary
  /// The secret to put in `Authorization: Bearer …`.
  public var token: String
}

extension IdentityService {
  /// The longest a token may live, in days.
  public static let tokenLifetimeDaysMax = 3650

  /// Creates an API token for `user`, limited to `scopes` (permission names the user holds),
  /// expiring after `days` (nil: never).
  public func createToken(
    for user: Identifier, name: String, scopes: [String], days: Int?, in tenant: TenantID,
    audit: AuditContext
  ) throws -> CreatedAPIToken {
    var problems = FieldRules.text(name, pointer: "/name", max: 100)
    let held = try database.read(for: tenant) { try RoleStore.permissions(of: user, $0) }
    for (index, scope) in scopes.enumerated() where !held.contains(Permission(scope)) {
      problems.append(FieldError(pointer: "/scopes/\(index)", code: "unknown_permission"))
    }
    if let days, !(1...Self.tokenLifetimeDaysMax).contains(days) {
      problems.append(
        FieldError(
          pointer: "/expires_in_days", code: "out_of_range",
          arguments: ["min": "1", "max": String(Self.tokenLifetimeDaysMax)]))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let now = clock.now()
    let token = "\(Self.apiTokenPrefix)\(tenant.rawValue)_\(SecretToken.generate())"
    let id = identifiers.next()
    let expires = days.map { now.adding(seconds: Int64($0) * 86_400) }
    try database.write(for: tenant) { scope in
      try TokenStore.insert(
        id: id, user: user, name: name.trimmed, tokenHash: SHA256.hex(token), scopes: Set(scopes),
        at: now, expiresAt: expires, scope)
      try audit.record(
        entity: "api_token", id: id, action: "create",
        after: ["name": name.trimmed, "scopes": scopes.sorted().joined(separator: " ")],
        in: scope)
    }
    let summary = APITokenSummary(
      id: id, name: name.trimmed, scopes: scopes.sorted(), createdAt: now, expiresAt: expires,
      revokedAt: nil, lastUsedAt: nil)
    return CreatedAPIToken(summary: summary, token: token)
  }

  /// The tokens `user` created, newest first.
  public func tokens(of user: Identifier, in tenant: TenantID) throws -> [APITokenSummary] {
    try database.read(for: tenant) { try TokenStore.list(of: user, $0) }.map { record in
      APITokenSummary(
        id: record.id, name: record.name, scopes: record.scopes.sorted(),
        createdAt: record.createdAt, expiresAt: record.expiresAt, revokedAt: record.revokedAt,
        lastUsedAt: record.lastUsedAt)
    }
  }

  /// Revokes one of `user`'s tokens; it stops working at once.
  public func revokeToken(
    _ id: Identifier, of user: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws {
    try database.write(for: tenant) { scope in
      try TokenStore.revoke(id, of: user, at: clock.now(), scope)
      try audit.record(entity: "api_token", id: id, action: "revoke", in: scope)
    }
  }
}
