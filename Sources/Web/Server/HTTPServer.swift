import CMicroHTTPD
import CShim
import FreightdeskCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Failures starting the server, in words an operator can act on.
public enum ServerError: Error, CustomStringConvertible {
  /// The bind address is not a numeric IPv4 or IPv6 address.
  case invalidBindAddress(String)
  /// libmicrohttpd could not start (port in use, no permission, ...).
  case cannotListen(address: String, port: UInt16)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .invalidBindAddress(let address):
      "bind address \(address) is not a numeric IPv4 or IPv6 address"
    case .cannotListen(let address, let port):
      "cannot listen on \(address):\(port) (in use, or not permitted)"
    }
  }
}

/// The HTTP/1.1 server: libmicrohttpd with epoll and an internal thread pool; each request is
/// read whole (within its route's body limit) and handed to the ``Pipeline``. Requests that
/// only read are answered on the connection thread that read them; requests that change data
/// (whose writes wait for a durable commit) run on ``HandlerThreads`` while their connection
/// is suspended, so that no connection waits behind another's commit.
public final class HTTPServer: @unchecked Sendable {
  /// The pipeline that answers requests.
  public let pipeline: Pipeline
  private let configuration: ServerConfiguration
  private let bindAddress: SocketAddress
  private let inFlight = Atomic<Int>(0)
  // Cleared when shutting down: connections accepted afterwards are closed at once.
  fileprivate let accepting = Atomic<Bool>(true)
  private var daemon: OpaquePointer?
  private var handlerThreads: HandlerThreads?
  let streams: EventStreamRegistry

  /// Creates a server; nothing listens until ``start()``.
  public init(configuration: ServerConfiguration, pipeline: Pipeline) throws {
    guard let address = SocketAddress(host: configuration.bindAddress, port: configuration.port)
    else { throw ServerError.invalidBindAddress(configuration.bindAddress) }
    self.configuration = configuration
    self.pipeline = pipeline
    self.bindAddress = address
    self.streams = EventStreamRegistry(
      heartbeatSeconds: configuration.eventStreamHeartbeatSeconds)
  }

  /// Starts listening and serving on the worker threads.
  public func start() throws {
    var flags = MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
    flags |= MHD_USE_ERROR_LOG.rawValue
    if bindAddress.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
    var settings = fd_mhd_settings(
      flags: flags, port: configuration.port, bind_address: bindAddress.pointer,
      thread_pool_size: UInt32(configuration.threads),
      connection_limit: UInt32(Limits.connectionsMax),
      per_ip_connection_limit: UInt32(Limits.connectionsPerAddressMax),
      connection_memory_limit_bytes: Limits.connectionMemoryBytesMax,
      connection_timeout_seconds: UInt32(Limits.idleTimeoutSeconds),
      listen_backlog: UInt32(Limits.listenBacklogMax))
    // Ready before the first connection can arrive.
    let handlers = HandlerThreads(count: writeThreads, name: "http-writes")
    handlerThreads = handlers
    let context = Unmanaged.passUnretained(self).toOpaque()
    daemon = fd_mhd_start(
      &settings, acceptPolicy, context, accessHandler, context, requestCompleted, context)
    guard daemon != nil else {
      handlers.stop()
      handlerThreads = nil
      throw ServerError.cannotListen(address: configuration.bindAddress, port: configuration.port)
    }
    streams.startHeartbeat()
  }

  /// The port actually bound (useful after starting on port 0).
  public var port: UInt16 {
    guard let daemon else { return 0 }
    return fd_mhd_bound_port(daemon)
  }

  /// Stops gracefully: stop serving new connections, end event streams, let in-flight requests
  /// finish (up to `graceSeconds`), then stop the worker threads.
  ///
  /// New connections are closed as soon as they are accepted rather than left unaccepted:
  /// `MHD_quiesce_daemon` races with the epoll workers of a thread pool (a worker removing the
  /// listen socket from its epoll set at the same moment makes libmicrohttpd abort the process).
  public func shutdown(graceSeconds: Int = Limits.shutdownGraceSeconds) {
    guard let daemon else { return }
    accepting.store(false, ordering: .releasing)
    streams.closeAll()
    let clock = MonotonicClock()
    let deadline = clock.nanoseconds() + UInt64(graceSeconds) * 1_000_000_000
    while inFlight.load(ordering: .acquiring) > 0 && clock.nanoseconds() < deadline {
      usleep(10_000)
    }
    streams.stopHeartbeat()
    // Writes still running resume their connections before libmicrohttpd lets go of them.
    handlerThreads?.stop()
    MHD_stop_daemon(daemon)
    self.daemon = nil
  }

  /// How many threads run the requests that change data.
  public var writeThreads: Int {
    configuration.writeThreads ?? ServerConfiguration.defaultWriteThreadCount
  }

  /// Requests currently being read or answered.
  public var requestsInFlight: Int { inFlight.load(ordering: .relaxed) }

  fileprivate func receive(
    _ connection: OpaquePointer, url: String, method: String,
    upload: UnsafePointer<CChar>?, uploadSize: UnsafeMutablePointer<Int>,
    state: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  ) -> MHD_Result {
    guard let existing = state.pointee else {
      let pending = begin(connection, url: url, method: method)
      state.pointee = Unmanaged.passRetained(pending).toOpaque()
      if pending.headers["Content-Type"]?.lowercased().hasPrefix("multipart/form-data") == true {
        pending.postProcessor = MHD_create_post_processor(
          connection, 16 * 1024, collectPart, Unmanaged.passUnretained(pending).toOpaque())
      }
      inFlight.add(1, ordering: .relaxed)
      if let declared = pending.headers["Content-Length"].flatMap(Int.init),
        declared > pending.bodyBytesMax
      {
        pending.answered = true
        return send(pipeline.tooLarge(pending), for: pending, on: connection)
      }
      return .YES
    }
    let pending = Unmanaged<PendingRequest>.fromOpaque(existing).takeUnretainedValue()
    if uploadSize.pointee > 0 {
      if !pending.answered, let upload {
        pending.append(UnsafeRawBufferPointer(start: upload, count: uploadSize.pointee))
      }
      uploadSize.pointee = 0
      return .YES
    }
    if pending.answered {
      // Called again after a write resumed the connection, or for the rest of a refused body.
      guard let response = pending.takeDeferredResponse() else { return .YES }
      return send(response, for: pending, on: connection)
    }
    pending.answered = true
    pending.finishParts()
    if pending.bodyTooLarge {
      return send(pipeline.tooLarge(pending), for: pending, on: connection)
    }
    guard HTTPMethod(rawValue: pending.method)?.isUnsafe == true, let handlerThreads else {
      return send(pipeline.respond(to: pending), for: pending, on: connection)
    }
    MHD_suspend_connection(connection)
    let suspended = SuspendedConnection(pointer: connection)
    let answer: @Sendable () -> Void = { [self] in
      pending.defer(pipeline.respond(to: pending))
      MHD_resume_connection(suspended.pointer)
    }
    if !handlerThreads.submit(answer) { answer() }
    return .YES
  }

  private func begin(_ connection: OpaquePointer, url: String, method: String) -> PendingRequest {
    let headers = collect(connection, kind: .HEADER_KIND)
    let query = collect(connection, kind: .GET_ARGUMENT_KIND)
    return PendingRequest(
      method: method, path: url, headers: HTTPHeaders(pairs: headers),
      query: query, clientAddress: SocketAddress.describe(fd_mhd_client_address(connection)),
      match: pipeline.match(method: method, path: url))
  }

  private func collect(_ connection: OpaquePointer, kind: MHD_ValueKind) -> [(
    name: String, value: String
  )] {
    let box = PairCollector()
    let context = Unmanaged.passUnretained(box).toOpaque()
    _ = MHD_get_connection_values(connection, kind, collectPair, context)
    return box.pairs
  }

  private func send(_ response: Response, for pending: PendingRequest, on connection: OpaquePointer)
    -> MHD_Result
  {
    let native: OpaquePointer?
    switch response.body {
    case .bytes(let bytes):
      native = bytes.withUnsafeBytes { buffer in
        MHD_create_response_from_buffer(
          buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress),
          .RESPMEM_MUST_COPY)
      }
    case .shared(let shared):
      native = MHD_create_response_from_buffer_with_free_callback_cls(
        shared.count, shared.buffer.baseAddress, releaseShared,
        Unmanaged.passRetained(shared).toOpaque())
    case .eventStream(let stream):
      native = streams.attach(stream, to: connection)
    }
    guard let native else { return .NO }
    for (name, value) in response.headers {
      // `withCString` lends a short string from the stack; passing the `String` itself copied
      // each name and value into a new array first.
      _ = name.withCString { name in
        value.withCString { value in MHD_add_response_header(native, name, value) }
      }
    }
    let result = MHD_queue_response(connection, UInt32(response.status), native)
    MHD_destroy_response(native)
    return result
  }

  fileprivate func complete(_ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) {
    guard let state, let pointer = state.pointee else { return }
    let pending = Unmanaged<PendingRequest>.fromOpaque(pointer)
    pending.takeUnretainedValue().finishParts()
    pending.release()
    state.pointee = nil
    inFlight.subtract(1, ordering: .relaxed)
  }
}

/// A connection suspended while its request runs on a handler thread; libmicrohttpd keeps it
/// (and its request) until it is resumed, so the pointer may cross to that thread.
private struct SuspendedConnection: @unchecked Sendable {
  let pointer: OpaquePointer
}

/// Gathers name/value pairs from libmicrohttpd's iterator.
private final class PairCollector {
  var pairs: [(name: String, value: String)] = []
}

private let collectPair: MHD_KeyValueIterator = { context, _, key, value in
  guard let context, let key else { return .YES }
  let box = Unmanaged<PairCollector>.fromOpaque(context).takeUnretainedValue()
  box.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
  return .YES
}

private let releaseShared: MHD_ContentReaderFreeCallback = { context in
  guard let context else { return }
  Unmanaged<SharedBytes>.fromOpaque(context).release()
}

private let collectPart: MHD_PostDataIterator = {
  context, _, key, filename, contentType, _, data, offset, size in
  guard let context, let key else { return .YES }
  let pending = Unmanaged<PendingRequest>.fromOpaque(context).takeUnretainedValue()
  pending.receivePart(
    name: String(cString: key), filename: filename.map { String(cString: $0) },
    contentType: contentType.map { String(cString: $0) }, offset: offset,
    bytes: UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
  return .YES
}

private let accessHandler: MHD_AccessHandlerCallback = {
  context, connection, url, method, _, upload, uploadSize, state in
  guard let context, let connection, let url, let method, let uploadSize, let state else {
    return .NO
  }
  let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
  return server.receive(
    connection, url: String(cString: url), method: String(cString: method), upload: upload,
    uploadSize: uploadSize, state: state)
}

private let acceptPolicy: MHD_AcceptPolicyCallback = { context, _, _ in
  guard let context else { return .NO }
  let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
  return server.accepting.load(ordering: .acquiring) ? .YES : .NO
}

private let requestCompleted: MHD_RequestCompletedCallback = { context, _, state, _ in
  guard let context else { return }
  Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().complete(state)
}
