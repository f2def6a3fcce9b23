import FreightdeskCore
import Storage

/// The counter per company that every change to what signing in reads (the company, its
/// users, roles, their permissions and who holds them, and its API tokens) moves on, so
/// requests can skip re-reading them without ever acting on a revoked permission, token or a
/// deactivated user (see ``ChangeCounter``).
enum IdentityGenerations {
  /// The counter.
  static let counter = ChangeCounter(name: "identity_generation")

  /// The tables whose rows signing in reads.
  static let watchedTables = ["tenants", "users", "roles", "role_permissions", "user_roles"]

  /// The migration that creates the counters, one per existing company, and the triggers.
  static let migration = counter.creation(
    module: IdentitySchema.module, number: 4, migration: "identity_generations",
    watching: watchedTables)

  /// The migration that makes API tokens move the counter too, so that a token found once is
  /// remembered until it is revoked, expires early or is used (its last use is recorded once a
  /// minute).
  static let tokenMigration = counter.watching(
    "api_tokens", module: IdentitySchema.module, number: 5, migration: "api_token_generations")

  /// The company's counter as of `scope`'s transaction, or nil when it has none yet.
  static func current(_ scope: TenantScope) throws -> Int64? {
    try counter.current(scope)
  }
}
