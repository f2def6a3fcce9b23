#if canImport(Glibc)
  import Glibc
#endif

/// Where and how the HTTP server listens.
public struct ServerConfiguration: Sendable {
  /// The IPv4 or IPv6 address to bind; `127.0.0.1` unless the operator opens it up.
  public var bindAddress: String
  /// The TCP port; 0 picks a free one (tests).
  public var port: UInt16
  /// Worker threads; handlers run synchronously on them, so several per core absorb database
  /// waits. Writers waiting together share one commit (group commit on SQLite), so more
  /// threads than cores also make commits cheaper per request under load.
  public var threads: Int
  /// Seconds between heartbeats on open event streams.
  public var eventStreamHeartbeatSeconds = Limits.eventStreamHeartbeatSeconds

  /// Creates a configuration; `threads` defaults to sixteen per core.
  public init(bindAddress: String = "127.0.0.1", port: UInt16 = 8080, threads: Int? = nil) {
    self.bindAddress = bindAddress
    self.port = port
    self.threads = threads ?? Self.defaultThreadCount
  }

  /// Sixteen worker threads per online core, at least sixteen: on two cores, orders created
  /// over 64 connections went from about 1,900/s with 8 threads to about 2,300/s with 32
  /// (bench/orders), as more writers share each durable commit.
  public static var defaultThreadCount: Int {
    let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    return max(16, cores * 16)
  }
}
