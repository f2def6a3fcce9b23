/// HTTP header fields with case-insensitive names, in the order they were added.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
  private var fields: [(name: String, value: String)] = []

  /// Creates an empty header list.
  public init() {}

  /// Creates headers from literal pairs.
  public init(dictionaryLiteral elements: (String, String)...) {
    for (name, value) in elements { add(name, value) }
  }

  /// Creates headers from name/value pairs in order.
  public init(pairs: [(name: String, value: String)]) {
    fields = pairs
  }

  /// The first value for `name`, compared case-insensitively.
  public subscript(name: String) -> String? {
    fields.first { Self.sameName($0.name, name) }?.value
  }

  /// Appends a field, keeping any existing ones with the same name (e.g. `Set-Cookie`).
  public mutating func add(_ name: String, _ value: String) {
    fields.append((name, value))
  }

  /// Replaces every field named `name` with one field holding `value`.
  public mutating func set(_ name: String, _ value: String) {
    remove(name)
    fields.append((name, value))
  }

  /// Removes every field named `name`.
  public mutating func remove(_ name: String) {
    fields.removeAll { Self.sameName($0.name, name) }
  }

  /// Whether two field names are equal ignoring ASCII case (field names are ASCII), without
  /// allocating: this runs several times for every request.
  static func sameName(_ lhs: String, _ rhs: String) -> Bool {
    // Most names a lookup passes differ in length, which a native string knows at once.
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    var left = lhs.utf8.makeIterator()
    var right = rhs.utf8.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return true
      case (let a?, let b?):
        if a != b && (a | 0x20) != (b | 0x20) { return false }
        if a != b && !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(a | 0x20) { return false }
      default: return false
      }
    }
  }

  /// Whether a field named `name` is present.
  public func contains(_ name: String) -> Bool {
    self[name] != nil
  }

  /// Iterates the fields in order.
  public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
    fields.makeIterator()
  }
}
