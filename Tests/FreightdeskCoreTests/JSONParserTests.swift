import Foundation
import FreightdeskCore
import Testing

/// `JSONValue.parse` accepts and refuses what `JSONSerialization` does and builds the same tree
/// from what it accepts.
@Suite struct JSONParserTests {
  /// The tree `JSONSerialization` gives, converted as `JSONValue.parse` once converted it.
  private static func reference(_ bytes: [UInt8]) -> JSONValue? {
    guard
      let object = try? JSONSerialization.jsonObject(
        with: Data(bytes), options: [.fragmentsAllowed])
    else { return nil }
    return converted(object)
  }

  private static func converted(_ object: Any) -> JSONValue {
    switch object {
    case let dictionary as [String: Any]:
      return .object(dictionary.keys.sorted().map { ($0, converted(dictionary[$0]!)) })
    case let array as [Any]:
      return .array(array.map(converted))
    case let string as String:
      return .string(string)
    case let number as NSNumber:
      switch String(cString: number.objCType) {
      case "c": return .bool(number.boolValue)
      case "d", "f": return .number(number.doubleValue)
      case "Q" where number.uint64Value > UInt64(Int64.max): return .number(number.doubleValue)
      default: return .integer(number.int64Value)
      }
    default:
      return .null
    }
  }

  private func expectSameTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectSameTree(Array(text.utf8), sourceLocation: sourceLocation)
  }

  private func expectSameTree(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    let parsed = JSONValue.parse(bytes)
    let expected = Self.reference(bytes)
    #expect(
      parsed == expected, "\(String(decoding: bytes, as: UTF8.self))",
      sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    "0", "-1", "20", "20.0", "1e2", "1E+2", "-0.5", "9223372036854775807",
    "9223372036854775808", "-9223372036854775808", "18446744073709551616", "1.5e300",
    "-9223372036854775809", "184467440737095516160", "[12, -3, 0, 7e0]",
    "{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}, \"e\": 4}", "{\"a\": 1, \"c\": 2, \"b\": 3}",
    "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9\\u4e2d\\ud83d\\ude00\"", "\"é中😀\"",
    "true", "false", "null", " [1, [2, {\"a\": []}], {}] ", "{\"b\": 1, \"a\": 2, \"B\": 3}",
    "{\"a\": 1, \"a\": 2}", "\u{FEFF}{\"x\": 1}",
  ])
  func wellFormedDocumentsParseAsJSONSerializationParsesThem(text: String) {
    expectSameTree(text)
  }

  @Test(arguments: [
    "", " ", "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "1e400",
    "\"unterminated", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"",
    "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\": 1,}", "{a: 1}", "{\"a\": 1} x", "tru", "nul",
    "[", "{", "]", "[1]]", "'a'", "[,]", "{,}", "[1,,]", "[1,]", "{\"a\": 1,}", "[ ]",
  ])
  func malformedAndLenientDocumentsAreTreatedAsJSONSerializationTreatsThem(text: String) {
    expectSameTree(text)
  }

  @Test func invalidUTF8AndDeepNestingAreRefused() {
    expectSameTree([UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\"")])
    expectSameTree([UInt8(ascii: "\""), 0xC3, UInt8(ascii: "\"")])
    // Overlong, surrogate, truncated and stray continuation bytes, plain and after an escape;
    // and well-formed multi-byte text around them.
    let quote = UInt8(ascii: "\"")
    let escape: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
    for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0x80], [0xF8]] {
      expectSameTree([quote] + bad + [quote])
      expectSameTree([quote] + escape + bad + [quote])
      expectSameTree([quote] + Array("中".utf8) + bad + Array("x".utf8) + [quote])
    }
    expectSameTree([quote] + Array("运单😀é".utf8) + escape + Array("中".utf8) + [quote])
    expectSameTree(Array(String(repeating: "[", count: 600).utf8))
    let deep = String(repeating: "[", count: 400) + String(repeating: "]", count: 400)
    expectSameTree(deep)
  }

  @Test(arguments: 0..<60)
  func damagedDocumentsParseAsJSONSerializationParsesThem(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    var bytes = Array(
      #"""
      {"customer_id": 17, "stops": [{"kind": "pickup", "region": "上海市/浦东新区",
       "windows": [{"start": 1796608800000, "end": 1.5e3}]}], "cargo": [{"weight_kg": 20.5,
       "fragile": true, "note": null, "text": "a\"b\\c\u00e9"}], "services": []}
      """#.utf8)
    let damage = Array("{}[]\",:0-.e\\ tnu".utf8)
    for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
      let position = Int.random(in: 0..<bytes.count, using: &generator)
      switch Int.random(in: 0..<3, using: &generator) {
      case 0: bytes.remove(at: position)
      case 1: bytes.insert(damage.randomElement(using: &generator)!, at: position)
      default: bytes = Array(bytes.prefix(position))
      }
    }
    expectSameTree(bytes)
  }
}
