import Foundation

/// The `Decoder` for one value of a ``JSONValue`` tree. It knows its parent and its key, so the
/// coding path is built only when an error or the caller asks for it.
final class TreeDecoder: Decoder, CodingPathLink {
  let value: JSONValue
  let parent: TreeDecoder?
  let key: (any CodingKey)?

  init(value: JSONValue, parent: TreeDecoder?, key: (any CodingKey)?) {
    self.value = value
    self.parent = parent
    self.key = key
  }

  var codingPath: [any CodingKey] { pathFromRoot }

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(ObjectDecodingContainer<Key>(decoder: self, fields: try fields()))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    ArrayDecodingContainer(decoder: self, items: try items())
  }

  /// The members of this decoder's object, or the error `JSONDecoder` gives for a keyed
  /// container of anything else.
  func fields() throws -> [(String, JSONValue)] {
    switch value {
    case .object(let fields):
      return fields
    case .null:
      throw DecodingError.valueNotFound(
        [String: Any].self,
        DecodingError.Context(
          codingPath: codingPath,
          debugDescription: "Cannot get keyed decoding container -- found null value instead"))
    default:
      throw TreeDecoder.mismatch([String: Any].self, value, codingPath)
    }
  }

  /// The elements of this decoder's array, or the error `JSONDecoder` gives for an unkeyed
  /// container of anything else.
  func items() throws -> [JSONValue] {
    switch value {
    case .array(let items):
      return items
    case .null:
      throw DecodingError.valueNotFound(
        [Any].self,
        DecodingError.Context(
          codingPath: codingPath,
          debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
    default:
      throw TreeDecoder.mismatch([Any].self, value, codingPath)
    }
  }

  func singleValueContainer() -> any SingleValueDecodingContainer {
    SingleValueTreeContainer(decoder: self)
  }

  /// This decoder's value as `T`: scalars and Foundation's special types directly,
  /// ``JSONReadable`` values by reading themselves, anything else through `T.init(from:)`.
  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    if T.self == String.self { return try TreeDecoder.string(value, codingPath) as! T }
    if T.self == Int.self { return try TreeDecoder.integer(Int.self, value, codingPath) as! T }
    if T.self == Int64.self { return try TreeDecoder.integer(Int64.self, value, codingPath) as! T }
    if T.self == Bool.self { return try TreeDecoder.bool(value, codingPath) as! T }
    if T.self == Double.self {
      return try TreeDecoder.floating(Double.self, value, codingPath) as! T
    }
    if T.self == Date.self { return try decodeDate() as! T }
    if T.self == Data.self { return try decodeData() as! T }
    if T.self == URL.self { return try decodeURL() as! T }
    if T.self == Decimal.self { return try decodeDecimal() as! T }
    if let readable = T.self as? any JSONReadable.Type {
      return try readable.init(reading: JSONReader(decoder: self)) as! T
    }
    return try T(from: self)
  }

  /// The child decoder for a member or element.
  func child(_ value: JSONValue, key: any CodingKey) -> TreeDecoder {
    TreeDecoder(value: value, parent: self, key: key)
  }

  /// The string of a `Data` or `URL`: JSONDecoder names that type when the value is null and
  /// `String` when it is of another kind.
  private func specialString(_ type: Any.Type) throws -> String {
    switch value {
    case .string(let string): return string
    case .null: throw TreeDecoder.unexpected(type, value, codingPath)
    default: throw TreeDecoder.mismatch(String.self, value, codingPath)
    }
  }

  private func decodeDate() throws -> Date {
    if case .null = value { throw TreeDecoder.unexpected(Date.self, value, codingPath) }
    return Date(
      timeIntervalSinceReferenceDate: try TreeDecoder.floating(Double.self, value, codingPath))
  }

  private func decodeData() throws -> Data {
    guard let data = Data(base64Encoded: try specialString(Data.self)) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: codingPath, debugDescription: "Encountered Data is not valid Base64."))
    }
    return data
  }

  private func decodeURL() throws -> URL {
    guard let url = URL(string: try specialString(URL.self)) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: codingPath, debugDescription: "Invalid URL string."))
    }
    return url
  }

  private func decodeDecimal() throws -> Decimal {
    switch value {
    case .integer(let number): return Decimal(number)
    case .number(let number): return Decimal(string: "\(number)") ?? Decimal(number)
    default: throw TreeDecoder.unexpected(Decimal.self, value, codingPath)
    }
  }
}

extension TreeDecoder {
  /// `typeMismatch` for `value`, or `valueNotFound` when it is null, as `JSONDecoder` reports.
  static func unexpected(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey])
    -> DecodingError
  {
    guard case .null = value else { return mismatch(type, value, path) }
    return DecodingError.valueNotFound(
      type,
      DecodingError.Context(
        codingPath: path,
        debugDescription: "Cannot get value of type \(type) -- found null value instead"
      ))
  }

  /// `typeMismatch` naming what was found instead.
  static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey])
    -> DecodingError
  {
    let found =
      switch value {
      case .null: "null"
      case .bool: "bool"
      case .number, .integer: "number"
      case .string: "a string"
      case .array: "an array"
      case .object: "a dictionary"
      }
    return DecodingError.typeMismatch(
      type,
      DecodingError.Context(
        codingPath: path, debugDescription: "Expected to decode \(type) but found \(found) instead."
      ))
  }

  /// JSONDecoder reports a number the type cannot hold as corrupt data at the top of the
  /// document, without the number's coding path.
  private static func numberDoesNotFit(_ type: Any.Type) -> DecodingError {
    DecodingError.dataCorrupted(
      DecodingError.Context(
        codingPath: [],
        debugDescription: "The given data was not valid JSON: a number does not fit in \(type)."))
  }

  static func bool(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
    // JSONDecoder reports a null `Bool` as a type mismatch, not as a missing value.
    guard case .bool(let bool) = value else { throw mismatch(Bool.self, value, path()) }
    return bool
  }

  static func string(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws
    -> String
  {
    guard case .string(let string) = value else { throw unexpected(String.self, value, path()) }
    return string
  }

  /// An integer: any JSON number whose value the type holds exactly, as `JSONDecoder` takes
  /// `20.0` and `1e2` for `Int` but not `20.5` or `300` for `Int8`.
  static func integer<T: FixedWidthInteger>(
    _ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]
  ) throws -> T {
    let result: T?
    switch value {
    case .integer(let number): result = T(exactly: number)
    case .number(let number): result = number.isFinite ? T(exactly: number) : nil
    default: throw unexpected(T.self, value, path())
    }
    guard let result else { throw numberDoesNotFit(T.self) }
    return result
  }

  /// A floating-point number; one too large for the type is refused rather than made infinite.
  static func floating<T: BinaryFloatingPoint>(
    _ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]
  ) throws -> T {
    switch value {
    case .integer(let number): return T(number)
    case .number(let number):
      let result = T(number)
      guard result.isFinite || !number.isFinite else { throw numberDoesNotFit(T.self) }
      return result
    default: throw unexpected(T.self, value, path())
    }
  }
}
