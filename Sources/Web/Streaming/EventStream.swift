import CMicroHTTPD
import Synchronization

/// A Server-Sent Events stream to one client (live tracking, job progress).
///
/// A handler returns it in ``Response/Body/eventStream(_:)`` and keeps a reference to `send`
/// events from any thread; the server holds the connection open without occupying a worker
/// thread while there is nothing to send, and sends a heartbeat comment periodically so
/// proxies keep the connection and gone clients are noticed.
public final class EventStream: Sendable {
  private struct State {
    var pending: [UInt8] = []
    var closed = false
    var suspended = false
    var connection: ConnectionHandle?
  }

  private struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
  }

  private let state = Mutex(State())
  private let onTerminate: @Sendable () -> Void

  /// Creates an open stream; `onTerminate` runs once when the connection ends for any reason,
  /// so publishers can unsubscribe it.
  public init(onTerminate: @escaping @Sendable () -> Void = {}) {
    self.onTerminate = onTerminate
  }

  /// Queues one event. Returns false when the stream has ended (the caller should drop it).
  @discardableResult
  public func send(event: String? = nil, data: String, id: String? = nil) -> Bool {
    var text = ""
    if let id { text += "id: \(Self.singleLine(id))\n" }
    if let event { text += "event: \(Self.singleLine(event))\n" }
    for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
      text += "data: \(line)\n"
    }
    return enqueue(text + "\n")
  }

  /// Sends a comment line, which clients ignore; used as the heartbeat.
  @discardableResult
  func sendComment(_ comment: String) -> Bool {
    enqueue(": \(Self.singleLine(comment))\n\n")
  }

  /// Ends the stream after what is queued has been sent.
  public func close() {
    state.withLock { state in
      state.closed = true
      Self.resumeIfSuspended(&state)
    }
  }

  /// Whether events can still be sent.
  public var isOpen: Bool {
    state.withLock { !$0.closed }
  }

  private func enqueue(_ text: String) -> Bool {
    state.withLock { state in
      if state.closed { return false }
      state.pending.append(contentsOf: text.utf8)
      Self.resumeIfSuspended(&state)
      return true
    }
  }

  private static func resumeIfSuspended(_ state: inout State) {
    if state.suspended, let connection = state.connection {
      state.suspended = false
      MHD_resume_connection(connection.pointer)
    }
  }

  private static func singleLine(_ text: String) -> String {
    String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }

  /// Binds the stream to the connection that carries it.
  func attach(to connection: OpaquePointer) {
    state.withLock { $0.connection = ConnectionHandle(pointer: connection) }
  }

  /// Copies queued bytes into `buffer`; when none are queued, suspends the connection (to be
  /// resumed by the next `send`) and returns 0; returns nil at the end of the stream.
  func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
    state.withLock { state in
      if state.pending.isEmpty {
        if state.closed { return nil }
        if let connection = state.connection {
          state.suspended = true
          MHD_suspend_connection(connection.pointer)
        }
        return 0
      }
      let count = min(buffer.count, state.pending.count)
      state.pending.withUnsafeBytes { source in
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<count]))
      }
      state.pending.removeFirst(count)
      return count
    }
  }

  /// Marks the stream ended and tells its owner; called once when the connection goes away.
  func terminate() {
    state.withLock { state in
      state.closed = true
      state.connection = nil
    }
    onTerminate()
  }
}
