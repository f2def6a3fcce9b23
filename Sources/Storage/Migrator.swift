public import FreightdeskCore

/// Brings a database's schema up to date from every module's migrations, each in its own
/// transaction, recording each in `schema_migrations` (module, number, name, checksum,
/// applied time).
///
/// Migrations run in the order given, so list modules in dependency order (Storage's
/// own ``StorageSchema/migrations`` first). `schema_migrations` is platform bookkeeping, not
/// tenant data, so it has no `tenant_id`.
///
/// ```swift
/// let migrator = try Migrator(database: database, migrations: StorageSchema.migrations + ...)
/// let wouldRun = try migrator.migrate(dryRun: true)
/// try migrator.migrate()
/// ```
public struct Migrator: Sendable {
  private let database: any Database
  private let migrations: [Migration]
  private let clock: any Clock

  /// Checks that each module's numbers increase strictly in the list.
  public init(database: any Database, migrations: [Migration], clock: any Clock = SystemClock())
    throws
  {
    var last: [String: Int] = [:]
    for migration in migrations {
      if let previous = last[migration.module], previous >= migration.number {
        throw MigrationError.numberOutOfOrder(module: migration.module, number: migration.number)
      }
      last[migration.module] = migration.number
    }
    self.database = database
    self.migrations = migrations
    self.clock = clock
  }

  /// The migrations not yet applied, in the order they would run. Throws
  /// ``MigrationError/checksumMismatch(module:number:name:)`` when a landed one was edited.
  public func pending() throws -> [Migration] {
    let landed = try database.read { try landedChecksums($0) }
    try verify(landed)
    return migrations.filter { landed[Key($0)] == nil }
  }

  /// Applies every pending migration and returns them; with `dryRun` only returns what would
  /// run, changing nothing.
  @discardableResult
  public func migrate(dryRun: Bool = false) throws -> [Migration] {
    let toRun = try pending()
    guard !dryRun else { return toRun }
    return try toRun.filter(apply)
  }

  /// Runs one migration and records it, unless another node applied it meanwhile; on
  /// PostgreSQL an advisory lock makes nodes that start together migrate one at a time
  /// (SQLite's single writer already does).
  private func apply(_ migration: Migration) throws -> Bool {
    try database.write { executor in
      if executor.engine == .postgres {
        try executor.execute("SELECT pg_advisory_xact_lock($1)", [Self.advisoryLockKey])
      }
      try executor.executeScript(Self.bookkeepingTable)
      let landed = try executor.query(
        "SELECT 1 AS found FROM schema_migrations WHERE module = $1 AND number = $2",
        [.text(migration.module), SQLValue(migration.number)])
      guard landed.isEmpty else { return false }
      try executor.executeScript(migration.sql(for: executor.engine))
      try executor.execute(
        """
        INSERT INTO schema_migrations (module, number, name, checksum, applied_at)
        VALUES ($1, $2, $3, $4, $5)
        """,
        [
          .text(migration.module), SQLValue(migration.number), .text(migration.name),
          .text(migration.checksum(for: executor.engine)), SQLValue(clock.now()),
        ])
      return true
    }
  }

  /// The PostgreSQL advisory lock that serialises migrations (an arbitrary fixed number).
  private static let advisoryLockKey: SQLValue = 0x4644_4D49_4752_4154

  private struct Key: Hashable {
    var module: String
    var number: Int

    init(module: String, number: Int) {
      self.module = module
      self.number = number
    }

    init(_ migration: Migration) {
      self.init(module: migration.module, number: migration.number)
    }
  }

  private static let bookkeepingTable = """
    CREATE TABLE IF NOT EXISTS schema_migrations (
      module TEXT NOT NULL,
      number BIGINT NOT NULL,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at BIGINT NOT NULL,
      PRIMARY KEY (module, number)
    )
    """

  /// The checksums recorded so far; empty when the bookkeeping table does not exist yet
  /// (so a dry run on a new database creates nothing).
  private func landedChecksums(_ executor: any SQLExecutor) throws -> [Key: String] {
    let exists =
      switch executor.engine {
      case .sqlite:
        try executor.query(
          "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = $1",
          ["schema_migrations"])
      case .postgres:
        try executor.query(
          "SELECT 1 AS found WHERE to_regclass($1) IS NOT NULL", ["schema_migrations"])
      }
    guard !exists.isEmpty else { return [:] }
    var landed: [Key: String] = [:]
    for row in try executor.query("SELECT module, number, checksum FROM schema_migrations", []) {
      let key = Key(module: try row.string("module"), number: try row.int("number"))
      landed[key] = try row.string("checksum")
    }
    return landed
  }

  private func verify(_ landed: [Key: String]) throws {
    let known = Dictionary(uniqueKeysWithValues: migrations.map { (Key($0), $0) })
    let modules = Set(migrations.map(\.module))
    let ordered = landed.sorted { ($0.key.module, $0.key.number) < ($1.key.module, $1.key.number) }
    for (key, checksum) in ordered {
      guard let migration = known[key] else {
        if modules.contains(key.module) {
          throw MigrationError.unknownLanded(module: key.module, number: key.number)
        }
        continue
      }
      if migration.checksum(for: database.engine) != checksum {
        throw MigrationError.checksumMismatch(
          module: migration.module, number: migration.number, name: migration.name)
      }
    }
  }
}
