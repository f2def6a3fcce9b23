import Foundation
public import FreightdeskCore

/// Runs ``CompactJSONEncoder`` and ``JSONValueDecoder`` beside Foundation's `JSONEncoder` and
/// `JSONDecoder` and reduces each outcome to text a test compares: the bytes written, or the
/// error's case and coding path.
public enum JSONDifferential {
  /// What Foundation writes for `value` with the API's output formatting.
  public static func foundationEncoding<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      return summary(error)
    }
  }

  /// What ``CompactJSONEncoder`` writes for `value`.
  public static func compactEncoding<T: Encodable>(_ value: T) -> String {
    do {
      return try CompactJSONEncoder().text(value)
    } catch {
      return summary(error)
    }
  }

  /// Foundation's outcome for decoding `text` as `T`: the value encoded again, or the error.
  public static func foundationDecoding<T: Codable>(_ type: T.Type, _ text: String) -> String {
    do {
      return foundationEncoding(try JSONDecoder().decode(type, from: Data(text.utf8)))
    } catch {
      return summary(error)
    }
  }

  /// ``JSONValueDecoder``'s outcome for decoding the parsed `text` as `T`.
  public static func treeDecoding<T: Codable>(_ type: T.Type, _ text: String) -> String {
    guard let tree = JSONValue.parse(Array(text.utf8)) else { return "not well-formed" }
    do {
      return foundationEncoding(try JSONValueDecoder().decode(type, from: tree))
    } catch {
      return summary(error)
    }
  }

  /// An error as its case, the type or key it names, and its coding path.
  public static func summary(_ error: any Error) -> String {
    switch error {
    case EncodingError.invalidValue(_, let context):
      return "invalidValue at \(path(context.codingPath))"
    case DecodingError.typeMismatch(let type, let context):
      return "typeMismatch(\(type)) at \(path(context.codingPath))"
    case DecodingError.valueNotFound(let type, let context):
      return "valueNotFound(\(type)) at \(path(context.codingPath))"
    case DecodingError.keyNotFound(let key, let context):
      return "keyNotFound(\(key.stringValue)) at \(path(context.codingPath))"
    case DecodingError.dataCorrupted(let context):
      return "dataCorrupted at \(path(context.codingPath))"
    default:
      return "\(error)"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    "/"
      + keys.map { key in key.intValue.map(String.init) ?? key.stringValue }.joined(separator: "/")
  }

  /// `document` with the value at a random place replaced by a random scalar, array or object,
  /// or a random object member removed: the inputs a client gets wrong.
  public static func mutated(
    _ document: JSONValue, using generator: inout SeededGenerator
  ) -> JSONValue {
    switch document {
    case .array(let items) where !items.isEmpty && Int.random(in: 0..<4, using: &generator) > 0:
      var items = items
      let index = Int.random(in: 0..<items.count, using: &generator)
      items[index] = mutated(items[index], using: &generator)
      return .array(items)
    case .object(let fields) where !fields.isEmpty && Int.random(in: 0..<4, using: &generator) > 0:
      var fields = fields
      let index = Int.random(in: 0..<fields.count, using: &generator)
      if Int.random(in: 0..<5, using: &generator) == 0 {
        fields.remove(at: index)
      } else {
        fields[index].1 = mutated(fields[index].1, using: &generator)
      }
      return .object(fields)
    default:
      return replacements[Int.random(in: 0..<replacements.count, using: &generator)]
    }
  }

  private static let replacements: [JSONValue] = [
    .null, .bool(true), .bool(false), .integer(0), .integer(1), .integer(-1), .integer(300),
    .integer(70_000), .integer(Int64.max), .integer(Int64.min), .number(20), .number(1e2),
    .number(20.5), .number(-0.5), .number(1e300), .number(3.4e39), "", "x", "20", "true",
    "AQID", "https://example.com/a b", .array([]), .array([.integer(1)]), .object([]),
    .object([("a", .integer(1))]),
  ]
}
