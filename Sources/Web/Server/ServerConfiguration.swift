#if canImport(Glibc)
  import Glibc
#endif

/// Where and how the HTTP server listens.
public struct ServerConfiguration: Sendable {
  /// The IPv4 or IPv6 address to bind; `127.0.0.1` unless the operator opens it up.
  public var bindAddress: String
  /// The TCP port; 0 picks a free one (tests).
  public var port: UInt16
  /// Worker threads; handlers run synchronously on them, so a few per core absorb database waits.
  public var threads: Int
  /// Seconds between heartbeats on open event streams.
  public var eventStreamHeartbeatSeconds = Limits.eventStreamHeartbeatSeconds

  /// Creates a configuration; `threads` defaults to four per core.
  public init(bindAddress: String = "127.0.0.1", port: UInt16 = 8080, threads: Int? = nil) {
    self.bindAddress = bindAddress
    self.port = port
    self.threads = threads ?? Self.defaultThreadCount
  }

  /// Four worker threads per online core, at least four.
  public static var defaultThreadCount: Int {
    let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    return max(4, cores * 4)
  }
}
