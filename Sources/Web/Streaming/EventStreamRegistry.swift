import CMicroHTTPD
import Foundation
import Synchronization

/// The server's open event streams: it binds them to connections, sends heartbeats, and ends
/// them all at shutdown.
final class EventStreamRegistry: Sendable {
  private let open = Mutex<[ObjectIdentifier: EventStream]>([:])
  private let stopping = Mutex(false)
  private let wake = NSCondition()
  private let heartbeatSeconds: Int
  private static let readBlockBytes = 4096

  init(heartbeatSeconds: Int) {
    self.heartbeatSeconds = heartbeatSeconds
  }

  /// Creates a libmicrohttpd response that reads from `stream` on `connection`.
  func attach(_ stream: EventStream, to connection: OpaquePointer) -> OpaquePointer? {
    stream.attach(to: connection)
    open.withLock { $0[ObjectIdentifier(stream)] = stream }
    let context = Unmanaged.passRetained(StreamBox(stream: stream, registry: self)).toOpaque()
    let response = MHD_create_response_from_callback(
      UInt64.max, Self.readBlockBytes, readStream, context, freeStream)
    guard let response else {
      Unmanaged<StreamBox>.fromOpaque(context).release()
      forget(stream)
      return nil
    }
    _ = MHD_add_response_header(response, "Content-Type", "text/event-stream; charset=utf-8")
    _ = MHD_add_response_header(response, "Cache-Control", "no-store")
    _ = MHD_add_response_header(response, "X-Accel-Buffering", "no")
    return response
  }

  fileprivate func forget(_ stream: EventStream) {
    _ = open.withLock { $0.removeValue(forKey: ObjectIdentifier(stream)) }
  }

  /// Streams open now.
  var count: Int { open.withLock { $0.count } }

  /// Starts the heartbeat thread.
  func startHeartbeat() {
    let thread = Thread { [self] in
      while true {
        wake.lock()
        if !stopping.withLock({ $0 }) {
          _ = wake.wait(until: Date(timeIntervalSinceNow: Double(heartbeatSeconds)))
        }
        wake.unlock()
        if stopping.withLock({ $0 }) { return }
        for stream in open.withLock({ Array($0.values) }) {
          stream.sendComment("heartbeat")
        }
      }
    }
    thread.name = "event-stream-heartbeat"
    thread.start()
  }

  /// Stops the heartbeat thread.
  func stopHeartbeat() {
    wake.lock()
    stopping.withLock { $0 = true }
    wake.signal()
    wake.unlock()
  }

  /// Ends every open stream (at shutdown), so their connections complete.
  func closeAll() {
    for stream in open.withLock({ Array($0.values) }) {
      stream.close()
    }
  }
}

/// What libmicrohttpd's content callbacks hold: the stream and the registry that tracks it.
private final class StreamBox {
  let stream: EventStream
  let registry: EventStreamRegistry

  init(stream: EventStream, registry: EventStreamRegistry) {
    self.stream = stream
    self.registry = registry
  }
}

private let readStream: MHD_ContentReaderCallback = { context, _, buffer, max in
  guard let context, let buffer else { return -2 }
  let box = Unmanaged<StreamBox>.fromOpaque(context).takeUnretainedValue()
  guard let count = box.stream.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: max))
  else { return -1 }
  return count
}

private let freeStream: MHD_ContentReaderFreeCallback = { context in
  guard let context else { return }
  let box = Unmanaged<StreamBox>.fromOpaque(context).takeRetainedValue()
  box.registry.forget(box.stream)
  box.stream.terminate()
}
