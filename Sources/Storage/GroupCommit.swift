import CShim
import Foundation

/// SQLite's writer with group commit: concurrent write transactions share one real
/// transaction and one `COMMIT` (one fsync under `synchronous=FULL`), each in its own
/// savepoint, so throughput grows with the number of concurrent writers while every caller
/// still returns only after its writes are durable.
///
/// One dedicated thread owns the connection and runs the bodies (flat combining): callers
/// queue their body and sleep; the thread takes everything queued, opens `BEGIN IMMEDIATE`,
/// runs the bodies one after another, commits once for all, and wakes the callers. While it
/// commits, new callers queue up and form the next batch. Callers see the same semantics as
/// one transaction each run one after another: serial order (the order they queued in),
/// all-or-nothing per body, durable on return.
///
/// A batch first runs without savepoints, since bodies rarely fail and a savepoint costs a copy
/// of every page its body changes (about 6 % of the writer's time creating orders). When a
/// body of a batch throws, the whole transaction is rolled back and the batch runs again with
/// each body in its own savepoint, so that the failing body undoes only its own changes,
/// exactly as if it had run alone and rolled back. The bodies before it therefore run twice;
/// ``Database/write(_:)`` already requires bodies without effects outside the database, since
/// a conflict reruns them too.
///
/// One thread rather than callers taking turns on the connection: with many more request
/// threads than cores, a caller holding the turn was often descheduled in the middle of its
/// body while everyone else waited for it, and every turn cost a hand-over between threads.
/// The writer thread sleeps whenever the queue is empty, so the scheduler runs it as soon as
/// work arrives.
final class GroupCommitWriter: @unchecked Sendable {
  /// One caller's body waiting for the writer thread. `isQueued` is guarded by the writer's
  /// condition; the caller sleeps on `finished` until the thread has run it and its batch has
  /// committed (or failed).
  private final class Request: @unchecked Sendable {
    /// Runs the caller's body in `transaction` (in a savepoint of its own when the flag is
    /// set), keeps its outcome and tells whether the body succeeded; the caller drops it once
    /// finished, since it wraps a closure that must not outlive the call.
    var run: ((Transaction<SQLiteConnection>, _ isolated: Bool) -> Bool)?
    /// Whether it still waits in the queue (a caller that times out may then withdraw it).
    var isQueued = true
    /// The batch's failure (its `BEGIN` or `COMMIT`), read by the caller once finished.
    var batchFailure: (any Error)?
    let finished = DispatchSemaphore(value: 0)

    init(run: @escaping (Transaction<SQLiteConnection>, _ isolated: Bool) -> Bool) {
      self.run = run
    }
  }

  /// The outcome of one body, filled on the writer thread and read by its caller after the
  /// caller's `Request` finished (the semaphore orders the two).
  private final class Outcome<T>: @unchecked Sendable {
    /// Nil while the body has not run (and when its batch failed before it could).
    var result: Result<T, any Error>?
  }

  private let connection: SQLiteConnection
  private let membersMax: Int
  private let acquireTimeoutMilliseconds: Int
  private let workSignal: WorkSignal
  private let afterCommit: () -> Void
  private let condition = NSCondition()
  private let exited = DispatchSemaphore(value: 0)
  // Guarded by `condition`.
  private var queue: [Request] = []
  private var busy = false
  private var timeouts = 0
  private var closed = false
  private var writerThread: pthread_t?

  /// A writer over `connection`; a batch holds at most `membersMax` transactions, and
  /// `afterCommit` runs on the writer thread after each batch that committed. Starts the
  /// writer thread.
  init(
    connection: SQLiteConnection, membersMax: Int, acquireTimeoutMilliseconds: Int,
    workSignal: WorkSignal, afterCommit: @escaping @Sendable () -> Void
  ) {
    precondition(membersMax >= 1, "a batch holds at least one transaction")
    self.connection = connection
    self.membersMax = membersMax
    self.acquireTimeoutMilliseconds = acquireTimeoutMilliseconds
    self.workSignal = workSignal
    self.afterCommit = afterCommit
    let thread = Thread { [self] in
      // Named for the system too (Foundation keeps `Thread.name` to itself on Linux), so that
      // `top -H` and bench/orders can tell the one serial thread of SQLite writes apart.
      fd_name_current_thread("sqlite-writer")
      condition.lock()
      writerThread = pthread_self()
      condition.unlock()
      serve()
      exited.signal()
    }
    thread.name = "sqlite-writer"
    thread.start()
  }

  /// Runs `body` as one member of a batch and returns once the batch is durable (or with the
  /// error of the body, or of the batch).
  func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try withoutActuallyEscaping(body) { body in
      let outcome = Outcome<T>()
      // The caller sleeps until the request finished, so the body outlives its use.
      let request = Request { transaction, isolated in
        let result = Result {
          isolated ? try transaction.savepoint { try body(transaction) } : try body(transaction)
        }
        outcome.result = result
        if case .failure = result { return false }
        return true
      }
      defer { request.run = nil }
      try enqueue(request)
      try awaitFinish(of: request)
      guard let result = outcome.result else {
        throw request.batchFailure ?? DatabaseError.unavailable(reason: "the write did not run")
      }
      let value = try result.get()
      if let failure = request.batchFailure { throw failure }
      return value
    }
  }

  /// Figures for `/metrics`: one connection, busy or not, and the writers waiting for it.
  var statistics: PoolStatistics {
    condition.lock()
    defer { condition.unlock() }
    return PoolStatistics(
      connectionsOpen: closed ? 0 : 1, connectionsIdle: busy || closed ? 0 : 1, connectionsMax: 1,
      waiters: queue.count, acquireTimeouts: timeouts)
  }

  /// Lets the batch in progress finish, fails the writes still queued, stops the writer
  /// thread and closes the connection; later writes fail.
  func close() {
    condition.lock()
    let wasClosed = closed
    closed = true
    condition.broadcast()
    condition.unlock()
    guard !wasClosed else { return }
    exited.wait()
    connection.close()
  }

  private func enqueue(_ request: Request) throws {
    condition.lock()
    defer { condition.unlock() }
    if closed { throw DatabaseError.unavailable(reason: "the database was closed") }
    if let writerThread {
      precondition(
        pthread_equal(writerThread, pthread_self()) == 0,
        "a write transaction cannot start another write transaction")
    }
    queue.append(request)
    if queue.count == 1 { condition.signal() }
  }

  /// Sleeps until the writer thread has run `request` and its batch has ended; gives up with
  /// a pool timeout when the thread has not taken it within the acquire timeout.
  private func awaitFinish(of request: Request) throws {
    let deadline = DispatchTime.now() + .milliseconds(acquireTimeoutMilliseconds)
    guard request.finished.wait(timeout: deadline) == .timedOut else { return }
    condition.lock()
    if request.isQueued {
      queue.removeAll { $0 === request }
      timeouts += 1
      condition.unlock()
      throw DatabaseError.poolTimeout(waitedMilliseconds: acquireTimeoutMilliseconds)
    }
    condition.unlock()
    // Taken: its batch is running and will end.
    request.finished.wait()
  }

  /// The writer thread: takes what is queued, runs it as one batch, until closed.
  private func serve() {
    while let batch = nextBatch() {
      let ran = run(batch)
      condition.lock()
      // A batch that stopped early (SQLite rolled back) leaves its untried members queued
      // first, in their order.
      for request in batch[ran...] { request.isQueued = true }
      queue.insert(contentsOf: batch[ran...], at: 0)
      busy = false
      condition.unlock()
    }
    condition.lock()
    let abandoned = queue
    queue = []
    condition.unlock()
    for request in abandoned {
      finish(request, failure: DatabaseError.unavailable(reason: "the database was closed"))
    }
  }

  /// Waits for queued requests and takes up to `membersMax` of them; nil once closed.
  private func nextBatch() -> [Request]? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !closed { condition.wait() }
    if closed { return nil }
    let taken = Array(queue.prefix(membersMax))
    queue.removeFirst(taken.count)
    for request in taken { request.isQueued = false }
    busy = true
    return taken
  }

  /// Runs `batch` in one transaction and finishes the members that ran; returns how many ran
  /// (fewer than all only when SQLite rolled the transaction back under a body).
  private func run(_ batch: [Request]) -> Int {
    guard begin(batch) else { return batch.count }
    var wake = false
    for request in batch {
      let succeeded = execute(request, isolated: false, wake: &wake)
      guard succeeded, connection.isInTransaction else {
        let sqliteRolledBack = !connection.isInTransaction
        if !sqliteRolledBack { try? connection.executeScript("ROLLBACK") }
        // A lone body's failure is its own outcome; a batch runs again, each body isolated.
        guard batch.count > 1 else {
          finish(request, failure: sqliteRolledBack ? rolledBack : nil)
          return 1
        }
        return runIsolated(batch)
      }
    }
    return end(batch[...], wake: wake)
  }

  /// Runs `batch` in one transaction with each body in its own savepoint; returns how many ran.
  private func runIsolated(_ batch: [Request]) -> Int {
    guard begin(batch) else { return batch.count }
    var ran = 0
    var wake = false
    for request in batch {
      _ = execute(request, isolated: true, wake: &wake)
      ran += 1
      if !connection.isInTransaction { break }
    }
    return end(batch[..<ran], wake: wake)
  }

  /// Runs one member's body in the open transaction (in a savepoint when `isolated`); sets
  /// `wake` when it asked to wake the workers; returns whether the body succeeded.
  private func execute(_ request: Request, isolated: Bool, wake: inout Bool) -> Bool {
    let transaction = Transaction(connection: connection)
    defer { transaction.finish() }
    let succeeded = request.run?(transaction, isolated) ?? false
    wake = wake || transaction.wakeRequested
    return succeeded
  }

  /// Opens the batch's transaction; when it cannot, finishes the whole batch with the error.
  private func begin(_ batch: [Request]) -> Bool {
    do {
      _ = try connection.run("BEGIN IMMEDIATE", [])
      return true
    } catch {
      for request in batch { finish(request, failure: error) }
      return false
    }
  }

  /// Commits and finishes the members that ran; returns how many.
  private func end(_ ran: ArraySlice<Request>, wake: Bool) -> Int {
    let failure = commit()
    for request in ran { finish(request, failure: failure) }
    if failure == nil { afterCommit() }
    if failure == nil && wake { workSignal.notify() }
    return ran.count
  }

  /// Why a batch failed when SQLite rolled its transaction back under a body.
  private var rolledBack: DatabaseError {
    .unavailable(reason: "SQLite rolled the transaction back")
  }

  /// Commits the open transaction; the error when it could not.
  private func commit() -> (any Error)? {
    guard connection.isInTransaction else { return rolledBack }
    do {
      _ = try connection.run("COMMIT", [])
      return nil
    } catch {
      try? connection.executeScript("ROLLBACK")
      return error
    }
  }

  /// Hands `request` its batch's outcome and wakes its caller.
  private func finish(_ request: Request, failure: (any Error)?) {
    request.batchFailure = failure
    request.finished.signal()
  }
}
