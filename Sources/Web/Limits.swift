/// The web layer's limits, each named with its unit last; all in one place so operators can
/// read what the server will and will not accept.
public enum Limits {
  /// The largest request body a route accepts unless it declares its own limit.
  public static let requestBodyBytesMax = 1 << 20
  /// The largest request body any route may declare (file imports).
  public static let uploadBodyBytesMax = 64 << 20
  /// Memory for one connection's request line, headers and read buffer; requests whose
  /// headers do not fit are refused with 431.
  public static let connectionMemoryBytesMax = 32 << 10
  /// Connections open at once, over all clients.
  public static let connectionsMax = 4096
  /// Connections open at once from one IP address.
  public static let connectionsPerAddressMax = 512
  /// Seconds a connection may stay idle before it is closed.
  public static let idleTimeoutSeconds = 60
  /// Pending connections the kernel queues before accept.
  public static let listenBacklogMax = 1024
  /// Seconds a graceful shutdown waits for in-flight requests before stopping anyway.
  public static let shutdownGraceSeconds = 20
  /// Seconds between heartbeats on an event stream, which also detect gone clients.
  public static let eventStreamHeartbeatSeconds = 15
  /// Items one page of a list returns at most.
  public static let pageSizeMax = 200
  /// Items one page of a list returns when the client does not say.
  public static let pageSizeDefault = 50
  /// Length of an `Idempotency-Key` or `X-Request-ID` value.
  public static let requestKeyCharactersMax = 128
}
