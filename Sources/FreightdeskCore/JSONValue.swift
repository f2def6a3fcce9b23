/// A JSON document with object keys in a fixed order, for documents we build by hand (OpenAPI)
/// and for inspecting request bodies before decoding them.
public enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int64)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// A string value.
  public init(stringLiteral value: String) {
    self = .string(value)
  }

  /// Compares values; object keys compare in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// Whether this is an array or an object, a value with members of its own.
  public var isContainer: Bool {
    switch self {
    case .array, .object: true
    default: false
    }
  }

  /// The value of `key` in an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let fields) = self else { return nil }
    return fields.first { $0.0 == key }?.1
  }

  /// Compact JSON text.
  public var serialized: String {
    var out = ""
    write(into: &out)
    return out
  }

  private func write(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += value.isFinite ? "\(value)" : "null"
    case .integer(let value): out += String(value)
    case .string(let value): out += JSONText.quoted(value)
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(into: &out)
      }
      out += "]"
    case .object(let fields):
      out += "{"
      for (index, (key, value)) in fields.enumerated() {
        if index > 0 { out += "," }
        out += JSONText.quoted(key) + ":"
        value.write(into: &out)
      }
      out += "}"
    }
  }

  /// Parses JSON text; nil when it is not well-formed. Object members come in key order.
  public static func parse(_ bytes: [UInt8]) -> JSONValue? {
    JSONParser.parse(bytes)
  }
}
