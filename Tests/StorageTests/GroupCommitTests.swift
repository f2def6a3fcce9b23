import Foundation
import Storage
import Synchronization
import TestSupport
import Testing

/// Concurrent write transactions share commits on SQLite; each still behaves as if it ran
/// alone: its writes all land or none do, whatever its neighbours in the batch did.
@Suite struct GroupCommitTests {
  private struct Refused: Error {}

  private func makeLedger(_ database: some Database) throws {
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE entries (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, side TEXT NOT NULL,
          amount BIGINT NOT NULL, PRIMARY KEY (tenant_id, id, side))
        """)
    }
  }

  @Test(arguments: Backend.allCases)
  func aFailingWriterUndoesOnlyItsOwnWritesAndTheOthersAllLand(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try makeLedger(database)
    let threads = 16
    let perThread = 40
    let outcomes = Mutex<(committed: Set<Int64>, refused: Set<Int64>)>(([], []))
    runConcurrently(threads: threads) { thread in
      for index in 0..<perThread {
        let id = Int64(thread * perThread + index)
        do {
          try database.write { executor in
            try executor.execute(
              "INSERT INTO entries (tenant_id, id, side, amount) VALUES (1, $1, 'debit', $2)",
              .integer(id), .integer(id * 100))
            if id % 7 == 3 { throw Refused() }
            try executor.execute(
              "INSERT INTO entries (tenant_id, id, side, amount) VALUES (1, $1, 'credit', $2)",
              .integer(id), .integer(-id * 100))
          }
          outcomes.withLock { _ = $0.committed.insert(id) }
        } catch is Refused {
          outcomes.withLock { _ = $0.refused.insert(id) }
        } catch {
          Issue.record("write \(id) failed: \(error)")
        }
      }
    }
    let rows = try database.read {
      try $0.query("SELECT id, side, amount FROM entries ORDER BY id, side", [])
    }
    let (committed, refused) = outcomes.withLock { $0 }
    #expect(committed.count + refused.count == threads * perThread)
    #expect(refused == Set((0..<Int64(threads * perThread)).filter { $0 % 7 == 3 }))
    // Every committed writer has both halves, balanced; no refused writer left a half behind.
    #expect(rows.count == committed.count * 2)
    var balance: [Int64: Int64] = [:]
    for row in rows {
      let id = try row.int64("id")
      #expect(committed.contains(id), "write \(id) was refused but left a row")
      balance[id, default: 0] += try row.int64("amount")
    }
    #expect(balance.values.allSatisfy { $0 == 0 })
  }

  /// bench/orders finds the writer by this name to report how busy the serial part is.
  @Test func theWriterThreadCarriesItsNameForTheSystem() throws {
    let database = try TestDatabase.make(.sqlite, migrated: false)
    try makeLedger(database)
    let names = try withExtendedLifetime(database) {
      try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").compactMap {
        try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)
      }
    }
    #expect(names.contains("sqlite-writer\n"))
  }

  @Test func withoutFailuresEveryBodyRunsOnceAndAFailureReRunsOnlyItsBatch() throws {
    let database = try TestDatabase.make(.sqlite, migrated: false)
    try makeLedger(database)
    let runs = Mutex<[Int64: Int]>([:])
    @Sendable func write(_ id: Int64, refuse: Bool = false) throws {
      try database.write { executor in
        runs.withLock { $0[id, default: 0] += 1 }
        try executor.execute(
          "INSERT INTO entries (tenant_id, id, side, amount) VALUES (1, $1, 'debit', 1)",
          .integer(id))
        if refuse { throw Refused() }
      }
    }
    runConcurrently(threads: 8) { thread in
      for index in 0..<25 {
        do { try write(Int64(thread * 25 + index)) } catch { Issue.record("\(error)") }
      }
    }
    #expect(runs.withLock { $0.count == 200 && $0.values.allSatisfy { $0 == 1 } })
    // A lone failing body runs once and leaves nothing behind.
    #expect(throws: Refused.self) { try write(1_000, refuse: true) }
    #expect(runs.withLock { $0[1_000] } == 1)
    let stored = try database.read {
      try $0.query("SELECT COUNT(*) AS n FROM entries WHERE id >= 1000", [])[0].int("n")
    }
    #expect(stored == 0)
  }

  @Test func aWriterSeesTheWritesOfThoseBatchedBeforeIt() throws {
    let database = try TestDatabase.make(.sqlite, migrated: false)
    try makeLedger(database)
    let threads = 8
    runConcurrently(threads: threads) { thread in
      for index in 0..<25 {
        do {
          try database.write { executor in
            let next =
              try executor.query(
                "SELECT COALESCE(MAX(id), -1) + 1 AS next FROM entries WHERE tenant_id = 1", []
              )[0].int64("next")
            try executor.execute(
              "INSERT INTO entries (tenant_id, id, side, amount) VALUES (1, $1, 'debit', $2)",
              .integer(next), .integer(Int64(thread * 100 + index)))
          }
        } catch {
          Issue.record("write failed: \(error)")
        }
      }
    }
    let ids = try database.read {
      try $0.query("SELECT id FROM entries ORDER BY id", []).map { try $0.int64("id") }
    }
    // Serial order: each writer read the maximum its predecessors in the batch wrote.
    #expect(ids == Array(0..<Int64(threads * 25)))
  }
}
