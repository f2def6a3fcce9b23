#if canImport(Glibc)
  import Glibc
#endif

/// Where and how the HTTP server listens.
public struct ServerConfiguration: Sendable {
  /// The IPv4 or IPv6 address to bind; `127.0.0.1` unless the operator opens it up.
  public var bindAddress: String
  /// The TCP port; 0 picks a free one (tests).
  public var port: UInt16
  /// Connection threads: they read requests and answer those that only read, so several per
  /// core absorb database waits.
  public var threads: Int
  /// Threads that run requests which change data (POST, PUT, PATCH, DELETE) while their
  /// connection is suspended; nil lets the application pick for its database
  /// (``defaultWriteThreadCount`` for SQLite, ``postgresWriteThreadCount``).
  public var writeThreads: Int?
  /// Seconds between heartbeats on open event streams.
  public var eventStreamHeartbeatSeconds = Limits.eventStreamHeartbeatSeconds

  /// Creates a configuration; `threads` defaults to four per core.
  public init(
    bindAddress: String = "127.0.0.1", port: UInt16 = 8080, threads: Int? = nil,
    writeThreads: Int? = nil
  ) {
    self.bindAddress = bindAddress
    self.port = port
    self.threads = threads ?? Self.defaultThreadCount
    self.writeThreads = writeThreads
  }

  /// Four connection threads per online core, at least eight: writes no longer hold them, and
  /// fewer threads contending for the cores left more of them to the work (orders created over
  /// 64 connections on two cores, bench/orders: about 2,900/s with 8 connection threads,
  /// 2,500–2,900/s with 16, 2,450/s with 32).
  public static var defaultThreadCount: Int { max(8, onlineCores * 4) }

  /// Thirty-two write threads per online core, at least thirty-two, for SQLite: writes waiting
  /// at once share one group commit, so this bounds its batches (32 in all made about 2,200
  /// orders/s over 64 connections on two cores, 64 about 2,800/s, 128 no more).
  public static var defaultWriteThreadCount: Int { max(32, onlineCores * 32) }

  /// Sixteen write threads for PostgreSQL, whose writers commit concurrently, each holding one
  /// of the pool's connections: more threads only queue for them (orders over 64 connections on
  /// two cores: about 480/s with 16, 360–400/s with 64 and a p99 twice as long).
  public static let postgresWriteThreadCount = 16

  /// The processor cores online now.
  private static var onlineCores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
