import Foundation

/// The fields of an HTML form post (`application/x-www-form-urlencoded`).
public struct FormBody: Sendable {
  /// Fields in order; a name may repeat (checkboxes, multi-selects).
  public let fields: [(name: String, value: String)]

  /// Parses the request body (URL-encoded, or the text fields of a multipart form); throws
  /// 415 when it is not a form.
  public init(_ request: Request) throws {
    switch request.mediaType {
    case "application/x-www-form-urlencoded":
      self.init(encoded: String(decoding: request.body, as: UTF8.self))
    case "multipart/form-data":
      self.init(fields: request.parts.filter { $0.filename == nil }.map { ($0.name, $0.text) })
    default:
      throw HTTPError.unsupportedMediaType(expected: "application/x-www-form-urlencoded")
    }
  }

  /// A form with these fields.
  public init(fields: [(name: String, value: String)]) {
    self.fields = fields
  }

  /// Parses `a=1&b=two+words` text.
  public init(encoded: String) {
    fields = encoded.split(separator: "&").compactMap { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = Self.decode(parts[0]), !name.isEmpty else { return nil }
      let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
      return (name, value)
    }
  }

  /// The first value of `name`.
  public subscript(name: String) -> String? {
    fields.first { $0.name == name }?.value
  }

  /// Every value of `name`.
  public func values(_ name: String) -> [String] {
    fields.filter { $0.name == name }.map(\.value)
  }

  private static func decode(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
