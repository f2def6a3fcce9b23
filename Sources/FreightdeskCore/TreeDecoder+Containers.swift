/// The members of a JSON object, looked up by key.
struct ObjectDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: TreeDecoder
  let fields: [(String, JSONValue)]

  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.0) } }

  func contains(_ key: Key) -> Bool { field(key.stringValue) != nil }

  /// The member named `name`. Most members a search passes differ in length from it, which
  /// is cheaper to tell than unequal text (a key of more than 15 bytes is not compared inline).
  private func field(_ name: String) -> JSONValue? {
    let length = name.utf8.count
    for (fieldName, value) in fields where fieldName.utf8.count == length && fieldName == name {
      return value
    }
    return nil
  }

  /// The member's value; `keyNotFound` when it is missing.
  func value(for key: Key) throws -> JSONValue {
    guard let value = field(key.stringValue) else {
      throw DecodingError.keyNotFound(
        key,
        DecodingError.Context(
          codingPath: codingPath,
          debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
    }
    return value
  }

  private func path(_ key: Key) -> [any CodingKey] { decoder.codingPath + [key] }

  func decodeNil(forKey key: Key) throws -> Bool {
    if case .null = try value(for: key) { return true }
    return false
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try TreeDecoder.bool(try value(for: key), path(key))
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try TreeDecoder.string(try value(for: key), path(key))
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try TreeDecoder.floating(type, try value(for: key), path(key))
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try TreeDecoder.floating(type, try value(for: key), path(key))
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try TreeDecoder.integer(type, try value(for: key), path(key))
  }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try decoder.child(try value(for: key), key: key).decodeValue(type)
  }

  // The optional members look their key up once; the protocol's own versions ask `contains`,
  // `decodeNil` and `decode` in turn, three searches of the members for each optional field.

  /// The member's value unless it is missing or null.
  func present(_ key: Key) -> JSONValue? {
    guard let value = field(key.stringValue) else { return nil }
    if case .null = value { return nil }
    return value
  }

  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    try present(key).map { try TreeDecoder.bool($0, path(key)) }
  }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    try present(key).map { try TreeDecoder.string($0, path(key)) }
  }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
    try present(key).map { try TreeDecoder.floating(type, $0, path(key)) }
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    try present(key).map { try TreeDecoder.integer(type, $0, path(key)) }
  }
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
    try present(key).map { try TreeDecoder.integer(type, $0, path(key)) }
  }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    try present(key).map { try decoder.child($0, key: key).decodeValue(type) }
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
    throws -> KeyedDecodingContainer<NestedKey>
  {
    try decoder.child(try value(for: key), key: key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder.child(try value(for: key), key: key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    let key = JSONCodingKey.superKey
    return decoder.child(field(key.stringValue) ?? .null, key: key)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    decoder.child(field(key.stringValue) ?? .null, key: key)
  }
}

/// The elements of a JSON array, read in order.
struct ArrayDecodingContainer: UnkeyedDecodingContainer {
  let decoder: TreeDecoder
  let items: [JSONValue]
  private(set) var currentIndex = 0

  init(decoder: TreeDecoder, items: [JSONValue]) {
    self.decoder = decoder
    self.items = items
  }

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  private var elementKey: JSONCodingKey { JSONCodingKey(index: currentIndex) }

  /// The next element, or `valueNotFound` for `type` when there is none.
  private func next(_ type: Any.Type) throws -> JSONValue {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        type,
        DecodingError.Context(
          codingPath: decoder.codingPath + [elementKey],
          debugDescription: "Unkeyed container is at end."))
    }
    return items[currentIndex]
  }

  /// Reads the next element with `read` and moves past it when that succeeds.
  private mutating func advance<T>(
    _ type: Any.Type, _ read: (JSONValue, @autoclosure () -> [any CodingKey]) throws -> T
  ) throws -> T {
    let value = try next(type)
    let result = try read(value, decoder.codingPath + [elementKey])
    currentIndex += 1
    return result
  }

  mutating func decodeNil() throws -> Bool {
    guard case .null = try next(Never.self) else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool {
    try advance(type) { try TreeDecoder.bool($0, $1()) }
  }
  mutating func decode(_ type: String.Type) throws -> String {
    try advance(type) { try TreeDecoder.string($0, $1()) }
  }
  mutating func decode(_ type: Double.Type) throws -> Double {
    try advance(type) { try TreeDecoder.floating(type, $0, $1()) }
  }
  mutating func decode(_ type: Float.Type) throws -> Float {
    try advance(type) { try TreeDecoder.floating(type, $0, $1()) }
  }
  mutating func decode(_ type: Int.Type) throws -> Int {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: Int8.Type) throws -> Int8 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: Int16.Type) throws -> Int16 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: Int32.Type) throws -> Int32 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: Int64.Type) throws -> Int64 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: UInt.Type) throws -> UInt {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
    try advance(type) { try TreeDecoder.integer(type, $0, $1()) }
  }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let key = elementKey
    return try advance(type) { [decoder] value, _ in
      try decoder.child(value, key: key).decodeValue(type)
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    let key = elementKey
    return try advance(KeyedDecodingContainer<NestedKey>.self) { [decoder] value, _ in
      try decoder.child(value, key: key).container(keyedBy: type)
    }
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let key = elementKey
    return try advance((any UnkeyedDecodingContainer).self) { [decoder] value, _ in
      try decoder.child(value, key: key).unkeyedContainer()
    }
  }

  mutating func superDecoder() throws -> any Decoder {
    let key = elementKey
    return try advance((any Decoder).self) { [decoder] value, _ in decoder.child(value, key: key) }
  }
}

/// One value, decoded in place: a wrapper's inner value has the wrapper's coding path.
struct SingleValueTreeContainer: SingleValueDecodingContainer {
  let decoder: TreeDecoder

  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool {
    if case .null = decoder.value { return true }
    return false
  }

  func decode(_ type: Bool.Type) throws -> Bool { try TreeDecoder.bool(decoder.value, codingPath) }
  func decode(_ type: String.Type) throws -> String {
    try TreeDecoder.string(decoder.value, codingPath)
  }
  func decode(_ type: Double.Type) throws -> Double {
    try TreeDecoder.floating(type, decoder.value, codingPath)
  }
  func decode(_ type: Float.Type) throws -> Float {
    try TreeDecoder.floating(type, decoder.value, codingPath)
  }
  func decode(_ type: Int.Type) throws -> Int {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: Int8.Type) throws -> Int8 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: Int16.Type) throws -> Int16 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: Int32.Type) throws -> Int32 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: Int64.Type) throws -> Int64 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: UInt.Type) throws -> UInt {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: UInt8.Type) throws -> UInt8 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: UInt16.Type) throws -> UInt16 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: UInt32.Type) throws -> UInt32 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode(_ type: UInt64.Type) throws -> UInt64 {
    try TreeDecoder.integer(type, decoder.value, codingPath)
  }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
