import Foundation

/// Encodes `Encodable` values to compact UTF-8 JSON with sorted keys: byte for byte what
/// Foundation's `JSONEncoder` writes with `outputFormatting = [.sortedKeys,
/// .withoutEscapingSlashes]` and its default strategies, in a fraction of its time.
///
/// Foundation builds a tree of boxed values and sorts each object through `NSString`; this
/// encoder writes straight into one growing byte array, and an object reorders its members
/// once, when its value has been encoded. Its special cases are Foundation's: `Data` as
/// Base64, `URL` as its absolute string, `Decimal` as a number, `Date` as seconds since 2001;
/// NaN and infinity throw `EncodingError.invalidValue` at the same coding path. A
/// ``JSONWritable`` value at the top writes itself.
///
/// ```swift
/// let bytes = try CompactJSONEncoder().encode(["b": 1, "a": 2])
/// // {"a":2,"b":1}
/// ```
public struct CompactJSONEncoder: Sendable {
  /// An encoder; it holds no state between calls.
  public init() {}

  /// `value` as JSON bytes.
  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let output = JSONOutput()
    if let writable = value as? any JSONWritable {
      var writer = JSONWriter(output: output)
      try writable.write(to: &writer)
      return output.bytes
    }
    if try ValueEncoder.appendScalar(value, to: output) { return output.bytes }
    let root = ValueEncoder(output: output, parent: nil, key: nil)
    try value.encode(to: root)
    guard root.hasEncoded else {
      throw EncodingError.invalidValue(
        value,
        EncodingError.Context(
          codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
    }
    root.finish()
    return output.bytes
  }

  /// `value` as JSON text, for columns and payloads stored as text.
  public func text<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encode(value), as: UTF8.self)
  }
}

/// A coding key for array positions, `super` and dictionary entries, spelled as Foundation's.
/// An array position is spelled only when asked: a path is read for an error, and most
/// elements make none.
struct JSONCodingKey: CodingKey {
  private let name: String?
  let intValue: Int?

  var stringValue: String { name ?? "Index \(intValue ?? 0)" }

  init(stringValue: String) {
    self.name = stringValue
    self.intValue = nil
  }

  init(intValue: Int) {
    self.name = "\(intValue)"
    self.intValue = intValue
  }

  /// The key of the element at `index` of an array.
  init(index: Int) {
    self.name = nil
    self.intValue = index
  }

  /// The key `superEncoder()` and `superDecoder()` use.
  static let superKey = JSONCodingKey(stringValue: "super")
}
