import Foundation
import FreightdeskCore

/// An HTTP request as a handler sees it: fully read, immutable.
public struct Request: Sendable {
  /// The method; `HEAD` requests are routed as `GET` and answered without a body.
  public var method: HTTPMethod
  /// The percent-decoded path, without the query string.
  public var path: String
  /// Query parameters in order; a name may repeat.
  public var query: [(name: String, value: String)]
  /// Header fields.
  public var headers: HTTPHeaders
  /// The body bytes (empty when none was sent, and for multipart bodies, which arrive parsed
  /// in ``parts``).
  public var body: [UInt8]
  /// The parts of a `multipart/form-data` body (file uploads), parsed by libmicrohttpd.
  public var parts: [FormPart] = []

  /// The path and query as a link back to this request, percent-encoded, e.g.
  /// `/app/customers/12?timeline_after=1796400000000-7`: where the language switch and the
  /// sign-in page send the browser back to.
  public var target: String { Self.link(path: path, query: query) }

  /// `path` with `query`, percent-encoded, as a link.
  static func link(path: String, query: [(name: String, value: String)]) -> String {
    var link = URLComponents()
    link.path = path
    if !query.isEmpty {
      link.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) }
      // URLComponents leaves `+` as it is, which a query reads as a space.
      link.percentEncodedQuery = link.percentEncodedQuery?.replacingOccurrences(
        of: "+", with: "%2B")
    }
    return link.string ?? path
  }

  /// Creates a request.
  public init(
    method: HTTPMethod, path: String, query: [(name: String, value: String)] = [],
    headers: HTTPHeaders = [:], body: [UInt8] = []
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// The first query value named `name`.
  public func queryValue(_ name: String) -> String? {
    query.first { $0.name == name }?.value
  }

  /// Every query value named `name`, in order.
  public func queryValues(_ name: String) -> [String] {
    query.filter { $0.name == name }.map(\.value)
  }

  /// The media type of the body, lower-cased and without parameters (e.g. `application/json`).
  /// Cut at the `;` byte rather than by `Character`: every request with a body asks.
  public var mediaType: String? {
    guard let contentType = headers["Content-Type"] else { return nil }
    let type = contentType.utf8.split(
      separator: UInt8(ascii: ";"), maxSplits: 1, omittingEmptySubsequences: false)[0]
    return Substring(type).trimmingWhitespace().lowercased()
  }
}
