/// The PostgreSQL driver: a bounded pool of libpq connections, each caching its prepared
/// statements.
///
/// Writes run at READ COMMITTED, the server default, so row locks (`FOR UPDATE`, counter
/// upserts) serialise what must be serial; reads run REPEATABLE READ READ ONLY so a page sees
/// one snapshot. Deadlocks and serialization failures are retried like SQLite's busy.
final class PostgresDatabase: Database {
  let engine = DatabaseEngine.postgres
  let workSignal = WorkSignal()
  private let pool: ConnectionPool<PostgresConnection>
  private let runner: TransactionRunner

  /// Creates the pool and opens one connection at once, so a wrong URL fails at start-up.
  init(url: String, options: DatabaseOptions) throws {
    pool = ConnectionPool(
      connectionsMax: options.poolConnectionsMax,
      acquireTimeoutMilliseconds: options.poolAcquireTimeoutMilliseconds
    ) {
      try PostgresConnection(url: url)
    }
    runner = TransactionRunner(attemptsMax: options.transactionAttemptsMax, workSignal: workSignal)
    try pool.withConnection { _ in }
  }

  func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try runner.run(on: pool, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
  }

  @discardableResult
  func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
    try runner.run(on: pool, begin: "BEGIN", body)
  }

  var poolStatistics: PoolStatistics { pool.statistics }

  func backup(to path: String) throws {
    throw DatabaseError.backupUnsupported(
      engine: .postgres,
      advice: "back up PostgreSQL with pg_dump --format=custom and restore with pg_restore")
  }

  func close() {
    pool.close()
  }
}
