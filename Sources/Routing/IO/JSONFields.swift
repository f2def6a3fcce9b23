import Foundation

/// A JSON object being read field by field: unknown keys are an error, every value is
/// type-checked, and every error carries the JSON pointer of the field.
struct JSONFields {
  let fields: [String: Any]
  let pointer: String

  /// Reads `value` as an object whose keys must all be in `allowed`.
  init(_ value: Any?, at pointer: String, allowed: Set<String>) throws(VROOMInputError) {
    guard let fields = value as? [String: Any] else {
      throw VROOMInputError(pointer: pointer, code: "type_invalid", message: "must be an object")
    }
    if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw VROOMInputError(
        pointer: pointer + "/" + unknown, code: "unknown_field",
        message: "unknown field \"\(unknown)\"")
    }
    self.fields = fields
    self.pointer = pointer
  }

  func has(_ key: String) -> Bool { fields[key] != nil && !(fields[key] is NSNull) }

  func failure(_ key: String, _ message: String, code: String = "type_invalid") -> VROOMInputError {
    VROOMInputError(pointer: pointer + "/" + key, code: code, message: message)
  }

  static func integer(_ value: Any) -> Int? {
    guard let number = value as? NSNumber else { return nil }
    let double = number.doubleValue
    guard double == double.rounded(), abs(double) <= 9.0e15 else { return nil }
    return Int(double)
  }

  func integer(_ key: String) throws(VROOMInputError) -> Int? {
    guard has(key) else { return nil }
    guard let value = Self.integer(fields[key] as Any) else {
      throw failure(key, "must be a whole number")
    }
    return value
  }

  func number(_ key: String) throws(VROOMInputError) -> Double? {
    guard has(key) else { return nil }
    guard let value = (fields[key] as? NSNumber)?.doubleValue, value.isFinite else {
      throw failure(key, "must be a number")
    }
    return value
  }

  func string(_ key: String) throws(VROOMInputError) -> String? {
    guard has(key) else { return nil }
    guard let value = fields[key] as? String else { throw failure(key, "must be a string") }
    return value
  }

  func array(_ key: String) throws(VROOMInputError) -> [Any]? {
    guard has(key) else { return nil }
    guard let value = fields[key] as? [Any] else { throw failure(key, "must be an array") }
    return value
  }

  func integers(_ key: String) throws(VROOMInputError) -> [Int]? {
    guard let items = try array(key) else { return nil }
    var result: [Int] = []
    for (index, item) in items.enumerated() {
      guard let value = Self.integer(item) else {
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
      guard let pair = item as? [Any], pair.count == 2, let start = Self.integer(pair[0]),
        let end = Self.integer(pair[1])
      else { throw failure("\(key)/\(index)", "must be [start, end] in whole seconds") }
      result.append(TimeWindow(start: start, end: end))
    }
    return result
  }

  /// A `[lon, lat]` coordinate.
  func coordinate(_ key: String) throws(VROOMInputError) -> [Double]? {
    guard let items = try array(key) else { return nil }
    let values = items.compactMap { ($0 as? NSNumber)?.doubleValue }
    guard values.count == 2, abs(values[0]) <= 180, abs(values[1]) <= 90 else {
      throw failure(key, "must be [longitude, latitude] in degrees")
    }
    return values
  }
}
