/// The members of an object, written in place and put in key order when the value finishes.
struct ObjectEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let encoder: ValueEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }

  /// Writes `"key":` and then the value through `write`, recording the member.
  private func member(_ key: Key, _ write: (JSONOutput) throws -> Void) rethrows {
    let output = encoder.output
    let start = output.bytes.count
    let name = key.stringValue
    output.append(string: name)
    output.append(raw: ":")
    try write(output)
    encoder.members.append(
      ValueEncoder.Member(key: name, start: start, end: output.bytes.count, deferred: nil))
  }

  mutating func encodeNil(forKey key: Key) { member(key) { $0.append(raw: "null") } }
  mutating func encode(_ value: Bool, forKey key: Key) {
    member(key) { $0.append(raw: value ? "true" : "false") }
  }
  mutating func encode(_ value: String, forKey key: Key) {
    member(key) { $0.append(string: value) }
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    try member(key) { try $0.append(float: value, path: encoder.path(appending: key)) }
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    try member(key) { try $0.append(float: value, path: encoder.path(appending: key)) }
  }
  mutating func encode(_ value: Int, forKey key: Key) { member(key) { $0.append(integer: value) } }
  mutating func encode(_ value: Int8, forKey key: Key) { member(key) { $0.append(integer: value) } }
  mutating func encode(_ value: Int16, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode(_ value: Int32, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode(_ value: Int64, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode(_ value: UInt, forKey key: Key) { member(key) { $0.append(integer: value) } }
  mutating func encode(_ value: UInt8, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode(_ value: UInt16, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode(_ value: UInt32, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode(_ value: UInt64, forKey key: Key) {
    member(key) { $0.append(integer: value) }
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try member(key) { _ in try encoder.append(value, key: key) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    deferredMember(key: key).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    deferredMember(key: key).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { deferredMember(key: JSONCodingKey.superKey) }

  mutating func superEncoder(forKey key: Key) -> any Encoder { deferredMember(key: key) }

  private func deferredMember(key: any CodingKey) -> ValueEncoder {
    let child = encoder.deferredChild(key: key)
    let position = encoder.output.bytes.count
    encoder.members.append(
      ValueEncoder.Member(key: key.stringValue, start: position, end: position, deferred: child))
    return child
  }
}

/// The elements of an array, written in place with their separators.
struct ArrayEncodingContainer: UnkeyedEncodingContainer {
  let encoder: ValueEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }
  var count: Int { encoder.elementCount }

  /// Writes the separator and then the element through `write`.
  private func element(_ write: (JSONOutput) throws -> Void) rethrows {
    if encoder.elementCount > 0 { encoder.output.append(raw: ",") }
    try write(encoder.output)
    encoder.elementCount += 1
  }

  private var elementPath: [any CodingKey] {
    encoder.path(appending: JSONCodingKey(index: encoder.elementCount))
  }

  mutating func encodeNil() { element { $0.append(raw: "null") } }
  mutating func encode(_ value: Bool) { element { $0.append(raw: value ? "true" : "false") } }
  mutating func encode(_ value: String) { element { $0.append(string: value) } }
  mutating func encode(_ value: Double) throws {
    try element { try $0.append(float: value, path: elementPath) }
  }
  mutating func encode(_ value: Float) throws {
    try element { try $0.append(float: value, path: elementPath) }
  }
  mutating func encode(_ value: Int) { element { $0.append(integer: value) } }
  mutating func encode(_ value: Int8) { element { $0.append(integer: value) } }
  mutating func encode(_ value: Int16) { element { $0.append(integer: value) } }
  mutating func encode(_ value: Int32) { element { $0.append(integer: value) } }
  mutating func encode(_ value: Int64) { element { $0.append(integer: value) } }
  mutating func encode(_ value: UInt) { element { $0.append(integer: value) } }
  mutating func encode(_ value: UInt8) { element { $0.append(integer: value) } }
  mutating func encode(_ value: UInt16) { element { $0.append(integer: value) } }
  mutating func encode(_ value: UInt32) { element { $0.append(integer: value) } }
  mutating func encode(_ value: UInt64) { element { $0.append(integer: value) } }
  mutating func encode<T: Encodable>(_ value: T) throws {
    let key = JSONCodingKey(index: encoder.elementCount)
    try element { _ in try encoder.append(value, key: key) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    deferredElement().container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    deferredElement().unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { deferredElement() }

  private func deferredElement() -> ValueEncoder {
    let child = encoder.deferredChild(key: JSONCodingKey(index: encoder.elementCount))
    element { output in
      let position = output.bytes.count
      encoder.members.append(
        ValueEncoder.Member(key: "", start: position, end: position, deferred: child))
    }
    return child
  }
}

/// A value that is one scalar, or that hands itself to another value's encoding.
struct SingleValueJSONContainer: SingleValueEncodingContainer {
  let encoder: ValueEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }

  /// Writes the scalar through `write`.
  private func scalar(_ write: (JSONOutput) throws -> Void) rethrows {
    precondition(encoder.kind == .none, "a single value container holds one value")
    try write(encoder.output)
    encoder.kind = .single
  }

  mutating func encodeNil() { scalar { $0.append(raw: "null") } }
  mutating func encode(_ value: Bool) { scalar { $0.append(raw: value ? "true" : "false") } }
  mutating func encode(_ value: String) { scalar { $0.append(string: value) } }
  mutating func encode(_ value: Double) throws {
    try scalar { try $0.append(float: value, path: codingPath) }
  }
  mutating func encode(_ value: Float) throws {
    try scalar { try $0.append(float: value, path: codingPath) }
  }
  mutating func encode(_ value: Int) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: Int8) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: Int16) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: Int32) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: Int64) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: UInt) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: UInt8) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: UInt16) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: UInt32) { scalar { $0.append(integer: value) } }
  mutating func encode(_ value: UInt64) { scalar { $0.append(integer: value) } }
  mutating func encode<T: Encodable>(_ value: T) throws {
    precondition(encoder.kind == .none, "a single value container holds one value")
    if try ValueEncoder.appendScalar(value, to: encoder.output) {
      encoder.kind = .single
    } else {
      // The value takes this encoder's place: it has the same coding path.
      try value.encode(to: encoder)
    }
  }
}
