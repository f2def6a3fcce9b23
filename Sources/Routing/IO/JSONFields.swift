/// A JSON object being read field by field: unknown and repeated keys are an error, every
/// value is type-checked, and every error carries the JSON pointer of the field.
struct JSONFields {
  let fields: [String: JSONNode]
  let pointer: String

  /// Reads `value` as an object whose keys must all be in `allowed` (any key when nil).
  init(_ value: JSONNode?, at pointer: String, allowed: Set<String>?) throws(VROOMInputError) {
    guard case .object(let members)? = value else {
      throw VROOMInputError(pointer: pointer, code: "type_invalid", message: "must be an object")
    }
    if let allowed, let unknown = members.map(\.key).filter({ !allowed.contains($0) }).min() {
      throw VROOMInputError(
        pointer: pointer + "/" + unknown, code: "unknown_field",
        message: "unknown field \"\(unknown)\"")
    }
    var fields: [String: JSONNode] = [:]
    fields.reserveCapacity(members.count)
    for member in members where fields.updateValue(member.value, forKey: member.key) != nil {
      throw VROOMInputError(
        pointer: pointer + "/" + member.key, code: "key_repeated",
        message: "field \"\(member.key)\" is given twice")
    }
    self.fields = fields
    self.pointer = pointer
  }

  func has(_ key: String) -> Bool {
    switch fields[key] {
    case nil, .null?: false
    default: true
    }
  }

  func failure(_ key: String, _ message: String, code: String = "type_invalid") -> VROOMInputError {
    VROOMInputError(pointer: pointer + "/" + key, code: code, message: message)
  }

  /// `value` as a whole number of at most 9·10¹⁵ in magnitude.
  static func integer(_ value: Double) -> Int? {
    guard value == value.rounded(), abs(value) <= 9.0e15 else { return nil }
    return Int(value)
  }

  func integer(_ key: String) throws(VROOMInputError) -> Int? {
    guard has(key) else { return nil }
    guard case .number(let number)? = fields[key], let value = Self.integer(number) else {
      throw failure(key, "must be a whole number")
    }
    return value
  }

  func number(_ key: String) throws(VROOMInputError) -> Double? {
    guard has(key) else { return nil }
    guard case .number(let value)? = fields[key] else { throw failure(key, "must be a number") }
    return value
  }

  func string(_ key: String) throws(VROOMInputError) -> String? {
    guard has(key) else { return nil }
    guard case .string(let value)? = fields[key] else { throw failure(key, "must be a string") }
    return value
  }

  func array(_ key: String) throws(VROOMInputError) -> [JSONNode]? {
    guard has(key) else { return nil }
    guard let items = fields[key]?.items else { throw failure(key, "must be an array") }
    return items
  }

  /// An array of numbers; an item that is not a number is blamed by its index.
  func numbers(_ key: String) throws(VROOMInputError) -> [Double]? {
    guard has(key) else { return nil }
    switch fields[key] {
    case .numbers(let values)?: return values
    case .array(let items)?:
      let index = items.firstIndex { if case .number = $0 { false } else { true } } ?? 0
      throw failure("\(key)/\(index)", "must be a number")
    default: throw failure(key, "must be an array")
    }
  }

  func integers(_ key: String) throws(VROOMInputError) -> [Int]? {
    guard let numbers = try numbers(key) else { return nil }
    var result: [Int] = []
    result.reserveCapacity(numbers.count)
    for (index, number) in numbers.enumerated() {
      guard let value = Self.integer(number) else {
        throw failure("\(key)/\(index)", "must be a whole number")
      }
      result.append(value)
    }
    return result
  }

  /// `[start, end]` pairs.
  func windows(_ key: String) throws(VROOMInputError) -> [TimeWindow]? {
    guard let items = try array(key) else { return nil }
    var result: [TimeWindow] = []
    for (index, item) in items.enumerated() {
      guard case .numbers(let pair) = item, pair.count == 2, let start = Self.integer(pair[0]),
        let end = Self.integer(pair[1])
      else { throw failure("\(key)/\(index)", "must be [start, end] in whole seconds") }
      result.append(TimeWindow(start: start, end: end))
    }
    return result
  }

  /// A `[lon, lat]` coordinate.
  func coordinate(_ key: String) throws(VROOMInputError) -> [Double]? {
    guard has(key) else { return nil }
    guard case .numbers(let values)? = fields[key], values.count == 2, abs(values[0]) <= 180,
      abs(values[1]) <= 90
    else { throw failure(key, "must be [longitude, latitude] in degrees") }
    return values
  }
}
