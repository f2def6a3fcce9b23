import Foundation
import FreightdeskCore
import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct DriverTests {
  private func makeTable(_ database: some Database) throws {
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE samples (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, label TEXT NOT NULL,
          weight DOUBLE PRECISION, data BYTEA, PRIMARY KEY (tenant_id, id))
        """)
    }
  }

  @Test(arguments: Backend.allCases)
  func parametersBindByNumberNotByFirstAppearance(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let row = try database.read { executor in
      try executor.query(
        "SELECT $2 || '' AS second, $1 || '' AS first, $2 || '' AS again", "a", "b")
    }[0]
    #expect(try row.string("second") == "b")
    #expect(try row.string("first") == "a")
    #expect(try row.string("again") == "b")
  }

  @Test(arguments: Backend.allCases)
  func everyValueTypeSurvivesARoundTrip(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeTable(database)
    let bytes: [UInt8] = [0, 1, 2, 255, 0, 39, 92]
    let values: [(Int64, String, SQLValue, SQLValue)] = [
      (1, "货物 ‘quoted’ \\ text", .real(12.5), .blob(bytes)),
      (2, "", .null, .blob([])),
      (Int64.max, "max", .real(-0.25), .null),
    ]
    try database.write { executor in
      for (id, label, weight, data) in values {
        try executor.execute(
          "INSERT INTO samples (tenant_id, id, label, weight, data) VALUES ($1, $2, $3, $4, $5)",
          [7, .integer(id), .text(label), weight, data])
      }
    }
    let rows = try database.read { try $0.query("SELECT * FROM samples ORDER BY id", []) }
    #expect(rows.count == 3)
    for (row, expected) in zip(rows, values) {
      #expect(try row.int64("id") == expected.0)
      #expect(try row.string("label") == expected.1)
      #expect(row["weight"] == expected.2)
      #expect(row["data"] == expected.3)
    }
  }

  @Test(arguments: Backend.allCases)
  func aWrongNumberOfParametersIsRejected(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    #expect(throws: DatabaseError.parameterCountMismatch(expected: 2, given: 1)) {
      try database.read { try $0.query("SELECT $1 || $2 AS joined", ["a"]) }
    }
  }

  @Test(arguments: Backend.allCases)
  func aDuplicateKeyIsReportedAsAUniqueViolation(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeTable(database)
    let insert = "INSERT INTO samples (tenant_id, id, label) VALUES ($1, $2, $3)"
    try database.write { try $0.execute(insert, 1, 1, "first") }
    let error = #expect(throws: DatabaseError.self) {
      try database.write { try $0.execute(insert, 1, 1, "second") }
    }
    guard case .uniqueViolation = error else {
      Issue.record("expected a unique violation, got \(String(describing: error))")
      return
    }
    #expect(error?.code == "unique_violation")
    #expect(error?.kind == .conflict)
    let labels = try database.read { try $0.query("SELECT label FROM samples", []) }
    #expect(try labels.map { try $0.string("label") } == ["first"])
  }

  @Test(arguments: Backend.allCases)
  func aMissingParentIsReportedAsAForeignKeyViolation(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeTable(database)
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE children (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, sample_id BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id),
          FOREIGN KEY (tenant_id, sample_id) REFERENCES samples (tenant_id, id))
        """)
    }
    let error = #expect(throws: DatabaseError.self) {
      try database.write {
        try $0.execute("INSERT INTO children (tenant_id, id, sample_id) VALUES (1, 1, 99)", [])
      }
    }
    #expect(error?.code == "foreign_key_violation")
  }

  @Test(arguments: Backend.allCases)
  func aStatementCachedBeforeASchemaChangeStillWorksAfterIt(backend: Backend) throws {
    var options = DatabaseOptions()
    options.poolConnectionsMax = 1
    let database = try TestDatabase.make(backend, migrated: false, options: options)
    try makeTable(database)
    let select = "SELECT * FROM samples WHERE tenant_id = $1"
    try database.write { executor in
      try executor.execute("INSERT INTO samples (tenant_id, id, label) VALUES (1, 1, 'a')", [])
    }
    #expect(try database.write { try $0.query(select, [1]) }[0].columns.count == 5)
    try database.write { try $0.executeScript("ALTER TABLE samples ADD COLUMN note TEXT") }
    #expect(try database.write { try $0.query(select, [1]) }[0].columns.count == 6)
  }

  @Test(arguments: Backend.allCases)
  func aThrowingTransactionLeavesNothingBehind(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeTable(database)
    struct Abort: Error {}
    #expect(throws: Abort.self) {
      try database.write { executor in
        try executor.execute("INSERT INTO samples (tenant_id, id, label) VALUES (1, 1, 'x')", [])
        throw Abort()
      }
    }
    let count = try database.read { try $0.query("SELECT COUNT(*) AS n FROM samples", []) }
    #expect(try count[0].int("n") == 0)
  }

  @Test(arguments: Backend.allCases)
  func aFailedSavepointUndoesOnlyItsOwnChanges(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeTable(database)
    try database.write { executor in
      let insert = "INSERT INTO samples (tenant_id, id, label) VALUES ($1, $2, $3)"
      try executor.execute(insert, 1, 1, "kept")
      _ = try? executor.savepoint {
        try executor.execute(insert, 1, 2, "undone")
        try executor.execute(insert, 1, 1, "duplicate")
      }
      try executor.execute(insert, 1, 3, "after")
    }
    let rows = try database.read { try $0.query("SELECT label FROM samples ORDER BY id", []) }
    #expect(try rows.map { try $0.string("label") } == ["kept", "after"])
  }

  @Test(arguments: Backend.allCases)
  func aConflictedTransactionRunsAgainUntilItSucceeds(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let attempts = Mutex(0)
    let result = try database.write { executor in
      let attempt = attempts.withLock { count in
        count += 1
        return count
      }
      if attempt < 3 { throw DatabaseError.transactionConflict(reason: "simulated") }
      return try executor.query("SELECT 42 AS answer", [])[0].int("answer")
    }
    #expect(result == 42)
    #expect(attempts.withLock { $0 } == 3)
  }

  @Test(arguments: Backend.allCases.filter { $0 == .postgres })
  func aRealDeadlockIsResolvedByRunningTheLosingTransactionAgain(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeTable(database)
    try database.write { executor in
      try executor.executeScript(
        "INSERT INTO samples (tenant_id, id, label) VALUES (1, 1, 'a'), (1, 2, 'b')")
    }
    let arrived = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    let attempts = Mutex([0, 0])
    let failures = Mutex<[String]>([])
    let update = "UPDATE samples SET label = $1 WHERE tenant_id = 1 AND id = $2"
    runConcurrently(threads: 2) { thread in
      do {
        try database.write { executor in
          let attempt = attempts.withLock { counts in
            counts[thread] += 1
            return counts[thread]
          }
          try executor.execute(update, .text("t\(thread)"), SQLValue(thread + 1))
          if attempt == 1 {
            // Both hold their first row before either asks for the other's.
            arrived[thread].signal()
            _ = arrived[1 - thread].wait(timeout: .now() + 5)
          }
          try executor.execute(update, .text("t\(thread)"), SQLValue(2 - thread))
        }
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    #expect(attempts.withLock { $0.reduce(0, +) } == 3, "exactly one transaction ran again")
  }

  @Test(arguments: Backend.allCases)
  func aTransactionThatAlwaysConflictsGivesUpAfterTheLimit(backend: Backend) throws {
    var options = DatabaseOptions()
    options.transactionAttemptsMax = 3
    let database = try TestDatabase.make(backend, migrated: false, options: options)
    #expect(throws: DatabaseError.retriesExhausted(attempts: 3)) {
      try database.write { _ in throw DatabaseError.transactionConflict(reason: "simulated") }
    }
  }

  @Test(arguments: Backend.allCases)
  func aCallerWaitingTooLongForAConnectionGetsAPoolTimeout(backend: Backend) throws {
    var options = DatabaseOptions()
    options.poolConnectionsMax = 1
    options.poolAcquireTimeoutMilliseconds = 100
    let database = try TestDatabase.make(backend, migrated: false, options: options)
    let release = holdWriteTransaction(on: database)
    defer { release() }
    // On SQLite the single writer is the bounded resource; on PostgreSQL the pool is.
    #expect(throws: DatabaseError.poolTimeout(waitedMilliseconds: 100)) {
      try database.write { _ in }
    }
    #expect(database.poolStatistics.acquireTimeouts == 1)
  }

  @Test func aWriterBlockedByAnotherProcessIsRetriedUntilTheLockIsFree() throws {
    var options = DatabaseOptions()
    options.busyTimeoutMilliseconds = 1
    options.transactionAttemptsMax = 10
    let database = try TestDatabase.make(.sqlite, migrated: false, options: options)
    try makeTable(database)
    let other = try openDatabase(url: database.url, options: options)
    defer { other.close() }
    let release = holdWriteTransaction(on: other)
    // Nine retries wait well over a second in total; the lock is freed after 50 ms.
    let releaseLater = startThread {
      Thread.sleep(forTimeInterval: 0.05)
      release()
    }
    defer { releaseLater() }
    let attempts = Mutex(0)
    try database.write { executor in
      attempts.withLock { $0 += 1 }
      try executor.execute("INSERT INTO samples (tenant_id, id, label) VALUES (1, 2, 'b')", [])
    }
    // SQLite reports busy at BEGIN IMMEDIATE, before the body runs, so it ran once.
    #expect(attempts.withLock { $0 } == 1)
    let count = try database.read { try $0.query("SELECT COUNT(*) AS n FROM samples", []) }
    #expect(try count[0].int("n") == 1)
  }

  @Test func sqliteKeepsSavepointJournalsInMemory() throws {
    // Group commit runs every writer in a savepoint; journals spilled to temporary files cost
    // a file per batch.
    let database = try TestDatabase.make(.sqlite, migrated: false)
    let writer = try database.write { try $0.query("PRAGMA temp_store", []) }
    let reader = try database.read { try $0.query("PRAGMA temp_store", []) }
    #expect(try writer[0].int("temp_store") == 2)
    #expect(try reader[0].int("temp_store") == 2)
  }

  @Test func aWriterStillBlockedAfterEveryRetryReportsRetriesExhausted() throws {
    var options = DatabaseOptions()
    options.busyTimeoutMilliseconds = 1
    options.transactionAttemptsMax = 2
    let database = try TestDatabase.make(.sqlite, migrated: false, options: options)
    let other = try openDatabase(url: database.url, options: options)
    defer { other.close() }
    let release = holdWriteTransaction(on: other)
    defer { release() }
    #expect(throws: DatabaseError.retriesExhausted(attempts: 2)) {
      try database.write { _ in }
    }
  }

  @Test(arguments: Backend.allCases.filter { $0 == .postgres })
  func connectionsKilledByTheServerAreReplacedWithoutTheCallerNoticing(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    let administrator = try openDatabase(url: database.url)
    defer { administrator.close() }
    try administrator.write { executor in
      try executor.query(
        """
        SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
        """, [])
    }
    let others = """
      SELECT COUNT(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
      """
    while try administrator.read({ try $0.query(others, [])[0].int("n") }) > 0 {
      Thread.sleep(forTimeInterval: 0.01)
    }
    let answer = try database.read { try $0.query("SELECT 42 AS answer", [])[0].int("answer") }
    #expect(answer == 42)
  }

  @Test(arguments: Backend.allCases)
  func aHealthyDatabasePassesTheHealthCheck(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try database.checkHealth()
    database.close()
    #expect(throws: DatabaseError.self) { try database.checkHealth() }
  }

  @Test func anUnknownURLSchemeIsRejected() {
    #expect(throws: DatabaseError.invalidURL("mysql://localhost/x")) {
      try openDatabase(url: "mysql://localhost/x")
    }
  }

  @Test func anUnreachablePostgresServerIsUnavailable() {
    let error = #expect(throws: DatabaseError.self) {
      try openDatabase(url: "postgresql://nobody@/none?host=/nonexistent-freightdesk-socket")
    }
    #expect(error?.kind == .unavailable)
  }
}
