import FreightdeskCore

/// Where ``JSONReader`` stopped on bytes that are not JSON, and what it expected there.
struct JSONSyntaxError: Error, Equatable {
  /// Offset of the offending byte from the start of the input.
  var offset: Int
  /// What would have been well-formed at that place, e.g. `a comma or ]`.
  var expected: String
}

/// A strict JSON reader (RFC 8259) for problems of many megabytes: one pass over the bytes,
/// numbers parsed in place (whole numbers of up to 15 digits without a detour through text),
/// arrays of numbers stored flat (``JSONNode/numbers(_:)``).
///
/// Nothing beyond the grammar is accepted: no comments, trailing commas, single quotes,
/// leading zeros, `NaN`, control characters or invalid UTF-8 in strings, or unpaired
/// surrogate escapes; a leading UTF-8 byte-order mark is skipped. Nesting is bounded by
/// ``Limits/jsonNestingDepthMax`` and a number's text by ``Limits/jsonNumberBytesMax``.
struct JSONReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The value that `data` holds, with nothing but whitespace after it.
  static func parse(_ data: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    let outcome = data.withUnsafeBufferPointer { buffer in
      var reader = JSONReader(bytes: buffer)
      return Result { () throws(JSONSyntaxError) in try reader.document() }
    }
    return try outcome.get()
  }

  private mutating func document() throws(JSONSyntaxError) -> JSONNode {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    let value = try self.value()
    skipWhitespace()
    guard position == bytes.count else { throw failure("the end after the value") }
    return value
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONNode {
    skipWhitespace()
    guard position < bytes.count else { throw failure("a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default: return .number(try number())
    }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONNode {
    let empty = try enter(closedBy: UInt8(ascii: "}"))
    defer { depth -= 1 }
    var members: [JSONMember] = []
    if empty { return .object(members) }
    repeat {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("a key in double quotes")
      }
      let key = try string()
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else { throw failure("a colon") }
      members.append(JSONMember(key: key, value: try value()))
      skipWhitespace()
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "}")) else { throw failure("a comma or }") }
    return .object(members)
  }

  /// Numbers go into a flat `[Double]` until an item that is not a number turns the array
  /// into one of nodes.
  private mutating func array() throws(JSONSyntaxError) -> JSONNode {
    let empty = try enter(closedBy: UInt8(ascii: "]"))
    defer { depth -= 1 }
    var numbers: [Double] = []
    if empty { return .numbers(numbers) }
    while true {
      skipWhitespace()
      guard position < bytes.count, Self.startsNumber(bytes[position]) else { break }
      numbers.append(try number())
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      guard consume(UInt8(ascii: "]")) else { throw failure("a comma or ]") }
      return .numbers(numbers)
    }
    var items = numbers.map(JSONNode.number)
    repeat {
      items.append(try value())
      skipWhitespace()
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "]")) else { throw failure("a comma or ]") }
    return .array(items)
  }

  /// Steps over the opening bracket one level deeper; true when `closing` follows at once
  /// (and is stepped over too).
  private mutating func enter(closedBy closing: UInt8) throws(JSONSyntaxError) -> Bool {
    depth += 1
    guard depth <= Limits.jsonNestingDepthMax else {
      throw failure("at most \(Limits.jsonNestingDepthMax) nested arrays and objects")
    }
    position += 1
    skipWhitespace()
    return consume(closing)
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard bytes.count - position >= expected.count,
      bytes[position..<position + expected.count].elementsEqual(expected)
    else { throw failure("a value") }
    position += expected.count
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  private static func startsNumber(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private func failure(_ expected: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset ?? position, expected: expected)
  }
}

/// Numbers and strings.
extension JSONReader {
  /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`; whole numbers of up to 15 digits are
  /// exact without text, others go through the standard library's correctly rounded parser.
  private mutating func number() throws(JSONSyntaxError) -> Double {
    let start = position
    let negative = consume(UInt8(ascii: "-"))
    guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a value") }
    var whole: UInt64 = 0
    var digits = 0
    if !consume(UInt8(ascii: "0")) {
      while position < bytes.count, Self.isDigit(bytes[position]) {
        whole = whole &* 10 &+ UInt64(bytes[position] &- UInt8(ascii: "0"))
        digits += 1
        position += 1
      }
    }
    var simple = digits <= 15
    if consume(UInt8(ascii: ".")) {
      simple = false
      try digitRun()
    }
    if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
      simple = false
      _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
      try digitRun()
    }
    if simple { return negative ? -Double(whole) : Double(whole) }
    guard position - start <= Limits.jsonNumberBytesMax else {
      throw failure("a number of at most \(Limits.jsonNumberBytesMax) characters", at: start)
    }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw failure("a number within the range of a double", at: start)
    }
    return value
  }

  private mutating func digitRun() throws(JSONSyntaxError) {
    guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a digit") }
    while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// A string starting at the opening quote; escapes resolved, UTF-8 checked.
  private mutating func string() throws(JSONSyntaxError) -> String {
    position += 1
    let start = position
    var escaped: [UInt8] = []
    var hasEscapes = false
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        let text =
          hasEscapes
          ? String(validating: escaped, as: UTF8.self)
          : String(
            validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let text else { throw failure("UTF-8 text", at: start) }
        position += 1
        return text
      case UInt8(ascii: "\\"):
        if !hasEscapes { escaped = Array(bytes[start..<position]) }
        hasEscapes = true
        position += 1
        try appendEscape(to: &escaped)
      case 0..<0x20:
        throw failure("no control characters in a string (escape them)")
      default:
        if hasEscapes { escaped.append(byte) }
        position += 1
      }
    }
    throw failure("a closing double quote")
  }

  private mutating func appendEscape(to text: inout [UInt8]) throws(JSONSyntaxError) {
    guard position < bytes.count else { throw failure("an escape") }
    let byte = bytes[position]
    position += 1
    if let plain = byte.jsonEscapedByte {
      text.append(plain)
    } else if byte == UInt8(ascii: "u") {
      text.append(contentsOf: String(try escapedScalar()).utf8)
    } else {
      throw failure("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u", at: position - 1)
    }
  }

  /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
  private mutating func escapedScalar() throws(JSONSyntaxError) -> Unicode.Scalar {
    let first = try hexQuad()
    var value = first
    if (0xD800..<0xDC00).contains(first) {
      guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
        throw failure("the low half of a surrogate pair")
      }
      let second = try hexQuad()
      guard (0xDC00..<0xE000).contains(second) else {
        throw failure("the low half of a surrogate pair", at: position - 4)
      }
      value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw failure("a high surrogate before a low one", at: position - 4)
    }
    return scalar
  }

  private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count, let digit = bytes[position].hexDigitValue else {
        throw failure("four hexadecimal digits")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }
}
