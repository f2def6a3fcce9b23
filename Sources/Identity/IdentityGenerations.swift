import FreightdeskCore
import Storage

/// A counter per company that every change to what signing in reads (the company, its users,
/// roles, their permissions and who holds them, and its API tokens) moves on, by database
/// triggers in the same transaction as the change. A copy of those facts remembered together
/// with the counter is still current exactly while the counter has not moved, so requests can
/// skip re-reading them without ever acting on a revoked permission, token or a deactivated
/// user.
enum IdentityGenerations {
  /// The tables whose rows signing in reads.
  static let watchedTables = ["tenants", "users", "roles", "role_permissions", "user_roles"]

  /// The counters' table, with one counter for each company there already is.
  private static let counters = """
    CREATE TABLE identity_generations (
      tenant_id BIGINT NOT NULL PRIMARY KEY,
      generation BIGINT NOT NULL
    );
    INSERT INTO identity_generations (tenant_id, generation)
      SELECT DISTINCT tenant_id, 1 FROM tenants;

    """

  /// The migration that creates the counters, one per existing company, and the triggers.
  static let migration = Migration(
    module: IdentitySchema.module, number: 4, name: "identity_generations",
    sqlite: counters + watchedTables.map(sqliteTriggers).joined(),
    postgres: counters
      + """
      CREATE FUNCTION identity_generation_advance() RETURNS trigger AS $$
      DECLARE
        changed BIGINT;
      BEGIN
        IF TG_OP = 'DELETE' THEN changed := OLD.tenant_id; ELSE changed := NEW.tenant_id; END IF;
        INSERT INTO identity_generations (tenant_id, generation) VALUES (changed, 1)
          ON CONFLICT (tenant_id)
          DO UPDATE SET generation = identity_generations.generation + 1;
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql;

      """
      + watchedTables.map(postgresTrigger).joined())

  /// The migration that makes API tokens move the counter too, so that a token found once is
  /// remembered until it is revoked, expires early or is used (its last use is recorded once a
  /// minute).
  static let tokenMigration = Migration(
    module: IdentitySchema.module, number: 5, name: "api_token_generations",
    sqlite: sqliteTriggers("api_tokens"), postgres: postgresTrigger("api_tokens"))

  /// PostgreSQL's trigger on `table`, through the function of the first migration.
  private static func postgresTrigger(_ table: String) -> String {
    """
    CREATE TRIGGER \(table)_identity_generation AFTER INSERT OR UPDATE OR DELETE ON \(table)
      FOR EACH ROW EXECUTE FUNCTION identity_generation_advance();

    """
  }

  /// SQLite allows one event per trigger: three triggers per table.
  private static func sqliteTriggers(_ table: String) -> String {
    [("insert", "INSERT", "NEW"), ("update", "UPDATE", "NEW"), ("delete", "DELETE", "OLD")]
      .map { name, event, row in
        """
        CREATE TRIGGER \(table)_identity_generation_\(name) AFTER \(event) ON \(table)
        BEGIN
          INSERT OR IGNORE INTO identity_generations (tenant_id, generation)
            VALUES (\(row).tenant_id, 0);
          UPDATE identity_generations SET generation = generation + 1
            WHERE tenant_id = \(row).tenant_id;
        END;

        """
      }.joined()
  }

  /// The company's counter as of `scope`'s transaction, or nil when it has none yet.
  static func current(_ scope: TenantScope) throws -> Int64? {
    try scope.query(
      "SELECT generation FROM identity_generations WHERE tenant_id = $1", []
    ).first.map { try $0.int64("generation") }
  }
}

/// Values signing in reads (a user's facts, an API token), remembered per company and key
/// with the company's generation they were read at (see ``IdentityGenerations``): a value is
/// used again only while the counter has not moved. Bounded: when full it starts again empty.
final class IdentityGenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private struct Entry: Hashable {
    let tenant: TenantID
    let key: Key
  }

  private let entries = BoundedCache<Entry, (generation: Int64, value: Value)>(entriesMax: 4_096)

  /// The value for `key`, remembered at `generation` (the company's counter in `scope`'s
  /// transaction) or read by `load`; nothing is remembered without a generation.
  func value(
    for key: Key, generation: Int64?, _ scope: TenantScope, load: () throws -> Value
  ) rethrows -> Value {
    let entry = Entry(tenant: scope.tenant, key: key)
    if let known = known(entry, at: generation) { return known }
    let value = try load()
    remember(value, entry, at: generation)
    return value
  }

  /// Like ``value(for:generation:_:load:)`` for a `load` that may find nothing, which is not
  /// remembered: a run of unknown keys would otherwise push out the known ones.
  func value(
    for key: Key, generation: Int64?, _ scope: TenantScope, load: () throws -> Value?
  ) rethrows -> Value? {
    let entry = Entry(tenant: scope.tenant, key: key)
    if let known = known(entry, at: generation) { return known }
    guard let value = try load() else { return nil }
    remember(value, entry, at: generation)
    return value
  }

  private func known(_ entry: Entry, at generation: Int64?) -> Value? {
    guard let generation, let known = entries.value(for: entry), known.generation == generation
    else { return nil }
    return known.value
  }

  private func remember(_ value: Value, _ entry: Entry, at generation: Int64?) {
    if let generation { entries.store((generation, value), for: entry) }
  }
}
