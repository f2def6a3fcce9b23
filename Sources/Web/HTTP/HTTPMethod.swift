/// The HTTP methods Freightdesk routes.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable, Codable {
  case get = "GET"
  case head = "HEAD"
  case post = "POST"
  case put = "PUT"
  case patch = "PATCH"
  case delete = "DELETE"
  case options = "OPTIONS"

  /// Methods that change state; they carry bodies and honour `Idempotency-Key` or `If-Match`.
  public var isUnsafe: Bool {
    switch self {
    case .post, .put, .patch, .delete: true
    case .get, .head, .options: false
    }
  }
}
