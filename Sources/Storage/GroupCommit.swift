import Foundation

/// SQLite's writer with group commit: concurrent write transactions share one real
/// transaction and one `COMMIT` (one fsync under `synchronous=FULL`), each in its own
/// savepoint, so throughput grows with the number of concurrent writers while every caller
/// still returns only after its writes are durable.
///
/// Writers take turns on the one connection. The first opens `BEGIN IMMEDIATE`; each runs its
/// body inside a savepoint (a body that throws undoes only its own changes, exactly as if it
/// had run alone and rolled back); whoever finishes when no other writer is waiting, or when
/// the batch is full, commits for all. While that commit syncs, new writers queue up and form
/// the next batch. Callers see the same semantics as one transaction each run one after
/// another: serial order, all-or-nothing per body, durable on return.
final class GroupCommitWriter: @unchecked Sendable {
  /// The outcome of one batch, which its members read after the commit. Members count and
  /// the wake request are guarded by the writer's lock; the outcome by the batch's own
  /// condition, so that a commit wakes only the members of its batch.
  private final class Batch {
    var members = 0
    var wakeRequested = false
    private let outcome = NSCondition()
    private var committed = false
    private var failure: (any Error)?

    /// Publishes the outcome and wakes the members waiting for it.
    func publish(failure: (any Error)?) {
      outcome.lock()
      self.failure = failure
      committed = true
      outcome.broadcast()
      outcome.unlock()
    }

    /// Blocks until the outcome is published; throws the batch's failure.
    func awaitOutcome() throws {
      outcome.lock()
      while !committed { outcome.wait() }
      let failure = self.failure
      outcome.unlock()
      if let failure { throw failure }
    }
  }

  private let connection: SQLiteConnection
  private let membersMax: Int
  private let acquireTimeoutMilliseconds: Int
  private let workSignal: WorkSignal
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var busy = false
  private var waiting = 0
  private var timeouts = 0
  private var open: Batch?
  private var closed = false

  /// A writer over `connection`; a batch holds at most `membersMax` transactions.
  init(
    connection: SQLiteConnection, membersMax: Int, acquireTimeoutMilliseconds: Int,
    workSignal: WorkSignal
  ) {
    precondition(membersMax >= 1, "a batch holds at least one transaction")
    self.connection = connection
    self.membersMax = membersMax
    self.acquireTimeoutMilliseconds = acquireTimeoutMilliseconds
    self.workSignal = workSignal
  }

  /// Runs `body` as one member of a batch and returns once the batch is durable (or with the
  /// error of the body, or of the batch's commit).
  func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    let batch = try takeTurn()
    let outcome: Result<T, any Error>
    let transaction = Transaction(connection: connection)
    do {
      outcome = .success(try transaction.savepoint { try body(transaction) })
    } catch {
      outcome = .failure(error)
    }
    transaction.finish()
    endTurn(in: batch, wake: transaction.wakeRequested)
    let result = try outcome.get()
    try batch.awaitOutcome()
    return result
  }

  /// Figures for `/metrics`: one connection, busy or not, and the writers waiting for it.
  var statistics: PoolStatistics {
    condition.lock()
    defer { condition.unlock() }
    return PoolStatistics(
      connectionsOpen: closed ? 0 : 1, connectionsIdle: busy || closed ? 0 : 1, connectionsMax: 1,
      waiters: waiting, acquireTimeouts: timeouts)
  }

  /// Closes the connection once no writer uses it; later writes fail.
  func close() {
    condition.lock()
    closed = true
    while busy { condition.wait() }
    if let batch = open {
      // Its remaining members gave up waiting when the database closed: nothing commits.
      open = nil
      try? connection.executeScript("ROLLBACK")
      finish(batch, failure: DatabaseError.unavailable(reason: "the database was closed"))
    }
    condition.broadcast()
    condition.unlock()
    connection.close()
  }

  /// Waits for the connection, then joins the open batch or begins a new one.
  private func takeTurn() throws -> Batch {
    let deadline = Date(timeIntervalSinceNow: Double(acquireTimeoutMilliseconds) / 1000)
    condition.lock()
    defer { condition.unlock() }
    waiting += 1
    while busy && !closed {
      if !condition.wait(until: deadline) && busy {
        waiting -= 1
        timeouts += 1
        throw DatabaseError.poolTimeout(waitedMilliseconds: acquireTimeoutMilliseconds)
      }
    }
    waiting -= 1
    if closed { throw DatabaseError.unavailable(reason: "the database was closed") }
    busy = true
    if let batch = open { return batch }
    do {
      _ = try connection.run("BEGIN IMMEDIATE", [])
    } catch {
      handOver()
      throw error
    }
    let batch = Batch()
    open = batch
    return batch
  }

  /// Counts the member in; the last one (nobody waiting, or the batch full) commits for all
  /// with the lock released, so that newcomers queue for the next batch meanwhile.
  private func endTurn(in batch: Batch, wake: Bool) {
    condition.lock()
    batch.members += 1
    batch.wakeRequested = batch.wakeRequested || wake
    guard waiting == 0 || batch.members >= membersMax || !connection.isInTransaction else {
      handOver()
      condition.unlock()
      return
    }
    open = nil
    condition.unlock()
    var failure: (any Error)?
    if !connection.isInTransaction {
      failure = DatabaseError.unavailable(reason: "SQLite rolled the transaction back")
    } else {
      do {
        _ = try connection.run("COMMIT", [])
      } catch {
        failure = error
        try? connection.executeScript("ROLLBACK")
      }
    }
    condition.lock()
    finish(batch, failure: failure)
    condition.unlock()
    if failure == nil && batch.wakeRequested { workSignal.notify() }
  }

  /// Publishes `batch`'s outcome and hands the connection to the next writer; called with the
  /// lock held.
  private func finish(_ batch: Batch, failure: (any Error)?) {
    batch.publish(failure: failure)
    handOver()
  }

  /// Frees the connection; called with the lock held. Only one waiter can take it, so only one
  /// is woken, unless the writer is closing and everyone must see that.
  private func handOver() {
    busy = false
    if closed { condition.broadcast() } else { condition.signal() }
  }
}
