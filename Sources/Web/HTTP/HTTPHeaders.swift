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
    let wanted = name.lowercased()
    return fields.first { $0.name.lowercased() == wanted }?.value
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
    let wanted = name.lowercased()
    fields.removeAll { $0.name.lowercased() == wanted }
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
