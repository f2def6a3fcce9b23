import Foundation
import FreightdeskCore
import TestSupport
import Testing

@Suite struct CompactJSONEncoderTests {
  @Test func keysAreInFoundationsOrder() {
    let keys = [
      "b", "B", "a", "A", "a10", "a9", "a09", "é", "e\u{301}x", "z", "_", "ä", "中", "Z", "aa",
      "a_b", "ab", "1", "10", "2", "", "😀", "Ω", "ﬃ", "~", " ", "a b",
    ]
    let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    #expect(
      JSONDifferential.compactEncoding(dictionary)
        == JSONDifferential.foundationEncoding(dictionary))
    let intKeyed = [1: "a", 10: "b", 2: "c", -5: "d", 0: "e"]
    #expect(
      JSONDifferential.compactEncoding(intKeyed) == JSONDifferential.foundationEncoding(intKeyed))
  }

  @Test func stringsAreEscapedAsFoundationEscapesThem() {
    let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
    let texts = [
      controls, "a\"b\\c/d", "\u{7f}\u{2028}\u{2029}é中😀", "", "plain", "e\u{301}",
    ]
    #expect(JSONDifferential.compactEncoding(texts) == JSONDifferential.foundationEncoding(texts))
    #expect(
      JSONDifferential.compactEncoding(controls) == JSONDifferential.foundationEncoding(controls))
  }

  @Test func numbersAreWrittenAsFoundationWritesThem() {
    let doubles: [Double] = [
      20, 0.05, 1e-7, 1e15, 1e16, 1e20, 1e21, 1.5e300, -0.0, 0, 0.1, 1 / 3, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 123_456_789.125, 9_007_199_254_740_994,
      999_999_999_999_999, -999_999_999_999_999, 1e15 - 0.5, -20, 16_777_218, 2e15,
    ]
    #expect(
      JSONDifferential.compactEncoding(doubles) == JSONDifferential.foundationEncoding(doubles))
    let floats: [Float] = [0.1, 20, 1e-7, 3.4e38, -0.0, 16_777_218, 16_777_216, 100_000_000]
    #expect(JSONDifferential.compactEncoding(floats) == JSONDifferential.foundationEncoding(floats))
    let integers = IntegerWidths(
      int: .min, int8: .min, int16: .min, int32: .min, int64: .min, uint: .max, uint8: .max,
      uint16: .max, uint32: .max, uint64: .max)
    #expect(
      JSONDifferential.compactEncoding(integers) == JSONDifferential.foundationEncoding(integers))
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func notANumberIsRefusedAtTheSamePath(value: Double) {
    let nested = ["outer": [["inner": [1, value]]]]
    let expected = JSONDifferential.foundationEncoding(nested)
    #expect(expected.hasPrefix("invalidValue at /outer/0/inner/1"))
    #expect(JSONDifferential.compactEncoding(nested) == expected)
    #expect(JSONDifferential.compactEncoding(value) == JSONDifferential.foundationEncoding(value))
    let float = ["x": Float(value)]
    #expect(JSONDifferential.compactEncoding(float) == JSONDifferential.foundationEncoding(float))
  }

  @Test func foundationsSpecialTypesAreEncodedAlike() throws {
    let special = SpecialTypes(
      date: Date(timeIntervalSinceReferenceDate: 12.5), data: Data([1, 2, 3, 255]),
      url: try #require(URL(string: "http://a.b/c?d=e&f=/g")),
      decimal: try #require(Decimal(string: "-12.345")),
      largeDecimal: try #require(Decimal(string: "1e30")))
    #expect(
      JSONDifferential.compactEncoding(special) == JSONDifferential.foundationEncoding(special))
  }

  @Test func containersEncodeAsFoundationEncodesThem() {
    let value = ContainerGymnastics(flag: true)
    #expect(JSONDifferential.compactEncoding(value) == JSONDifferential.foundationEncoding(value))
    let optionals = [nil, 1, nil] as [Int?]
    #expect(
      JSONDifferential.compactEncoding(optionals)
        == JSONDifferential.foundationEncoding(optionals))
  }

  @Test func aValueThatEncodesNothingIsRefusedAtTheTopAndEmptyInside() {
    #expect(
      JSONDifferential.compactEncoding(EncodesNothing())
        == JSONDifferential.foundationEncoding(EncodesNothing()))
    #expect(
      JSONDifferential.compactEncoding([EncodesNothing()])
        == JSONDifferential.foundationEncoding([EncodesNothing()]))
  }

  @Test(arguments: 0..<40)
  func randomDocumentsEncodeToFoundationsBytes(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    let document = FuzzValue.random(depth: 4, using: &generator)
    #expect(
      JSONDifferential.compactEncoding(document) == JSONDifferential.foundationEncoding(document))
  }
}

/// One of each integer width.
private struct IntegerWidths: Encodable {
  var int: Int
  var int8: Int8
  var int16: Int16
  var int32: Int32
  var int64: Int64
  var uint: UInt
  var uint8: UInt8
  var uint16: UInt16
  var uint32: UInt32
  var uint64: UInt64
}

/// The types Foundation's encoder treats specially.
private struct SpecialTypes: Encodable {
  var date: Date
  var data: Data
  var url: URL
  var decimal: Decimal
  var largeDecimal: Decimal
}

/// A value that asks for no container at all.
private struct EncodesNothing: Encodable {
  func encode(to encoder: any Encoder) throws {}
}

/// Nested containers filled out of order, super encoders, repeated keys, containers asked for
/// twice, `encodeIfPresent` and `encodeNil`.
private struct ContainerGymnastics: Encodable {
  var flag: Bool

  enum Keys: String, CodingKey {
    case zulu, alpha, mike, nested, list, repeated, absent, present, empty
  }

  enum InnerKeys: String, CodingKey {
    case b, a
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode("z", forKey: .zulu)
    var nested = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .nested)
    var list = container.nestedUnkeyedContainer(forKey: .list)
    try container.encode(1.5, forKey: .alpha)
    try nested.encode(2, forKey: .b)
    try list.encode("first")
    var listSuper = list.superEncoder()
    var inner = list.nestedUnkeyedContainer()
    try list.encode(Int8(3))
    try inner.encode(true)
    try nested.encode([1, 2], forKey: .a)
    var superValue = listSuper.singleValueContainer()
    try superValue.encode(["k": "v"])
    listSuper = container.superEncoder()
    var superObject = listSuper.container(keyedBy: InnerKeys.self)
    try superObject.encode(flag, forKey: .a)
    _ = container.superEncoder(forKey: .empty)
    try container.encode(1, forKey: .repeated)
    var again = encoder.container(keyedBy: Keys.self)
    try again.encode(2, forKey: .repeated)
    try again.encodeIfPresent(nil as String?, forKey: .absent)
    try again.encodeIfPresent("here" as String?, forKey: .present)
    try again.encodeNil(forKey: .mike)
  }
}

/// A random document of every kind the encoder handles.
private indirect enum FuzzValue: Encodable {
  case string(String)
  case integer(Int)
  case small(Int8)
  case unsigned(UInt64)
  case double(Double)
  case float(Float)
  case bool(Bool)
  case missing(Int?)
  case data(Data)
  case date(Date)
  case decimal(Decimal)
  case array([FuzzValue])
  case object([String: FuzzValue])
  case numbered([Int: FuzzValue])
  case gymnastics(ContainerGymnastics)

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .small(let value): try container.encode(value)
    case .unsigned(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .float(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    case .missing(let value): try container.encode(value)
    case .data(let value): try container.encode(value)
    case .date(let value): try container.encode(value)
    case .decimal(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    case .numbered(let value): try container.encode(value)
    case .gymnastics(let value): try container.encode(value)
    }
  }

  static func random(depth: Int, using generator: inout SeededGenerator) -> FuzzValue {
    let kinds = depth > 0 ? 15 : 12
    switch Int.random(in: 0..<kinds, using: &generator) {
    case 0: return .string(randomText(using: &generator))
    case 1: return .integer(Int.random(in: .min ... .max, using: &generator))
    case 2: return .small(Int8.random(in: .min ... .max, using: &generator))
    case 3: return .unsigned(UInt64.random(in: .min ... .max, using: &generator))
    case 4: return .double(randomDouble(using: &generator))
    case 5: return .float(Float(randomDouble(using: &generator) / 1e280))
    case 6: return .bool(Bool.random(using: &generator))
    case 7: return .missing(Bool.random(using: &generator) ? nil : 7)
    case 8:
      return .data(
        Data(
          (0..<Int.random(in: 0..<9, using: &generator)).map { UInt8(truncatingIfNeeded: $0 * 37) })
      )
    case 9: return .date(Date(timeIntervalSince1970: randomDouble(using: &generator) / 1e290))
    case 10: return .decimal(Decimal(Int.random(in: -99_999...99_999, using: &generator)) / 100)
    case 11: return .gymnastics(ContainerGymnastics(flag: Bool.random(using: &generator)))
    case 12:
      return .array(
        (0..<Int.random(in: 0..<5, using: &generator)).map { _ in
          random(depth: depth - 1, using: &generator)
        })
    case 13:
      var object: [String: FuzzValue] = [:]
      for _ in 0..<Int.random(in: 0..<6, using: &generator) {
        object[randomText(using: &generator)] = random(depth: depth - 1, using: &generator)
      }
      return .object(object)
    default:
      var object: [Int: FuzzValue] = [:]
      for _ in 0..<Int.random(in: 0..<4, using: &generator) {
        object[Int.random(in: -20...20, using: &generator)] = random(
          depth: depth - 1, using: &generator)
      }
      return .numbered(object)
    }
  }

  private static let alphabet: [Character] = Array(
    "aAbBzZ09_-/\\\"\t\n\u{0}\u{1f}\u{7f} é中文😀\u{2028}Ω")

  static func randomText(using generator: inout SeededGenerator) -> String {
    String(
      (0..<Int.random(in: 0..<8, using: &generator)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
      })
  }

  static func randomDouble(using generator: inout SeededGenerator) -> Double {
    let special: [Double] = [0, -0.0, 20, 0.05, 1e-7, 1e16, 1e300, 0.1, 100]
    if Bool.random(using: &generator) {
      return special[Int.random(in: 0..<special.count, using: &generator)]
    }
    var value = Double.nan
    while !value.isFinite {
      value = Double(bitPattern: UInt64.random(in: .min ... .max, using: &generator))
    }
    return value
  }
}
