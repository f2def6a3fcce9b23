import Foundation

/// What a driver's native connection offers to the engine-neutral transaction code.
protocol DriverConnection: PooledConnection {
  /// The engine of this connection.
  var engine: DatabaseEngine { get }
  /// A number no other connection of this process had (see ``ConnectionSerial``).
  var serial: Int { get }
  /// Runs one statement with `$N` parameters.
  func run(_ sql: String, _ parameters: [SQLValue]) throws -> (rows: [Row], affected: Int)
  /// Runs parameterless statements separated by `;`.
  func executeScript(_ sql: String) throws
}

/// The executor handed to a transaction body: forwards statements to its connection and
/// keeps the savepoint depth and the after-commit wake request.
final class Transaction<Connection: DriverConnection>: SQLExecutor {
  private let connection: Connection
  private var savepointDepth = 0
  private var isOpen = true
  private(set) var wakeRequested = false

  init(connection: Connection) {
    self.connection = connection
  }

  var engine: DatabaseEngine { connection.engine }

  var connectionSerial: Int { connection.serial }

  /// Marks the transaction finished: its connection goes back to the pool, and an executor
  /// that escaped its body must not reach it any more.
  func finish() {
    isOpen = false
  }

  /// The connection, while the transaction is still open.
  private var openConnection: Connection {
    precondition(isOpen, "an executor was used after its transaction ended")
    return connection
  }

  func query(_ sql: String, _ parameters: [SQLValue]) throws -> [Row] {
    try openConnection.run(sql, parameters).rows
  }

  func execute(_ sql: String, _ parameters: [SQLValue]) throws -> Int {
    try openConnection.run(sql, parameters).affected
  }

  func executeScript(_ sql: String) throws {
    try openConnection.executeScript(sql)
  }

  func savepoint<T>(_ body: () throws -> T) throws -> T {
    savepointDepth += 1
    defer { savepointDepth -= 1 }
    // Prepared once per connection and depth: every group-committed write runs in one.
    let statements = SavepointStatements.at(depth: savepointDepth)
    _ = try openConnection.run(statements.open, [])
    do {
      let result = try body()
      _ = try openConnection.run(statements.release, [])
      return result
    } catch {
      _ = try? openConnection.run(statements.rollBack, [])
      _ = try? openConnection.run(statements.release, [])
      throw error
    }
  }

  func wakeWorkersAfterCommit() {
    wakeRequested = true
  }
}

/// The statements of the savepoint at one nesting depth, spelled once for the usual depths:
/// every group-committed write runs in a savepoint, and so does every outbox delivery.
private struct SavepointStatements {
  let open: String
  let release: String
  let rollBack: String

  init(depth: Int) {
    let name = "fd_savepoint_\(depth)"
    open = "SAVEPOINT \(name)"
    release = "RELEASE SAVEPOINT \(name)"
    rollBack = "ROLLBACK TO SAVEPOINT \(name)"
  }

  private static let usual = (1...8).map(SavepointStatements.init(depth:))

  static func at(depth: Int) -> SavepointStatements {
    depth <= usual.count ? usual[depth - 1] : SavepointStatements(depth: depth)
  }
}

/// Runs transaction bodies on pooled connections, retrying the whole transaction when it
/// collides with another; shared by both drivers so retry behaves the same on each.
struct TransactionRunner: Sendable {
  /// How many times a conflicted transaction runs.
  let attemptsMax: Int
  /// Notified after commits that asked to wake workers.
  let workSignal: WorkSignal

  /// Runs `body` between `begin` and `COMMIT` on a connection from `pool`.
  func run<T, Connection: DriverConnection>(
    on pool: ConnectionPool<Connection>, begin: String,
    _ body: (any SQLExecutor) throws -> T
  ) throws -> T {
    try retrying { try runOnce(on: pool, begin: begin, body) }
  }

  /// Runs `once` again, after a pause, while it fails with a retryable conflict, up to the
  /// attempt limit.
  func retrying<T>(_ once: () throws -> T) throws -> T {
    var attempt = 1
    while true {
      do {
        return try once()
      } catch let error as DatabaseError where error.isRetryable {
        guard attempt < attemptsMax else {
          throw DatabaseError.retriesExhausted(attempts: attempt)
        }
        pause(beforeRetry: attempt)
      } catch let stale as StaleConnection {
        // The body never ran; a fresh connection may well work (the server restarted).
        guard attempt < attemptsMax else { throw stale.error }
      }
      attempt += 1
    }
  }

  /// A pooled connection that turned out to be dead when the transaction began.
  private struct StaleConnection: Error {
    var error: DatabaseError
  }

  private func runOnce<T, Connection: DriverConnection>(
    on pool: ConnectionPool<Connection>, begin: String,
    _ body: (any SQLExecutor) throws -> T
  ) throws -> T {
    let (result, wake) = try pool.withConnection { connection in
      // BEGIN and COMMIT run as prepared statements, kept by the connection like any other:
      // every request opens at least one transaction, and a script is parsed on each run.
      do {
        _ = try connection.run(begin, [])
      } catch let error as DatabaseError where connection.isBroken {
        throw StaleConnection(error: error)
      }
      let transaction = Transaction(connection: connection)
      defer { transaction.finish() }
      do {
        let result = try body(transaction)
        _ = try connection.run("COMMIT", [])
        return (result, transaction.wakeRequested)
      } catch {
        if !connection.isBroken { try? connection.executeScript("ROLLBACK") }
        throw error
      }
    }
    if wake { workSignal.notify() }
    return result
  }

  /// Sleeps an exponentially growing, jittered time so colliding writers spread out.
  private func pause(beforeRetry attempt: Int) {
    let ceiling = exponentialBackoffMilliseconds(
      attempt: attempt, base: Limits.transactionRetryBackoffMillisecondsBase,
      maximum: Limits.transactionRetryBackoffMillisecondsMax)
    let milliseconds = ceiling / 2 + Int.random(in: 0...(ceiling / 2))
    Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
  }
}
