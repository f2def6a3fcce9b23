/// What a handler answers: a status, headers and a body that is either bytes or a live stream.
public struct Response: Sendable {
  /// How the body is produced.
  public enum Body: Sendable {
    /// A complete body.
    case bytes([UInt8])
    /// A body shared by many responses, sent without copying.
    case shared(SharedBytes)
    /// A Server-Sent Events stream that stays open until either side ends it.
    case eventStream(EventStream)
  }

  /// The status code.
  public var status: Int
  /// Header fields.
  public var headers: HTTPHeaders
  /// The body.
  public var body: Body

  /// Creates a response with a complete body.
  public init(status: Int = 200, headers: HTTPHeaders = [:], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = .bytes(body)
  }

  /// A Server-Sent Events response over `stream`.
  public init(status: Int = 200, headers: HTTPHeaders = [:], stream: EventStream) {
    self.status = status
    self.headers = headers
    self.body = .eventStream(stream)
  }

  /// A response with a UTF-8 text body of the given media type.
  public static func text(_ text: String, status: Int = 200, contentType: String) -> Response {
    Response(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
  }

  /// An HTML page.
  public static func html(_ html: String, status: Int = 200) -> Response {
    text(html, status: status, contentType: "text/html; charset=utf-8")
  }

  /// A redirect (303 See Other by default, the right answer after a form post).
  public static func redirect(to location: String, status: Int = 303) -> Response {
    Response(status: status, headers: ["Location": location])
  }

  /// The body bytes, or empty for a stream.
  public var bodyBytes: [UInt8] {
    switch body {
    case .bytes(let bytes): bytes
    case .shared(let shared): shared.array
    case .eventStream: []
    }
  }

  /// The body's length in bytes (0 for a stream), without copying it.
  public var bodyCount: Int {
    switch body {
    case .bytes(let bytes): bytes.count
    case .shared(let shared): shared.count
    case .eventStream: 0
    }
  }
}
