import CMicroHTTPD
import FreightdeskCore
import Synchronization

/// A request while libmicrohttpd is still delivering it: the head, the body read so far, and
/// whether it was already answered (an oversized body is refused, the rest is discarded).
///
/// One thread uses it at a time: the connection's thread, or a handler thread while the
/// connection is suspended (suspending and resuming order the hand-overs); the answer a handler
/// thread leaves for the connection's thread is kept under a lock all the same.
final class PendingRequest: @unchecked Sendable {
  let method: String
  let path: String
  let headers: HTTPHeaders
  let query: [(name: String, value: String)]
  let clientAddress: String
  let startedNanoseconds: UInt64
  /// The route matched from the request line, reused to dispatch once the body is read.
  let match: RouteMatch?
  let bodyBytesMax: Int
  var body: [UInt8] = []
  var bodyTooLarge = false
  var answered = false
  /// libmicrohttpd's parser for a multipart body, fed as the body arrives.
  var postProcessor: OpaquePointer?
  /// Parts parsed so far.
  var parts: [FormPart] = []
  private var receivedBytes = 0
  private let deferredResponse = Mutex<Response?>(nil)

  init(
    method: String, path: String, headers: HTTPHeaders, query: [(name: String, value: String)],
    clientAddress: String, match: RouteMatch?
  ) {
    self.method = method
    self.path = path
    self.headers = headers
    self.query = query
    self.clientAddress = clientAddress
    self.match = match
    self.bodyBytesMax = Pipeline.bodyBytesMax(for: match)
    self.startedNanoseconds = MonotonicClock().nanoseconds()
  }

  /// Takes body bytes unless the limit would be passed, in which case it remembers that and
  /// drops what it had; multipart bodies go to the parser instead of the raw body.
  func append(_ bytes: UnsafeRawBufferPointer) {
    if bodyTooLarge { return }
    receivedBytes += bytes.count
    if receivedBytes > bodyBytesMax {
      bodyTooLarge = true
      body = []
      parts = []
      return
    }
    if let postProcessor {
      _ = MHD_post_process(
        postProcessor, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
    } else {
      body.append(contentsOf: bytes)
    }
  }

  /// Adds a chunk of a multipart part: continues the last part when it is the same field and
  /// the chunk does not start at offset 0.
  func receivePart(
    name: String, filename: String?, contentType: String?, offset: UInt64,
    bytes: UnsafeRawBufferPointer
  ) {
    if offset > 0, let last = parts.indices.last, parts[last].name == name {
      parts[last].bytes.append(contentsOf: bytes)
    } else {
      parts.append(
        FormPart(name: name, filename: filename, contentType: contentType, bytes: Array(bytes)))
    }
  }

  /// Leaves the answer a handler thread made, for the connection's thread to send once resumed.
  func `defer`(_ response: Response) {
    deferredResponse.withLock { $0 = response }
  }

  /// The answer left by ``defer(_:)``, once.
  func takeDeferredResponse() -> Response? {
    deferredResponse.withLock { response in
      defer { response = nil }
      return response
    }
  }

  /// Ends the multipart parser.
  func finishParts() {
    if let postProcessor {
      MHD_destroy_post_processor(postProcessor)
      self.postProcessor = nil
    }
  }
}
