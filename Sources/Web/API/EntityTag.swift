import Foundation

/// Optimistic concurrency for updates: a resource's version travels as an `ETag`, and an
/// update must name the version it was based on in `If-Match`, so two clerks editing the same
/// record cannot silently overwrite each other.
public struct EntityTag: Sendable, Equatable, CustomStringConvertible {
  /// The opaque tag value without quotes.
  public var value: String

  /// A tag for a resource version (a version counter or a content hash).
  public init(_ value: String) {
    self.value = value
  }

  /// A tag for content: FNV-1a over the bytes, a cheap and stable validator (not a security
  /// hash) for files and documents served many times.
  public init(hashing bytes: [UInt8]) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    self.init(String(hash, radix: 16))
  }

  /// The header form: a quoted strong tag.
  public var description: String { "\"\(value)\"" }

  /// Checks `If-Match` on an update: missing → 428 `precondition_required`; naming another
  /// version → 412 `precondition_failed`. `*` matches any current version.
  public static func requireMatch(_ request: Request, current: EntityTag) throws {
    guard let header = request.headers["If-Match"] else { throw HTTPError.preconditionRequired }
    let candidates = header.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if candidates.contains("*") { return }
    let matches = candidates.contains { candidate in
      let strong = candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate
      return strong == current.description
    }
    if !matches { throw HTTPError.preconditionFailed }
  }

  /// Whether a `GET` may answer 304: the client's `If-None-Match` names the current version.
  public static func isNotModified(_ request: Request, current: EntityTag) -> Bool {
    guard let header = request.headers["If-None-Match"] else { return false }
    return header.split(separator: ",").contains { candidate in
      let trimmed = candidate.trimmingCharacters(in: .whitespaces)
      return trimmed == "*" || trimmed == current.description
        || trimmed == "W/" + current.description
    }
  }
}
