/// Decodes `Decodable` values from an already parsed ``JSONValue``, with `JSONDecoder`'s
/// semantics and errors: the same `DecodingError` case and coding path for a wrong type, a
/// missing key, a null where a value is required, a number that does not fit (an integer type
/// takes `20.0` and `1e2`, not `20.5`; `Bool` takes no numbers), and `JSONDecoder`'s default
/// strategies for `Date`, `Data` (Base64), `URL` and `Decimal`.
///
/// A request body is parsed once into a tree to check it for unknown fields; decoding from that
/// tree instead of handing the bytes to `JSONDecoder` saves parsing them a second time.
///
/// ```swift
/// let tree = JSONValue.parse(Array(#"{"weight_kg": 12}"#.utf8))!
/// let line = try JSONValueDecoder().decode(CargoLine.self, from: tree)
/// ```
public struct JSONValueDecoder: Sendable {
  /// A decoder; it holds no state between calls.
  public init() {}

  /// The `T` that `value` describes.
  public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
    try TreeDecoder(value: value, parent: nil, key: nil).decodeValue(type)
  }

  /// The `T` that JSON `text` describes (a stored column, an event payload): parsed once and
  /// decoded from the tree; text that is not JSON is `dataCorrupted`, as with `JSONDecoder`.
  public func decode<T: Decodable>(_ type: T.Type, fromText text: String) throws -> T {
    guard let value = JSONValue.parse(Array(text.utf8)) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: [], debugDescription: "The text is not valid JSON."))
    }
    return try decode(type, from: value)
  }
}
