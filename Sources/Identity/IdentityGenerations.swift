import FreightdeskCore
import Storage

/// A counter per company that every change to what signing in reads (the company, its users,
/// roles, their permissions and who holds them) moves on, by database triggers in the same
/// transaction as the change. A copy of those facts remembered together with the counter is
/// still current exactly while the counter has not moved, so requests can skip re-reading
/// them without ever acting on a revoked permission or a deactivated user.
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
      + watchedTables.map { table in
        """
        CREATE TRIGGER \(table)_identity_generation AFTER INSERT OR UPDATE OR DELETE ON \(table)
          FOR EACH ROW EXECUTE FUNCTION identity_generation_advance();

        """
      }.joined())

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

/// The facts signing in reads, remembered per user with the company's generation they were
/// read at (see ``IdentityGenerations``). Bounded: when full it starts again empty.
final class SignedInFactsCache: Sendable {
  private struct Key: Hashable {
    let tenant: TenantID
    let user: Identifier
  }

  private let entries = BoundedCache<Key, (generation: Int64, facts: SignedInFacts)>(
    entriesMax: 4_096)

  /// The facts of `user`, read from `scope` unless remembered at the current generation.
  func facts(of user: Identifier, _ scope: TenantScope) throws -> SignedInFacts {
    let key = Key(tenant: scope.tenant, user: user)
    guard let generation = try IdentityGenerations.current(scope) else {
      return try SignedInFacts(user: user, scope)
    }
    if let known = entries.value(for: key), known.generation == generation {
      return known.facts
    }
    let facts = try SignedInFacts(user: user, scope)
    entries.store((generation, facts), for: key)
    return facts
  }
}
