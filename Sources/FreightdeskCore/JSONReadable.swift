/// A value that reads itself from a parsed JSON tree: exactly the value, or the
/// `DecodingError` with its coding path, that its `Decodable` conformance gives through
/// ``JSONValueDecoder``, without the `Decoder` protocol's boxed containers and dynamic dispatch.
///
/// For the few types a busy path decodes on every request (an order's body, its stored stops
/// and cargo), where the generic route cost about 600 instructions per member. An object type
/// writes its decoding once, generic over ``KeyedDecodingSource`` (see ``JSONObjectReadable``),
/// and both `init(from:)` and ``init(reading:)`` call it; its differential tests compare the
/// outcome with Foundation's `JSONDecoder` on valid and on mistyped documents.
/// ``JSONValueDecoder`` takes this route by itself wherever such a value appears. Arrays of
/// readable elements, ids and instants read themselves; a string enumeration needs only to
/// declare the conformance.
public protocol JSONReadable: Decodable {
  /// Reads the value at `reader`.
  init(reading reader: JSONReader) throws
}

/// One value of a parsed JSON tree and its place in it, for ``JSONReadable`` values. A member
/// or element gets a decoder of its own (which its coding path needs) only when it is an
/// object or an array, or when reading it fails.
public struct JSONReader {
  let value: JSONValue
  private let existing: TreeDecoder?
  private let parent: TreeDecoder?
  private let key: (any CodingKey)?

  /// The value `decoder` decodes.
  init(decoder: TreeDecoder) {
    value = decoder.value
    existing = decoder
    parent = nil
    key = nil
  }

  /// The member or element `key` of `parent`, whose value is `value`.
  init(value: JSONValue, parent: TreeDecoder, key: any CodingKey) {
    self.value = value
    existing = nil
    self.parent = parent
    self.key = key
  }

  /// The decoder of this value, for its members and its coding path.
  var decoder: TreeDecoder { existing ?? TreeDecoder(value: value, parent: parent, key: key) }

  /// The value's members, looked up by `Key`; a value that is not an object throws what
  /// `Decoder.container(keyedBy:)` throws.
  public func object<Key: CodingKey>(keyedBy type: Key.Type) throws -> JSONObjectReader<Key> {
    let decoder = decoder
    return JSONObjectReader(
      container: ObjectDecodingContainer(decoder: decoder, fields: try decoder.fields()))
  }

  /// The value as a 64-bit integer, as a single-value container decodes it.
  public func int64() throws -> Int64 {
    try TreeDecoder.integer(Int64.self, value, decoder.codingPath)
  }

  /// The value as a string, as a single-value container decodes it.
  func string() throws -> String {
    try TreeDecoder.string(value, decoder.codingPath)
  }
}

/// The members of a JSON object for a ``JSONReadable`` value: the keyed container the tree
/// decoder uses, called directly rather than through `KeyedDecodingContainer`'s box.
public struct JSONObjectReader<Key: CodingKey>: KeyedDecodingSource {
  let container: ObjectDecodingContainer<Key>

  /// The string at `key`.
  public func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try container.decode(type, forKey: key)
  }
  /// The number at `key`.
  public func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try container.decode(type, forKey: key)
  }
  /// The integer at `key`.
  public func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try container.decode(type, forKey: key)
  }
  /// The integer at `key`.
  public func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try container.decode(type, forKey: key)
  }
  /// The truth value at `key`.
  public func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try container.decode(type, forKey: key)
  }
  /// The value at `key`.
  public func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try container.decode(type, forKey: key)
  }
  /// The readable value at `key`, read directly.
  public func decode<T: JSONReadable>(_ type: T.Type, forKey key: Key) throws -> T {
    let value = try container.value(for: key)
    return try T(reading: JSONReader(value: value, parent: container.decoder, key: key))
  }
  /// The string at `key`, nil when it is missing or null.
  public func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    try container.decodeIfPresent(type, forKey: key)
  }
  /// The number at `key`, nil when it is missing or null.
  public func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
    try container.decodeIfPresent(type, forKey: key)
  }
  /// The integer at `key`, nil when it is missing or null.
  public func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    try container.decodeIfPresent(type, forKey: key)
  }
  /// The integer at `key`, nil when it is missing or null.
  public func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
    try container.decodeIfPresent(type, forKey: key)
  }
  /// The truth value at `key`, nil when it is missing or null.
  public func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    try container.decodeIfPresent(type, forKey: key)
  }
  /// The value at `key`, nil when it is missing or null.
  public func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    try container.decodeIfPresent(type, forKey: key)
  }
  /// The readable value at `key`, read directly; nil when it is missing or null.
  public func decodeIfPresent<T: JSONReadable>(_ type: T.Type, forKey key: Key) throws -> T? {
    try container.present(key).map {
      try T(reading: JSONReader(value: $0, parent: container.decoder, key: key))
    }
  }
}

/// What a type's decoding reads its members from: `KeyedDecodingContainer` for any `Decoder`,
/// ``JSONObjectReader`` for a parsed tree. A ``JSONReadable`` type decodes generically over it,
/// so its one definition serves both routes.
public protocol KeyedDecodingSource<Key> {
  /// The keys members are looked up by.
  associatedtype Key: CodingKey
  /// The string at `key`.
  func decode(_ type: String.Type, forKey key: Key) throws -> String
  /// The number at `key`.
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double
  /// The integer at `key`.
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int
  /// The integer at `key`.
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64
  /// The truth value at `key`.
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool
  /// The value at `key`.
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T
  /// The readable value at `key`.
  func decode<T: JSONReadable>(_ type: T.Type, forKey key: Key) throws -> T
  /// The string at `key`, nil when it is missing or null.
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String?
  /// The number at `key`, nil when it is missing or null.
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double?
  /// The integer at `key`, nil when it is missing or null.
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int?
  /// The integer at `key`, nil when it is missing or null.
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64?
  /// The truth value at `key`, nil when it is missing or null.
  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool?
  /// The value at `key`, nil when it is missing or null.
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T?
  /// The readable value at `key`, nil when it is missing or null.
  func decodeIfPresent<T: JSONReadable>(_ type: T.Type, forKey key: Key) throws -> T?
}

extension KeyedDecodingContainer: KeyedDecodingSource {}

/// An array of readable elements reads them one by one, each at its index.
extension Array: JSONReadable where Element: JSONReadable {
  /// Reads the elements of the array at `reader`.
  public init(reading reader: JSONReader) throws {
    let decoder = reader.decoder
    let items = try decoder.items()
    self.init()
    reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      append(
        try Element(
          reading: JSONReader(value: item, parent: decoder, key: JSONCodingKey(index: index))))
    }
  }
}

/// A string enumeration reads its raw value, refusing one it has no case for as its
/// `Decodable` conformance does.
extension JSONReadable where Self: RawRepresentable, RawValue == String {
  /// Reads the case named at `reader`.
  public init(reading reader: JSONReader) throws {
    let raw = try reader.string()
    guard let value = Self(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: reader.decoder.codingPath,
          debugDescription: "Cannot initialize \(Self.self) from invalid String value \(raw)"))
    }
    self = value
  }
}

/// An id reads its number.
extension Identifier: JSONReadable {
  /// Reads the number at `reader`.
  public init(reading reader: JSONReader) throws {
    self.init(rawValue: try reader.int64())
  }
}

/// An instant reads its milliseconds since the epoch.
extension Instant: JSONReadable {
  /// Reads the milliseconds at `reader`.
  public init(reading reader: JSONReader) throws {
    self.init(epochMilliseconds: try reader.int64())
  }
}

/// A ``JSONReadable`` object whose decoding is written once, from its members: both
/// `init(from:)` and ``JSONReadable/init(reading:)`` come from ``init(members:)``, so the
/// `Decoder` route and the direct one cannot decode differently.
public protocol JSONObjectReadable: JSONReadable {
  /// The keys of its members.
  associatedtype CodingKeys: CodingKey
  /// Decodes the value from its members, looked up through either route.
  init(members: some KeyedDecodingSource<CodingKeys>) throws
}

extension JSONObjectReadable {
  /// Decodes the value from a keyed container of `decoder`.
  public init(from decoder: any Decoder) throws {
    try self.init(members: decoder.container(keyedBy: CodingKeys.self))
  }

  /// Reads the value from the object at `reader`.
  public init(reading reader: JSONReader) throws {
    try self.init(members: reader.object(keyedBy: CodingKeys.self))
  }
}
