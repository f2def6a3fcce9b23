/// The SQLite driver: one file in WAL mode, one writer connection (SQLite allows one writer
/// at a time anyway, so writers queue for it instead of spinning on locks) whose concurrent
/// transactions share commits (``GroupCommitWriter``), and several read-only connections that
/// read concurrently with the writer.
///
/// The WAL is checkpointed beside the writer rather than by it (``WALCheckpointer``).
///
/// Every connection has foreign keys on, a busy timeout, and the configured `synchronous`
/// level (FULL by default).
final class SQLiteDatabase: Database {
  let engine = DatabaseEngine.sqlite
  let workSignal = WorkSignal()
  private let path: String
  private let writer: GroupCommitWriter
  private let checkpointer: WALCheckpointer
  private let readers: ConnectionPool<SQLiteConnection>
  private let runner: TransactionRunner

  /// Opens (creating when missing) the database file at `path` and switches it to WAL.
  init(path: String, options: DatabaseOptions) throws {
    self.path = path
    // The writer opens first, so the WAL and shared-memory files that read-only connections
    // need always exist.
    let connection = try SQLiteConnection(path: path, readOnly: false, options: options)
    let mode = try connection.run("PRAGMA journal_mode = WAL", []).rows.first?["journal_mode"]
    guard mode == .text("wal") else {
      connection.close()
      throw DatabaseError.unavailable(reason: "\(path) cannot use WAL mode")
    }
    do {
      checkpointer = try WALCheckpointer(
        path: path, writer: connection, options: options,
        passFrames: options.walCheckpointPassPages, framesMax: options.walPagesMax)
    } catch {
      connection.close()
      throw error
    }
    writer = GroupCommitWriter(
      connection: connection, membersMax: options.groupCommitMembersMax,
      acquireTimeoutMilliseconds: options.poolAcquireTimeoutMilliseconds, workSignal: workSignal,
      afterCommit: { [checkpointer] in checkpointer.writerCommitted() })
    readers = ConnectionPool(
      connectionsMax: max(1, options.readerConnections),
      acquireTimeoutMilliseconds: options.poolAcquireTimeoutMilliseconds
    ) {
      try SQLiteConnection(path: path, readOnly: true, options: options)
    }
    runner = TransactionRunner(attemptsMax: options.transactionAttemptsMax, workSignal: workSignal)
  }

  func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try runner.run(on: readers, begin: "BEGIN", body)
  }

  @discardableResult
  func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try runner.retrying { try writer.write(body) }
  }

  var poolStatistics: PoolStatistics {
    writer.statistics + readers.statistics
  }

  func backup(to destination: String) throws {
    try readers.withConnection { connection in
      try SQLiteBackup.copy(from: connection, to: destination)
    }
  }

  /// Checkpoints of the WAL so far: see ``WALCheckpointer/statistics``.
  var checkpointStatistics: WALCheckpointStatistics {
    checkpointer.statistics
  }

  func close() {
    readers.close()
    checkpointer.close()
    writer.close()
  }
}
