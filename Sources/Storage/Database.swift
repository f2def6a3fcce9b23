/// Which SQL engine a database runs on; business code rarely needs to know.
public enum DatabaseEngine: String, Sendable {
  /// Embedded SQLite in WAL mode, the zero-set-up default.
  case sqlite
  /// PostgreSQL through libpq, for companies that outgrow one file.
  case postgres
}

/// Runs SQL inside one transaction. One SQL text serves both engines: parameters are
/// written `$1 ... $N` and bound by number on both.
///
/// An executor belongs to the transaction that handed it out; do not keep it afterwards.
public protocol SQLExecutor {
  /// The engine the statements run on.
  var engine: DatabaseEngine { get }

  /// A number no other connection of this process had: a key for what may be kept per
  /// connection, since a connection reads one database for its whole life (rows that never
  /// change once written, such as a rate card's saved versions, decoded once).
  var connectionSerial: Int { get }

  /// Runs one statement and returns its rows.
  func query(_ sql: String, _ parameters: [SQLValue]) throws -> [Row]

  /// Runs one statement and returns how many rows it inserted, updated or deleted.
  @discardableResult
  func execute(_ sql: String, _ parameters: [SQLValue]) throws -> Int

  /// Runs several `;`-separated statements without parameters (schema migrations).
  func executeScript(_ sql: String) throws

  /// Runs `body` inside a savepoint: when it throws, only its own changes are undone and
  /// the surrounding transaction continues.
  func savepoint<T>(_ body: () throws -> T) throws -> T

  /// Asks the database to wake its background workers (outbox dispatcher, job runner) once
  /// this transaction commits; nothing happens when it rolls back.
  func wakeWorkersAfterCommit()
}

extension SQLExecutor {
  /// Runs one statement with parameters written inline: `query(sql, 1, "x")`.
  public func query(_ sql: String, _ parameters: SQLValue...) throws -> [Row] {
    try query(sql, parameters)
  }

  /// Runs one statement with parameters written inline and returns the rows affected.
  @discardableResult
  public func execute(_ sql: String, _ parameters: SQLValue...) throws -> Int {
    try execute(sql, parameters)
  }
}

/// How full a connection pool is, for `/metrics` and `/readyz`.
public struct PoolStatistics: Sendable, Equatable {
  /// Connections currently open.
  public var connectionsOpen: Int
  /// Open connections waiting in the pool for a caller.
  public var connectionsIdle: Int
  /// The most connections the pool will open.
  public var connectionsMax: Int
  /// Callers blocked waiting for a connection right now.
  public var waiters: Int
  /// Callers who gave up waiting since the pool was created.
  public var acquireTimeouts: Int

  /// Creates a snapshot.
  public init(
    connectionsOpen: Int, connectionsIdle: Int, connectionsMax: Int, waiters: Int,
    acquireTimeouts: Int
  ) {
    self.connectionsOpen = connectionsOpen
    self.connectionsIdle = connectionsIdle
    self.connectionsMax = connectionsMax
    self.waiters = waiters
    self.acquireTimeouts = acquireTimeouts
  }

  /// The sum of two pools' figures (SQLite's writer and readers).
  static func + (lhs: PoolStatistics, rhs: PoolStatistics) -> PoolStatistics {
    PoolStatistics(
      connectionsOpen: lhs.connectionsOpen + rhs.connectionsOpen,
      connectionsIdle: lhs.connectionsIdle + rhs.connectionsIdle,
      connectionsMax: lhs.connectionsMax + rhs.connectionsMax,
      waiters: lhs.waiters + rhs.waiters,
      acquireTimeouts: lhs.acquireTimeouts + rhs.acquireTimeouts)
  }
}

/// A database the application reads and writes through transactions.
///
/// The API is synchronous on purpose: it is called from libmicrohttpd's worker threads and
/// from background `Thread`s, never from Swift's cooperative pool, where blocking would
/// starve other tasks. Business code reaches tenant data through `read(for:)` and
/// `write(for:)`, which hand out a ``TenantScope``.
public protocol Database: AnyObject, Sendable {
  /// The engine behind this database.
  var engine: DatabaseEngine { get }

  /// Runs `body` in a read-only transaction that sees one consistent snapshot.
  func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T

  /// Runs `body` in a read-write transaction and commits it. When the transaction collides
  /// with another, it is rolled back and `body` runs again (up to
  /// ``Limits/transactionAttemptsMax`` times), so `body` must have no effects outside the
  /// database. Do not call `write` inside a `write` body: the inner call waits for a second
  /// writer (SQLite has only one) and fails with
  /// ``DatabaseError/poolTimeout(waitedMilliseconds:)``.
  @discardableResult
  func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T

  /// Throws ``DatabaseError/unavailable(reason:)`` unless a trivial query succeeds; the
  /// default runs `SELECT 1` in a read transaction.
  func checkHealth() throws

  /// How full the connection pool is.
  var poolStatistics: PoolStatistics { get }

  /// Signalled after each commit that asked to wake background workers.
  var workSignal: WorkSignal { get }

  /// Writes a consistent copy of the whole database to a file (SQLite only; PostgreSQL
  /// throws ``DatabaseError/backupUnsupported(engine:advice:)`` pointing to `pg_dump`).
  func backup(to path: String) throws

  /// Closes every connection; later calls fail with ``DatabaseError/unavailable(reason:)``.
  func close()
}

extension Database {
  /// Runs a trivial query in a read transaction; what `/readyz` calls.
  public func checkHealth() throws {
    _ = try read { try $0.query("SELECT 1 AS one", []) }
  }
}

/// SQLite's `PRAGMA synchronous` level: how hard a commit waits for the disk.
public enum SQLiteSynchronous: String, Sendable {
  /// Every commit reaches the disk before it returns; survives power loss. The default.
  case full = "FULL"
  /// Commits may be lost on power loss (never corrupted); faster.
  case normal = "NORMAL"
}

/// Tuning for ``openDatabase(url:options:)``; the defaults come from ``Limits``.
public struct DatabaseOptions: Sendable {
  /// SQLite durability level.
  public var synchronous: SQLiteSynchronous = .full
  /// How long SQLite waits on another process's lock.
  public var busyTimeoutMilliseconds = Limits.busyTimeoutMilliseconds
  /// SQLite read-only connections beside the writer.
  public var readerConnections = Limits.sqliteReaderConnectionsMax
  /// PostgreSQL pool size.
  public var poolConnectionsMax = Limits.poolConnectionsMax
  /// How long a caller waits for a pooled connection.
  public var poolAcquireTimeoutMilliseconds = Limits.poolAcquireTimeoutMilliseconds
  /// How many times a conflicted transaction runs.
  public var transactionAttemptsMax = Limits.transactionAttemptsMax
  /// How many concurrent SQLite write transactions may share one commit (1: none share).
  public var groupCommitMembersMax = Limits.groupCommitMembersMax
  /// How many pages SQLite's WAL grows by between two background checkpoints.
  public var walCheckpointPassPages = Limits.walCheckpointPassPages
  /// How many pages SQLite's WAL holds at most before the writer checkpoints it itself.
  public var walPagesMax = Limits.walPagesMax

  /// The defaults.
  public init() {}
}

/// Opens a database from its URL: `sqlite:PATH` (relative or absolute path to a file) or
/// `postgres://...` / `postgresql://...` (any libpq connection URI).
public func openDatabase(url: String, options: DatabaseOptions = DatabaseOptions()) throws
  -> any Database
{
  if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
    return try PostgresDatabase(url: url, options: options)
  }
  if url.hasPrefix("sqlite:") {
    let path = String(url.dropFirst("sqlite:".count))
    guard !path.isEmpty, path != ":memory:" else { throw DatabaseError.invalidURL(url) }
    return try SQLiteDatabase(path: path, options: options)
  }
  throw DatabaseError.invalidURL(url)
}
