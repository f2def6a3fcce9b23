import FreightdeskCore

/// A request while libmicrohttpd is still delivering it: the head, the body read so far, and
/// whether it was already answered (an oversized body is refused, the rest is discarded).
final class PendingRequest {
  let method: String
  let path: String
  let headers: HTTPHeaders
  let query: [(name: String, value: String)]
  let clientAddress: String
  let startedNanoseconds: UInt64
  let bodyBytesMax: Int
  var body: [UInt8] = []
  var bodyTooLarge = false
  var answered = false

  init(
    method: String, path: String, headers: HTTPHeaders, query: [(name: String, value: String)],
    clientAddress: String, bodyBytesMax: Int
  ) {
    self.method = method
    self.path = path
    self.headers = headers
    self.query = query
    self.clientAddress = clientAddress
    self.bodyBytesMax = bodyBytesMax
    self.startedNanoseconds = MonotonicClock().nanoseconds()
  }

  /// Appends body bytes unless the limit would be passed, in which case it remembers that.
  func append(_ bytes: UnsafeRawBufferPointer) {
    if bodyTooLarge { return }
    if body.count + bytes.count > bodyBytesMax {
      bodyTooLarge = true
      body = []
      return
    }
    body.append(contentsOf: bytes)
  }
}
