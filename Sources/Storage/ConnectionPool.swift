import Foundation

/// One native connection a pool hands out; used by one thread at a time.
protocol PooledConnection: AnyObject {
  /// Whether the connection broke and must be discarded rather than reused.
  var isBroken: Bool { get }
  /// Releases the native handle.
  func close()
}

/// A bounded pool of connections: opens lazily up to `connectionsMax`, makes callers wait up
/// to the acquire timeout, and discards broken connections.
final class ConnectionPool<Connection: PooledConnection>: @unchecked Sendable {
  private let connectionsMax: Int
  private let acquireTimeoutMilliseconds: Int
  private let open: () throws -> Connection
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var idle: [Connection] = []
  private var openCount = 0
  private var waiters = 0
  private var timeouts = 0
  private var closed = false

  /// Creates an empty pool; `open` makes a new connection when one is needed.
  init(
    connectionsMax: Int, acquireTimeoutMilliseconds: Int,
    open: @escaping () throws -> Connection
  ) {
    precondition(connectionsMax > 0, "a pool holds at least one connection")
    self.connectionsMax = connectionsMax
    self.acquireTimeoutMilliseconds = acquireTimeoutMilliseconds
    self.open = open
  }

  /// Runs `body` with a connection taken from the pool, then returns it (or discards it
  /// when it broke).
  func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
    let connection = try acquire()
    defer { release(connection) }
    return try body(connection)
  }

  /// A snapshot of the pool's figures.
  var statistics: PoolStatistics {
    condition.lock()
    defer { condition.unlock() }
    return PoolStatistics(
      connectionsOpen: openCount, connectionsIdle: idle.count, connectionsMax: connectionsMax,
      waiters: waiters, acquireTimeouts: timeouts)
  }

  /// Closes idle connections now and busy ones when they come back; later acquires fail.
  func close() {
    condition.lock()
    closed = true
    let toClose = idle
    idle = []
    openCount -= toClose.count
    condition.broadcast()
    condition.unlock()
    for connection in toClose { connection.close() }
  }

  private func acquire() throws -> Connection {
    let deadline = Date(timeIntervalSinceNow: Double(acquireTimeoutMilliseconds) / 1000)
    condition.lock()
    while true {
      if closed {
        condition.unlock()
        throw DatabaseError.unavailable(reason: "the database was closed")
      }
      if let connection = idle.popLast() {
        condition.unlock()
        return connection
      }
      if openCount < connectionsMax { break }
      waiters += 1
      let signalled = condition.wait(until: deadline)
      waiters -= 1
      if !signalled && idle.isEmpty && openCount >= connectionsMax {
        timeouts += 1
        condition.unlock()
        throw DatabaseError.poolTimeout(waitedMilliseconds: acquireTimeoutMilliseconds)
      }
    }
    openCount += 1
    condition.unlock()
    do {
      return try open()
    } catch {
      condition.lock()
      openCount -= 1
      condition.signal()
      condition.unlock()
      throw error
    }
  }

  /// Puts a connection back. A broken one is closed together with every idle one: a
  /// connection usually breaks because the server went away, which killed the others too.
  private func release(_ connection: Connection) {
    condition.lock()
    var toClose: [Connection] = []
    if closed {
      toClose = [connection]
    } else if connection.isBroken {
      toClose = [connection] + idle
      idle = []
    } else {
      idle.append(connection)
    }
    openCount -= toClose.count
    // Every waiter wakes, not one: with more threads than cores, the one woken often waited
    // for a core while the connection sat idle, and whichever waiter runs first takes it.
    // Waking one cut PostgreSQL's orders a second over 64 connections by a fifth.
    condition.broadcast()
    condition.unlock()
    for connection in toClose { connection.close() }
  }
}
