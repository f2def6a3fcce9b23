import Foundation
import FreightdeskCore
import Synchronization
import TestSupport
import Testing

@testable import Storage

@Suite struct JobTests {
  private let tenant = TenantID(Identifier(rawValue: 21))
  private let ids = IdentifierGenerator(node: 4, clock: SystemClock())

  private func enqueue(
    _ count: Int, kind: String = "import", into queue: JobQueue, _ database: TestDatabase
  ) throws -> [Identifier] {
    try database.write(for: tenant) { scope in
      try (0..<count).map { index in
        try queue.enqueue(kind: kind, payload: "{\"row\":\(index)}", in: scope)
      }
    }
  }

  @Test(arguments: Backend.allCases)
  func workersOnManyThreadsNeverClaimTheSameJob(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let queue = JobQueue(identifiers: ids)
    let enqueued = try enqueue(40, into: queue, database)
    let claimed = Mutex<[Identifier]>([])
    let failures = Mutex<[String]>([])
    runConcurrently(threads: 4) { thread in
      while true {
        do {
          guard
            let job = try queue.claim(kinds: ["import"], worker: "w\(thread)", from: database)
          else { return }
          claimed.withLock { $0.append(job.id) }
        } catch {
          failures.withLock { $0.append("\(error)") }
          return
        }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    let claimedIDs = claimed.withLock { $0 }
    #expect(claimedIDs.count == enqueued.count)
    #expect(Set(claimedIDs) == Set(enqueued))
  }

  @Test(arguments: Backend.allCases)
  func aBurstOfTheSameWorkQueuesOneJobUntilAWorkerTakesIt(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let queue = JobQueue(identifiers: ids)
    func trigger(_ payload: String) throws -> Identifier? {
      try database.write(for: tenant) {
        try queue.enqueueUnlessWaiting(kind: "recompute", payload: payload, in: $0)
      }
    }
    let first = try trigger("customer-1")
    #expect(first != nil)
    #expect(try trigger("customer-1") == nil)
    #expect(try trigger("customer-2") != nil)
    let claimed = try queue.claim(kinds: ["recompute"], worker: "w", from: database)
    #expect(claimed?.id == first)
    // Once a worker has taken it, a new trigger needs a new run.
    #expect(try trigger("customer-1") != nil)
  }

  @Test(arguments: Backend.allCases)
  func findingAWaitingJobReadsTheQueuedIndexNotEveryJob(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let plan = try database.write { executor -> String in
      let explain: String
      switch backend {
      case .sqlite:
        explain = "EXPLAIN QUERY PLAN "
      case .postgres:
        // A test table is small enough for PostgreSQL to prefer a sequential scan; with that
        // ruled out it still must find an index that answers the query.
        _ = try executor.execute("SET LOCAL enable_seqscan = off", [])
        explain = "EXPLAIN "
      }
      return try executor.query(
        explain + JobQueue.waitingJob, [.integer(1), .text("recompute"), .text("1")]
      ).flatMap { row in row.columns.map { "\(row[$0])" } }.joined(separator: "\n")
    }
    #expect(plan.contains("jobs_queued_by_kind"), "\(plan)")
  }

  @Test func lookingForWorkWhenNoneIsDueLeavesTheSQLiteWriterAlone() throws {
    var options = DatabaseOptions()
    options.poolAcquireTimeoutMilliseconds = 100
    let database = try TestDatabase.make(.sqlite, options: options)
    let queue = JobQueue(identifiers: ids)
    let release = holdWriteTransaction(on: database)
    defer { release() }
    // The writer stays busy for longer than a caller may wait for it, so only a claim that
    // does not queue for it can answer.
    let claimed = try queue.claim(kinds: ["import"], worker: "w", from: database)
    #expect(claimed == nil)
  }

  @Test(arguments: Backend.allCases)
  func aRunningJobsProgressIsVisibleAndItEndsSucceeded(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let queue = JobQueue(identifiers: ids)
    let job = try enqueue(1, into: queue, database)[0]
    let seen = Mutex<JobProgress?>(nil)
    let handler = JobHandler(kind: "import") { context in
      try context.reportProgress(done: 3, total: 10, message: "rows 1-3")
      let progress = try context.read { try queue.progress(of: context.job.id, in: $0) }
      seen.withLock { $0 = progress }
    }
    let runner = JobRunner(
      database: database, queue: queue, handlers: [handler], workerName: "test")
    #expect(try runner.runNext())
    #expect(try !runner.runNext())
    let during = try #require(seen.withLock { $0 })
    #expect(during.status == .running)
    #expect(during.done == 3 && during.total == 10 && during.message == "rows 1-3")
    #expect(during.fraction == 0.3)
    let after = try #require(try database.read(for: tenant) { try queue.progress(of: job, in: $0) })
    #expect(after.status == .succeeded)
    #expect(after.attempts == 1)
  }

  @Test(arguments: Backend.allCases)
  func aFailingJobIsRetriedAfterABackoffAndFailsForGoodAtTheLimit(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let queue = JobQueue(identifiers: ids, attemptsMax: 2)
    let job = try enqueue(1, into: queue, database)[0]
    let handler = JobHandler(kind: "import") { _ in
      throw DatabaseError.queryFailed(message: "bad spreadsheet", state: "test")
    }
    let runner = JobRunner(
      database: database, queue: queue, handlers: [handler], workerName: "test")
    #expect(try runner.runNext())
    let queued = try #require(
      try database.read(for: tenant) { try queue.progress(of: job, in: $0) })
    #expect(queued.status == .queued)
    #expect(try !runner.runNext(), "not due again before its backoff")
    try database.write(for: tenant) { scope in
      try scope.execute("UPDATE jobs SET run_after = 0 WHERE tenant_id = $1")
    }
    #expect(try runner.runNext())
    let failed = try #require(
      try database.read(for: tenant) { try queue.progress(of: job, in: $0) })
    #expect(failed.status == .failed)
    #expect(failed.attempts == 2)
    #expect(failed.lastError?.contains("bad spreadsheet") == true)
  }

  @Test(arguments: Backend.allCases)
  func aJobWhoseWorkerVanishedIsClaimedAgainAfterItsLeaseExpires(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let clock = SteppingClock()
    let queue = JobQueue(identifiers: ids, clock: clock, leaseMilliseconds: 1_000)
    _ = try enqueue(1, into: queue, database)
    let lost = try #require(try queue.claim(kinds: ["import"], worker: "gone", from: database))
    clock.advance(milliseconds: 999)
    #expect(try queue.claim(kinds: ["import"], worker: "other", from: database) == nil)
    clock.advance(milliseconds: 2)
    let again = try #require(try queue.claim(kinds: ["import"], worker: "other", from: database))
    #expect(again.id == lost.id && again.attempt == 2)
    let stale = try queue.reportProgress(
      of: lost, done: 1, total: 1, message: "late", in: database)
    #expect(!stale, "the vanished worker no longer owns the job")
  }

  @Test(arguments: Backend.allCases)
  func theBackgroundRunnerPicksUpNewJobsAndStopsCleanly(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let queue = JobQueue(identifiers: ids)
    let handler = JobHandler(kind: "report") { context in
      try context.reportProgress(done: 1, total: 1, message: "done")
    }
    let runner = JobRunner(
      database: database, queue: queue, handlers: [handler], workerName: "bg",
      pollIntervalMilliseconds: 60_000)
    runner.start(threads: 2)
    let jobs = try enqueue(5, kind: "report", into: queue, database)
    let deadline = SystemClock().now().adding(seconds: 10)
    func succeeded() throws -> Int {
      try database.read(for: tenant) { scope in
        try jobs.compactMap { try queue.progress(of: $0, in: scope) }
          .filter { $0.status == .succeeded }.count
      }
    }
    while try succeeded() < jobs.count && SystemClock().now() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
    runner.stop()
    #expect(try succeeded() == jobs.count)
    let recent = try database.read(for: tenant) { try queue.recent(limit: 3, in: $0) }
    #expect(recent.map(\.id) == Array(jobs.reversed().prefix(3)))
  }
}

/// A clock that stands still until the test moves it.
private final class SteppingClock: Clock {
  private let current = Mutex(Instant(epochMilliseconds: 1_796_000_000_000))

  func now() -> Instant {
    current.withLock { $0 }
  }

  func advance(milliseconds: Int64) {
    current.withLock { $0 = $0.adding(milliseconds: milliseconds) }
  }
}
