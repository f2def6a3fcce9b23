import CSQLite
import Foundation

/// Restoring an SQLite database from a backup file made by ``Database/backup(to:)``.
///
/// PostgreSQL databases are backed up and restored with `pg_dump` and `pg_restore`, which
/// handle large databases, roles and point-in-time recovery far better than the application
/// could: `pg_dump --format=custom -f freightdesk.dump URL`, then `pg_restore -d URL
/// freightdesk.dump` into an empty database.
public enum Backup {
  /// Replaces the SQLite database at `databasePath` with the contents of `backupPath`.
  ///
  /// The backup is checked first (an SQLite file that passes `PRAGMA integrity_check`);
  /// a bad file throws ``DatabaseError/invalidBackup(path:reason:)`` and leaves the
  /// database untouched. The copy goes through SQLite's online backup API, so it is atomic.
  /// Stop the server first: the database must not be open elsewhere.
  public static func restore(from backupPath: String, toSQLiteDatabaseAt databasePath: String)
    throws
  {
    let source = try verifiedBackup(at: backupPath)
    defer { source.close() }
    let destination = try SQLiteConnection(
      path: databasePath, readOnly: false, options: DatabaseOptions())
    defer { destination.close() }
    try SQLiteBackup.copy(from: source, into: destination)
  }

  private static let sqliteHeader = Array("SQLite format 3\0".utf8)

  private static func verifiedBackup(at path: String) throws -> SQLiteConnection {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw DatabaseError.invalidBackup(path: path, reason: "cannot be read")
    }
    let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? nil
    try? handle.close()
    guard let header, Array(header) == sqliteHeader else {
      throw DatabaseError.invalidBackup(path: path, reason: "not an SQLite database")
    }
    let connection = try SQLiteConnection(path: path, readOnly: false, options: DatabaseOptions())
    do {
      let rows = try connection.run("PRAGMA integrity_check", []).rows
      guard rows.count == 1, rows[0].values.first == .text("ok") else {
        let problems = rows.compactMap { $0.values.first?.description }.joined(separator: "; ")
        throw DatabaseError.invalidBackup(path: path, reason: problems)
      }
      return connection
    } catch let error as DatabaseError {
      connection.close()
      if case .invalidBackup = error { throw error }
      throw DatabaseError.invalidBackup(path: path, reason: error.arguments.description)
    }
  }
}

/// SQLite's online backup API: a page-by-page copy that is consistent even while the
/// source is being written.
enum SQLiteBackup {
  /// Writes a consistent copy of `source` to a new file at `path`, replacing it atomically.
  static func copy(from source: SQLiteConnection, to path: String) throws {
    let partial = path + ".partial"
    try? FileManager.default.removeItem(atPath: partial)
    let destination = try SQLiteConnection(
      path: partial, readOnly: false, options: DatabaseOptions())
    do {
      try copy(from: source, into: destination)
      destination.close()
    } catch {
      destination.close()
      try? FileManager.default.removeItem(atPath: partial)
      throw error
    }
    guard rename(partial, path) == 0 else {
      throw DatabaseError.unavailable(reason: "cannot move the backup to \(path)")
    }
  }

  /// Copies every page of `source`'s main database over `destination`'s.
  static func copy(from source: SQLiteConnection, into destination: SQLiteConnection) throws {
    guard
      let backup = sqlite3_backup_init(
        destination.nativeHandle, "main", source.nativeHandle, "main")
    else {
      let message = String(cString: sqlite3_errmsg(destination.nativeHandle))
      throw DatabaseError.unavailable(reason: "backup cannot start: \(message)")
    }
    let status = sqlite3_backup_step(backup, -1)
    sqlite3_backup_finish(backup)
    guard status == SQLITE_DONE else {
      let message = String(cString: sqlite3_errstr(status))
      throw DatabaseError.unavailable(reason: "backup failed: \(message)")
    }
  }
}
