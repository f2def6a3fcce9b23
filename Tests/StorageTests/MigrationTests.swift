import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct MigrationTests {
  private let first = Migration(
    module: "crm", number: 1, name: "create_customers",
    sql: """
      CREATE TABLE customers (
        tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, name TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id))
      """)
  private let second = Migration(
    module: "crm", number: 2, name: "add_customer_phone",
    sql: "ALTER TABLE customers ADD COLUMN phone TEXT")

  @Test(arguments: Backend.allCases)
  func migratingAppliesEachPendingMigrationOnce(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let migrations = StorageSchema.migrations + [first, second]
    let migrator = try Migrator(database: database, migrations: migrations)
    #expect(try migrator.migrate() == migrations)
    #expect(try migrator.pending().isEmpty)
    #expect(try migrator.migrate().isEmpty)
    let recorded = try database.read { executor in
      try executor.query(
        "SELECT number, checksum FROM schema_migrations WHERE module = $1 ORDER BY number",
        ["crm"])
    }
    #expect(try recorded.map { try $0.int("number") } == [1, 2])
    #expect(try recorded[0].string("checksum") == first.checksum(for: database.engine))
    try database.write { executor in
      try executor.execute(
        "INSERT INTO customers (tenant_id, id, name, phone) VALUES (1, 1, 'x', '138')", [])
    }
  }

  @Test(arguments: Backend.allCases)
  func nodesMigratingAtTheSameTimeApplyEachMigrationOnce(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let migrations = StorageSchema.migrations + [first, second]
    let applied = Mutex<[Migration]>([])
    let failures = Mutex<[String]>([])
    runConcurrently(threads: 3) { _ in
      do {
        let ran = try Migrator(database: database, migrations: migrations).migrate()
        applied.withLock { $0 += ran }
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    #expect(applied.withLock { $0 }.count == migrations.count)
    #expect(try Migrator(database: database, migrations: migrations).pending().isEmpty)
  }

  @Test(arguments: Backend.allCases)
  func aDryRunListsWhatWouldRunAndChangesNothing(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let migrator = try Migrator(database: database, migrations: [first, second])
    #expect(try migrator.migrate(dryRun: true) == [first, second])
    #expect(try migrator.pending() == [first, second])
    #expect(throws: DatabaseError.self) {
      try database.read { try $0.query("SELECT COUNT(*) AS n FROM customers", []) }
    }
    try Migrator(database: database, migrations: [first]).migrate()
    #expect(try migrator.migrate(dryRun: true) == [second])
  }

  @Test(arguments: Backend.allCases)
  func anEditedLandedMigrationStopsStartUpNamingIt(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try Migrator(database: database, migrations: [first]).migrate()
    let edited = Migration(
      module: "crm", number: 1, name: "create_customers",
      sql: first.sqliteSQL.replacingOccurrences(of: "name TEXT", with: "title TEXT"))
    let migrator = try Migrator(database: database, migrations: [edited, second])
    let expected = MigrationError.checksumMismatch(
      module: "crm", number: 1, name: "create_customers")
    #expect(throws: expected) { try migrator.migrate() }
    #expect(throws: expected) { try migrator.migrate(dryRun: true) }
    #expect(expected.code == "migration_checksum_mismatch")
  }

  @Test(arguments: Backend.allCases)
  func aDatabaseNewerThanTheCodeIsRefused(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try Migrator(database: database, migrations: [first, second]).migrate()
    #expect(throws: MigrationError.unknownLanded(module: "crm", number: 2)) {
      try Migrator(database: database, migrations: [first]).pending()
    }
  }

  @Test(arguments: Backend.allCases)
  func aFailingMigrationLeavesNoTraceAndLaterOnesDoNotRun(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let broken = Migration(
      module: "crm", number: 2, name: "broken",
      sql: "ALTER TABLE customers ADD COLUMN phone TEXT; ALTER TABLE nowhere ADD COLUMN x TEXT")
    let third = Migration(module: "crm", number: 3, name: "third", sql: "SELECT 1")
    let migrator = try Migrator(database: database, migrations: [first, broken, third])
    #expect(throws: DatabaseError.self) { try migrator.migrate() }
    #expect(try migrator.pending() == [broken, third])
    #expect(throws: DatabaseError.self) {
      try database.read { try $0.query("SELECT phone FROM customers", []) }
    }
  }

  @Test func numbersThatRepeatOrGoBackwardsAreRejected() throws {
    let database = try TestDatabase.make(.sqlite, migrated: false)
    #expect(throws: MigrationError.numberOutOfOrder(module: "crm", number: 1)) {
      try Migrator(database: database, migrations: [second, first])
    }
  }

  @Test func checksumsAreSHA256OfTheEngineText() {
    let migration = Migration(module: "m", number: 1, name: "n", sqlite: "abc", postgres: "")
    #expect(
      migration.checksum(for: .sqlite)
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      migration.checksum(for: .postgres)
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}
