import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing

@Suite struct BackupTests {
  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("freightdesk-\(UUID().uuidString)-\(name)").path
  }

  private func labels(_ database: any Database) throws -> [String] {
    try database.read { executor in
      try executor.query("SELECT label FROM items ORDER BY id", []).map { try $0.string("label") }
    }
  }

  @Test func aBackupRestoresExactlyTheDataItWasTakenFrom() throws {
    let databasePath = temporaryPath("live.sqlite")
    let backupPath = temporaryPath("backup.sqlite")
    defer {
      for path in [databasePath, backupPath] {
        for suffix in ["", "-wal", "-shm"] {
          try? FileManager.default.removeItem(atPath: path + suffix)
        }
      }
    }
    let database = try openDatabase(url: "sqlite:\(databasePath)")
    try database.write { executor in
      try executor.executeScript("CREATE TABLE items (id BIGINT PRIMARY KEY, label TEXT NOT NULL)")
      for (id, label) in [(1, "托盘"), (2, "pallet")] {
        try executor.execute(
          "INSERT INTO items (id, label) VALUES ($1, $2)", SQLValue(id), .text(label))
      }
    }
    try database.backup(to: backupPath)
    try database.write { try $0.execute("DELETE FROM items WHERE id = 1", []) }
    #expect(try labels(database) == ["pallet"])
    database.close()

    try Backup.restore(from: backupPath, toSQLiteDatabaseAt: databasePath)
    let restored = try openDatabase(url: "sqlite:\(databasePath)")
    defer { restored.close() }
    #expect(try labels(restored) == ["托盘", "pallet"])
  }

  @Test func aFileThatIsNotADatabaseIsRefusedAndTheDatabaseKept() throws {
    let database = try TestDatabase.make(.sqlite, migrated: true)
    let path = String(database.url.dropFirst("sqlite:".count))
    database.close()
    let bogus = temporaryPath("bogus.sqlite")
    defer { try? FileManager.default.removeItem(atPath: bogus) }
    try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: bogus))
    let error = #expect(throws: DatabaseError.self) {
      try Backup.restore(from: bogus, toSQLiteDatabaseAt: path)
    }
    #expect(error?.code == "invalid_backup_file")
    let reopened = try openDatabase(url: database.url)
    defer { reopened.close() }
    #expect(
      try Migrator(database: reopened, migrations: StorageSchema.migrations).pending().isEmpty)
  }

  @Test(arguments: Backend.allCases.filter { $0 == .postgres })
  func postgresBackupsPointToPgDump(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let error = #expect(throws: DatabaseError.self) {
      try database.backup(to: temporaryPath("never.sqlite"))
    }
    #expect(error?.code == "backup_unsupported")
    #expect(error?.arguments["advice"]?.contains("pg_dump") == true)
  }
}
