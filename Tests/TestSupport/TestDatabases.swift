import Foundation
public import Storage
import Synchronization

/// A fresh, empty database for one test, on either engine, removed when the last reference
/// goes away: a temporary SQLite file, or a uniquely named database in the PostgreSQL test
/// cluster (dropped afterwards).
///
/// It is itself a ``Database`` (forwarding to the real one), so holding it keeps the
/// database alive exactly as long as the test uses it:
///
/// ```swift
/// @Test(arguments: Backend.allCases)
/// func ordersAreNumberedWithoutGaps(backend: Backend) throws {
///   let database = try TestDatabase.make(backend)
///   ...
/// }
/// ```
public final class TestDatabase: Database {
  /// The engine under test.
  public let backend: Backend
  /// The URL the database was opened with, for tests that open a second handle on it.
  public let url: String
  private let database: any Database
  private let remove: @Sendable () -> Void
  private let removed = Mutex(false)

  private init(
    backend: Backend, url: String, database: any Database, remove: @escaping @Sendable () -> Void
  ) {
    self.backend = backend
    self.url = url
    self.database = database
    self.remove = remove
  }

  deinit {
    discard()
  }

  /// Closes the database and removes its files (or drops it) now rather than when the last
  /// reference goes; later calls do nothing. A server under test may outlive its test, since
  /// its routes and workers hold their services (the database among them) in cycles that a
  /// process-long server never needs to break.
  public func discard() {
    database.close()
    let first = removed.withLock { removed in
      defer { removed = true }
      return !removed
    }
    if first { remove() }
  }

  /// Creates an empty database; with `migrated` (the default) Storage's own migrations
  /// have run on it.
  public static func make(
    _ backend: Backend, migrated: Bool = true, options: DatabaseOptions = DatabaseOptions()
  ) throws -> TestDatabase {
    let test =
      switch backend {
      case .sqlite: try makeSQLite(options: options)
      case .postgres: try makePostgres(options: options)
      }
    if migrated {
      try Migrator(database: test, migrations: StorageSchema.migrations).migrate()
    }
    return test
  }

  private static func makeSQLite(options: DatabaseOptions) throws -> TestDatabase {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("freightdesk-test-\(UUID().uuidString).sqlite").path
    let url = "sqlite:\(path)"
    return TestDatabase(
      backend: .sqlite, url: url, database: try openDatabase(url: url, options: options)
    ) {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
  }

  private static func makePostgres(options: DatabaseOptions) throws -> TestDatabase {
    guard let serverURL = ProcessInfo.processInfo.environment["FREIGHTDESK_TEST_POSTGRES_URL"],
      var components = URLComponents(string: serverURL)
    else {
      throw DatabaseError.invalidURL("FREIGHTDESK_TEST_POSTGRES_URL is not a URL")
    }
    let name = "fd_test_" + UUID().uuidString.lowercased().filter { $0 != "-" }
    components.path = "/" + name
    let url = components.string ?? serverURL
    try PostgresAdministration.createDatabase(named: name, serverURL: serverURL)
    do {
      return TestDatabase(
        backend: .postgres, url: url, database: try openDatabase(url: url, options: options)
      ) {
        try? PostgresAdministration.dropDatabase(named: name, serverURL: serverURL)
      }
    } catch {
      try? PostgresAdministration.dropDatabase(named: name, serverURL: serverURL)
      throw error
    }
  }

  /// The engine behind the test database.
  public var engine: DatabaseEngine { database.engine }

  /// Forwards to the real database.
  public func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try database.read(body)
  }

  /// Forwards to the real database.
  @discardableResult
  public func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try database.write(body)
  }

  /// Forwards to the real database.
  public func checkHealth() throws {
    try database.checkHealth()
  }

  /// Forwards to the real database.
  public var poolStatistics: PoolStatistics { database.poolStatistics }

  /// Forwards to the real database.
  public var workSignal: WorkSignal { database.workSignal }

  /// Forwards to the real database.
  public func backup(to path: String) throws {
    try database.backup(to: path)
  }

  /// Closes the real database early; the files or database are still removed at the end.
  public func close() {
    database.close()
  }
}
