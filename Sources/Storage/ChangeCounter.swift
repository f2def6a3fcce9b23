public import FreightdeskCore

/// A counter per company that database triggers move on every change to a set of tables, in
/// the same transaction as the change. A copy of what those tables hold, remembered together
/// with the counter (see ``GenerationCache``), is current exactly while the counter has not
/// moved, so a busy path can read one row instead of several without ever acting on a stale
/// one: signing in (users, roles, tokens), pricing (rate cards, contracts, promotions).
public struct ChangeCounter: Sendable {
  /// The counter's name, e.g. `identity_generation`: its table is that name with an `s`, and
  /// its triggers and PostgreSQL function are named after it.
  public let name: String

  /// The counters' table.
  private let table: String

  /// The query for a company's counter, spelled once: texts built per call cost their building
  /// and compare byte by byte in the statement cache.
  private let currentQuery: String

  /// A counter called `name`.
  public init(name: String) {
    self.name = name
    table = name + "s"
    currentQuery = "SELECT generation FROM \(table) WHERE tenant_id = $1"
  }

  /// The migration that creates the counters, one for each company there already is, and
  /// makes every change to `tables` move them.
  public func creation(module: String, number: Int, migration: String, watching tables: [String])
    -> Migration
  {
    let counters = """
      CREATE TABLE \(table) (
        tenant_id BIGINT NOT NULL PRIMARY KEY,
        generation BIGINT NOT NULL
      );
      INSERT INTO \(table) (tenant_id, generation)
        SELECT DISTINCT tenant_id, 1 FROM tenants;

      """
    return Migration(
      module: module, number: number, name: migration,
      sqlite: counters + tables.map(sqliteTriggers).joined(),
      postgres: counters
        + """
        CREATE FUNCTION \(name)_advance() RETURNS trigger AS $$
        DECLARE
          changed BIGINT;
        BEGIN
          IF TG_OP = 'DELETE' THEN changed := OLD.tenant_id; ELSE changed := NEW.tenant_id; END IF;
          INSERT INTO \(table) (tenant_id, generation) VALUES (changed, 1)
            ON CONFLICT (tenant_id)
            DO UPDATE SET generation = \(table).generation + 1;
          RETURN NULL;
        END;
        $$ LANGUAGE plpgsql;

        """
        + tables.map(postgresTrigger).joined())
  }

  /// A later migration that makes changes to `table` move the counters too.
  public func watching(_ table: String, module: String, number: Int, migration: String)
    -> Migration
  {
    Migration(
      module: module, number: number, name: migration, sqlite: sqliteTriggers(table),
      postgres: postgresTrigger(table))
  }

  /// The company's counter as of `scope`'s transaction, or nil when it has none yet.
  public func current(_ scope: TenantScope) throws -> Int64? {
    try scope.query(currentQuery, []).first.map { try $0.int64("generation") }
  }

  /// PostgreSQL's trigger on `watched`, through the function of the first migration.
  private func postgresTrigger(_ watched: String) -> String {
    """
    CREATE TRIGGER \(watched)_\(name) AFTER INSERT OR UPDATE OR DELETE ON \(watched)
      FOR EACH ROW EXECUTE FUNCTION \(name)_advance();

    """
  }

  /// SQLite allows one event per trigger: three triggers per table.
  private func sqliteTriggers(_ watched: String) -> String {
    [("insert", "INSERT", "NEW"), ("update", "UPDATE", "NEW"), ("delete", "DELETE", "OLD")]
      .map { event, statement, row in
        """
        CREATE TRIGGER \(watched)_\(name)_\(event) AFTER \(statement) ON \(watched)
        BEGIN
          INSERT OR IGNORE INTO \(table) (tenant_id, generation)
            VALUES (\(row).tenant_id, 0);
          UPDATE \(table) SET generation = generation + 1
            WHERE tenant_id = \(row).tenant_id;
        END;

        """
      }.joined()
  }
}

/// Values read from a company's tables watched by a ``ChangeCounter``, remembered per company
/// and key with the counter they were read at: a value is used again only while the counter
/// has not moved. Bounded: when full it starts again empty. Inlinable, like the cache it keeps,
/// so that its callers get it specialized for their keys and values.
public final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  @usableFromInline struct Entry: Hashable, Sendable {
    @usableFromInline let tenant: TenantID
    @usableFromInline let key: Key

    @usableFromInline init(tenant: TenantID, key: Key) {
      self.tenant = tenant
      self.key = key
    }
  }

  @usableFromInline let entries = BoundedCache<Entry, (generation: Int64, value: Value)>(
    entriesMax: 4_096)

  /// An empty cache.
  public init() {}

  /// The value for `key`, remembered at `generation` (the company's counter in `scope`'s
  /// transaction) or read by `load`; nothing is remembered without a generation.
  @inlinable public func value(
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
  @inlinable public func value(
    for key: Key, generation: Int64?, _ scope: TenantScope, load: () throws -> Value?
  ) rethrows -> Value? {
    let entry = Entry(tenant: scope.tenant, key: key)
    if let known = known(entry, at: generation) { return known }
    guard let value = try load() else { return nil }
    remember(value, entry, at: generation)
    return value
  }

  @inlinable func known(_ entry: Entry, at generation: Int64?) -> Value? {
    guard let generation, let known = entries.value(for: entry), known.generation == generation
    else { return nil }
    return known.value
  }

  @inlinable func remember(_ value: Value, _ entry: Entry, at generation: Int64?) {
    if let generation { entries.store((generation, value), for: entry) }
  }
}
