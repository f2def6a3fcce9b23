/// A value that writes its own JSON text: exactly the bytes its `Encodable` conformance gives
/// through ``CompactJSONEncoder``, without the `Encoder` protocol's dynamic dispatch, boxed
/// containers and per-member allocations.
///
/// For the few types a busy path encodes on every request (an order's answer and its stored
/// columns), where the generic route cost about 1,900 instructions per member. The type keeps
/// its `Encodable` conformance as the definition of its JSON; a conforming type's tests compare
/// both outputs, so the two cannot drift apart unnoticed.
public protocol JSONWritable: Encodable {
  /// Writes the value: an object's members in the order of their keys' UTF-8 bytes, as
  /// `JSONEncoder` with `.sortedKeys` writes them, and optional members left out when nil.
  func write(to writer: inout JSONWriter) throws
}

/// An array of writable elements writes as a JSON array of them.
extension Array: JSONWritable where Element: JSONWritable {
  /// Writes the elements in order.
  public func write(to writer: inout JSONWriter) throws {
    writer.beginArray()
    for element in self { try writer.element(element) }
    writer.endArray()
  }
}

/// Writes JSON text for a ``JSONWritable`` value, with the scalars spelled as
/// ``CompactJSONEncoder`` (and Foundation) spell them. It puts the commas; the caller names
/// members in key order.
public struct JSONWriter {
  let output: JSONOutput
  /// Whether the next member or element follows another in the same object or array.
  private var followsValue = false

  init(output: JSONOutput) {
    self.output = output
  }

  /// Opens an object.
  public mutating func beginObject() { open("{") }

  /// Closes the open object.
  public mutating func endObject() { close("}") }

  /// Opens an array.
  public mutating func beginArray() { open("[") }

  /// Closes the open array.
  public mutating func endArray() { close("]") }

  private mutating func open(_ bracket: StaticString) {
    separate()
    output.append(raw: bracket)
    followsValue = false
  }

  private mutating func close(_ bracket: StaticString) {
    output.append(raw: bracket)
    followsValue = true
  }

  /// Writes the member `key` with a string value.
  public mutating func member(_ key: StaticString, _ value: String) {
    name(key)
    output.append(string: value)
    followsValue = true
  }

  /// Writes the member `key` with a string value, or nothing when it is nil.
  public mutating func member(_ key: StaticString, _ value: String?) {
    if let value { member(key, value) }
  }

  // Integers are taken as `Int64` and `Int`, not as any `FixedWidthInteger`: a generic
  // member called from another module ran unspecialized, about 600 instructions a number.

  /// Writes the member `key` with an integer value.
  public mutating func member(_ key: StaticString, _ value: Int64) {
    name(key)
    output.append(integer: value)
    followsValue = true
  }

  /// Writes the member `key` with an integer value.
  public mutating func member(_ key: StaticString, _ value: Int) {
    member(key, Int64(value))
  }

  /// Writes the member `key` with an integer value, or nothing when it is nil.
  public mutating func member(_ key: StaticString, _ value: Int64?) {
    if let value { member(key, value) }
  }

  /// Writes the member `key` with an integer value, or nothing when it is nil.
  public mutating func member(_ key: StaticString, _ value: Int?) {
    if let value { member(key, Int64(value)) }
  }

  /// Writes the member `key` with `true` or `false`.
  public mutating func member(_ key: StaticString, _ value: Bool) {
    name(key)
    output.append(raw: value ? "true" : "false")
    followsValue = true
  }

  /// Writes the member `key` with a number; NaN and infinity have no JSON form and throw, as
  /// they do through `Encodable`.
  public mutating func member(_ key: StaticString, _ value: Double) throws {
    name(key)
    try output.append(float: value, path: [JSONCodingKey(stringValue: "\(key)")])
    followsValue = true
  }

  /// Writes the member `key` with a string enumeration's raw value.
  public mutating func member<T: RawRepresentable>(_ key: StaticString, _ value: T)
  where T.RawValue == String {
    member(key, value.rawValue)
  }

  /// Writes the member `key` with a writable value.
  public mutating func member<T: JSONWritable>(_ key: StaticString, _ value: T) throws {
    name(key)
    followsValue = false
    try value.write(to: &self)
    followsValue = true
  }

  /// Writes the member `key` with a writable value, or nothing when it is nil.
  public mutating func member<T: JSONWritable>(_ key: StaticString, _ value: T?) throws {
    if let value { try member(key, value) }
  }

  /// Writes the member `key` with `json`, text this encoder wrote before (a stored column),
  /// copied as it is rather than encoded again.
  public mutating func member(_ key: StaticString, json: String) {
    name(key)
    var json = json
    json.withUTF8 { output.bytes.append(contentsOf: $0) }
    followsValue = true
  }

  /// Writes the member `key` with an array of string enumerations' raw values.
  public mutating func member<T: RawRepresentable>(_ key: StaticString, _ values: [T])
  where T.RawValue == String {
    name(key)
    output.append(raw: "[")
    for (index, value) in values.enumerated() {
      if index > 0 { output.append(raw: ",") }
      output.append(string: value.rawValue)
    }
    output.append(raw: "]")
    followsValue = true
  }

  /// Writes an array element.
  public mutating func element<T: JSONWritable>(_ value: T) throws {
    separate()
    followsValue = false
    try value.write(to: &self)
    followsValue = true
  }

  /// Writes a single value's integer form (an id or an instant).
  public mutating func value(_ value: Int64) {
    separate()
    output.append(integer: value)
    followsValue = true
  }

  /// Writes `"key":`, after a comma when a member precedes it. Keys are plain ASCII names
  /// without characters JSON escapes.
  private mutating func name(_ key: StaticString) {
    let count = key.utf8CodeUnitCount
    output.bytes.reserveCapacity(output.bytes.count + count + 4)
    separate()
    output.bytes.append(UInt8(ascii: "\""))
    output.bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: count))
    output.bytes.append(UInt8(ascii: "\""))
    output.bytes.append(UInt8(ascii: ":"))
  }

  private mutating func separate() {
    if followsValue { output.bytes.append(UInt8(ascii: ",")) }
  }
}

/// An id writes as its number.
extension Identifier: JSONWritable {
  /// Writes the number.
  public func write(to writer: inout JSONWriter) {
    writer.value(rawValue)
  }
}

/// An instant writes as its milliseconds since the epoch.
extension Instant: JSONWritable {
  /// Writes the milliseconds.
  public func write(to writer: inout JSONWriter) {
    writer.value(epochMilliseconds)
  }
}
