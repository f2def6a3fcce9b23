/// A JSON value as ``JSONReader`` reads it.
///
/// Arrays of numbers only (matrix rows, amounts, windows, coordinates) are kept flat as
/// `[Double]`, eight bytes an entry, so a problem's matrices never become millions of boxed
/// values; objects keep their members in document order, repeated keys included, so that
/// ``JSONFields`` can refuse a repeated key with its pointer.
enum JSONNode: Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  /// An array whose items are all numbers (also the empty array).
  case numbers([Double])
  /// An array with at least one item that is not a number.
  case array([JSONNode])
  /// An object's members in document order.
  case object([JSONMember])

  /// The items of an array of any kind; nil for other values.
  var items: [JSONNode]? {
    switch self {
    case .numbers(let values): values.map(JSONNode.number)
    case .array(let items): items
    default: nil
    }
  }
}

/// One `"key": value` member of a JSON object.
struct JSONMember: Sendable {
  /// The key as written, escapes resolved.
  var key: String
  /// The value.
  var value: JSONNode
}
