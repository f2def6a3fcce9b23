/// A `Decoder` that decodes nothing: it records which keys and value types a `Decodable` type
/// asks for, and hands back neutral sample values, which yields the type's JSON schema.
///
/// A key read through `decodeIfPresent` is optional (the standard library checks `decodeNil`
/// first, which is where that is noticed); arrays are sampled with one element.
final class SchemaRecorder: Decoder {
  static let depthMax = 12
  let depth: Int
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]
  var schema: JSONSchema = .any
  fileprivate var properties: [JSONSchema.Property] = []

  init(depth: Int) {
    self.depth = depth
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
    schema = .object(properties: [], openKeys: false)
    return KeyedDecodingContainer(KeyedRecorder<Key>(recorder: self))
  }

  func unkeyedContainer() -> any UnkeyedDecodingContainer {
    UnkeyedRecorder(recorder: self)
  }

  func singleValueContainer() -> any SingleValueDecodingContainer {
    SingleValueRecorder(recorder: self)
  }

  /// Records a property of the object being decoded.
  fileprivate func record(_ name: String, _ value: JSONSchema) {
    if let index = properties.firstIndex(where: { $0.name == name }) {
      properties[index].schema = value
    } else {
      properties.append(JSONSchema.Property(name: name, schema: value, required: true))
    }
    schema = .object(properties: properties, openKeys: openKeys)
  }

  fileprivate func markOptional(_ name: String) {
    record(name, properties.first { $0.name == name }?.schema ?? .any)
    if let index = properties.firstIndex(where: { $0.name == name }) {
      properties[index].required = false
    }
    schema = .object(properties: properties, openKeys: openKeys)
  }

  fileprivate var openKeys = false {
    didSet { schema = .object(properties: properties, openKeys: openKeys) }
  }

  /// Decodes a nested value with a child recorder, returning the sample and its schema.
  fileprivate func sample<T: Decodable>(_ type: T.Type) throws -> (T, JSONSchema) {
    if let enumeration = type as? any SchemaEnumeration.Type {
      return try enumerationSample(enumeration, as: type)
    }
    guard depth < Self.depthMax else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "schema nests too deeply"))
    }
    let child = SchemaRecorder(depth: depth + 1)
    let value = try T(from: child)
    return (value, child.schema)
  }

  private func enumerationSample<E: SchemaEnumeration, T>(_ enumeration: E.Type, as type: T.Type)
    throws -> (T, JSONSchema)
  {
    let values = E.allCases.map(\.rawValue)
    guard let first = E.allCases.first, let sample = first as? T else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "enumeration without cases"))
    }
    return (sample, .string(values: values))
  }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let recorder: SchemaRecorder
  var codingPath: [any CodingKey] { recorder.codingPath }
  var allKeys: [Key] {
    recorder.openKeys = true
    return []
  }

  func contains(_ key: Key) -> Bool { true }

  func decodeNil(forKey key: Key) throws -> Bool {
    recorder.markOptional(key.stringValue)
    return false
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    recorder.record(key.stringValue, .boolean)
    return false
  }

  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    recorder.record(key.stringValue, .string(values: nil))
    return ""
  }

  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    recorder.record(key.stringValue, .number)
    return 0
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    if let value = integerSample(type) {
      recorder.record(key.stringValue, .integer)
      return value
    }
    if type == Float.self {
      recorder.record(key.stringValue, .number)
      return Float(0) as! T
    }
    let (value, schema) = try recorder.sample(type)
    recorder.record(key.stringValue, schema)
    return value
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
    throws -> KeyedDecodingContainer<NestedKey>
  {
    throw DecodingError.dataCorrupted(
      .init(codingPath: codingPath, debugDescription: "nested containers are not documented"))
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    throw DecodingError.dataCorrupted(
      .init(codingPath: codingPath, debugDescription: "nested containers are not documented"))
  }

  func superDecoder() throws -> any Decoder { recorder }
  func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
}

/// Zero of any fixed-width integer type, or nil when `type` is not one.
private func integerSample<T>(_ type: T.Type) -> T? {
  guard let integer = type as? any FixedWidthInteger.Type else { return nil }
  return integer.zero as? T
}

extension FixedWidthInteger {
  fileprivate static var zero: Self { 0 }
}

private struct UnkeyedRecorder: UnkeyedDecodingContainer {
  let recorder: SchemaRecorder
  var codingPath: [any CodingKey] { recorder.codingPath }
  var count: Int? { nil }
  var isAtEnd: Bool { sampled }
  var currentIndex: Int { sampled ? 1 : 0 }
  private var sampled = false

  init(recorder: SchemaRecorder) {
    self.recorder = recorder
    recorder.schema = .array(.any)
  }

  mutating func decodeNil() throws -> Bool { false }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    sampled = true
    let single = SingleValueRecorder(recorder: SchemaRecorder(depth: recorder.depth + 1))
    let value = try single.decode(type)
    recorder.schema = .array(single.recorder.schema)
    return value
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    throw DecodingError.dataCorrupted(
      .init(codingPath: codingPath, debugDescription: "nested containers are not documented"))
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw DecodingError.dataCorrupted(
      .init(codingPath: codingPath, debugDescription: "nested containers are not documented"))
  }

  mutating func superDecoder() throws -> any Decoder { recorder }
}

private struct SingleValueRecorder: SingleValueDecodingContainer {
  let recorder: SchemaRecorder
  var codingPath: [any CodingKey] { recorder.codingPath }

  func decodeNil() -> Bool { false }

  func decode(_ type: Bool.Type) throws -> Bool {
    recorder.schema = .boolean
    return false
  }

  func decode(_ type: String.Type) throws -> String {
    recorder.schema = .string(values: nil)
    return ""
  }

  func decode(_ type: Double.Type) throws -> Double {
    recorder.schema = .number
    return 0
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if let value = integerSample(type) {
      recorder.schema = .integer
      return value
    }
    if type == Float.self {
      recorder.schema = .number
      return Float(0) as! T
    }
    let (value, schema) = try recorder.sample(type)
    recorder.schema = schema
    return value
  }
}
