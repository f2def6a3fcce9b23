/// Parses RFC 8259 JSON text into a ``JSONValue``, accepting and refusing what Foundation's
/// `JSONSerialization` does (with fragments allowed): strict number grammar, no control
/// characters in strings, no lone surrogates, valid UTF-8, nesting at most `depthMax` deep;
/// like it, a comma may follow the last element of an array or object.
///
/// It exists because parsing through `JSONSerialization` boxed every value in an `NSNumber`,
/// `NSString` or `NSDictionary` first and cost more than decoding the request itself.
struct JSONParser {
  /// How deeply arrays and objects may nest.
  static let depthMax = 512

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The document in `bytes`, or nil when it is not well-formed.
  static func parse(_ bytes: [UInt8]) -> JSONValue? {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer)
      // A UTF-8 byte-order mark is allowed, as Foundation allows it.
      if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
      parser.skipWhitespace()
      guard let value = parser.value() else { return nil }
      parser.skipWhitespace()
      return parser.index == buffer.count ? value : nil
    }
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current,
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\t")
    {
      index += 1
    }
  }

  private mutating func value() -> JSONValue? {
    guard let first = current else { return nil }
    switch first {
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return array()
    case UInt8(ascii: "\""): return string().map(JSONValue.string)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
    default: return nil
    }
  }

  private mutating func literal(_ text: StaticString, _ value: JSONValue) -> JSONValue? {
    let length = text.utf8CodeUnitCount
    guard index + length <= bytes.count else { return nil }
    for offset in 0..<length where bytes[index + offset] != text.utf8Start[offset] { return nil }
    index += length
    return value
  }

  /// Consumes `byte` after optional white space.
  private mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard current == byte else { return false }
    index += 1
    return true
  }

  private mutating func array() -> JSONValue? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.depthMax else { return nil }
    index += 1
    var items: [JSONValue] = []
    repeat {
      if consume(UInt8(ascii: "]")) { return .array(items) }
      guard let item = value() else { return nil }
      items.append(item)
    } while consume(UInt8(ascii: ","))
    return consume(UInt8(ascii: "]")) ? .array(items) : nil
  }

  private mutating func object() -> JSONValue? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.depthMax else { return nil }
    index += 1
    var fields: [(String, JSONValue)] = []
    fields.reserveCapacity(8)
    repeat {
      if consume(UInt8(ascii: "}")) {
        Self.sortByKey(&fields)
        return .object(fields)
      }
      guard current == UInt8(ascii: "\""), let key = string(), consume(UInt8(ascii: ":")) else {
        return nil
      }
      skipWhitespace()
      guard let member = value() else { return nil }
      fields.append((key, member))
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "}")) else { return nil }
    Self.sortByKey(&fields)
    return .object(fields)
  }

  /// Puts the members in key order, as `JSONValue` has always held them; of repeated keys the
  /// last one counts, as in Foundation's dictionaries. Members already in strictly increasing
  /// order (what this program writes, keys sorted) stay as they are. The few members of a
  /// request body's objects are sorted in place by insertion, which costs a fraction of sorting
  /// an array of indices; long objects take the library's sort.
  private static func sortByKey(_ fields: inout [(String, JSONValue)]) {
    if zip(fields, fields.dropFirst()).allSatisfy({ $0.0 < $1.0 }) { return }
    if fields.count <= insertionSortCountMax {
      fields.withUnsafeMutableBufferPointer { members in
        // Stable: a member moves only past members with greater keys.
        for index in 1..<members.count {
          var position = index
          while position > 0 && members[position].0 < members[position - 1].0 {
            members.swapAt(position, position - 1)
            position -= 1
          }
        }
      }
    } else {
      let original = fields
      fields = original.indices.sorted { left, right in
        original[left].0 < original[right].0
          || (original[left].0 == original[right].0 && left < right)
      }.map { original[$0] }
    }
    // Of equal keys, now next to each other in their original order, the last one stays.
    let kept = fields.withUnsafeMutableBufferPointer { members in
      var kept = 0
      for index in members.indices {
        if index + 1 < members.count && members[index + 1].0 == members[index].0 { continue }
        if kept != index { members.swapAt(kept, index) }
        kept += 1
      }
      return kept
    }
    fields.removeLast(fields.count - kept)
  }

  /// The most members sorted by insertion (whose comparisons grow with the square of the count).
  private static let insertionSortCountMax = 16

  /// A string literal starting at the opening quote.
  private mutating func string() -> String? {
    index += 1
    let start = index
    var ascii = true
    while let byte = current, byte != UInt8(ascii: "\"") {
      if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
      if byte < 0x20 { return nil }
      ascii = ascii && byte < 0x80
      index += 1
    }
    guard current != nil else { return nil }
    defer { index += 1 }
    return Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index]), ascii: ascii)
  }

  /// `utf8` as a string, nil when it is not well-formed UTF-8. Decoding repairs ill-formed
  /// input with U+FFFD, so well-formed input is exactly what comes back byte for byte; this
  /// costs a fraction of `String(validating:as:)`, which is not specialized for buffers and
  /// took about a thousand instructions for every key and value of a request body.
  private static func text(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
    var text = String(decoding: utf8, as: UTF8.self)
    if ascii { return text }
    return text.withUTF8 { $0.elementsEqual(utf8) } ? text : nil
  }

  /// The rest of a string literal that holds escapes, its first `index - start` bytes plain.
  private mutating func escapedString(from start: Int) -> String? {
    var utf8 = Array(bytes[start..<index])
    while let byte = current, byte != UInt8(ascii: "\"") {
      index += 1
      if byte < 0x20 { return nil }
      guard byte == UInt8(ascii: "\\") else {
        utf8.append(byte)
        continue
      }
      guard let escaped = current else { return nil }
      index += 1
      if let plain = escaped.jsonEscapedByte {
        utf8.append(plain)
      } else if escaped == UInt8(ascii: "u"), let scalar = unicodeEscape() {
        utf8.append(contentsOf: String(Character(scalar)).utf8)
      } else {
        return nil
      }
    }
    guard current != nil else { return nil }
    index += 1
    return utf8.withUnsafeBufferPointer { Self.text($0, ascii: false) }
  }

  /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
  private mutating func unicodeEscape() -> Unicode.Scalar? {
    guard let high = hexQuad() else { return nil }
    guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
    guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
      bytes[index + 1] == UInt8(ascii: "u")
    else { return nil }
    index += 2
    guard let low = hexQuad(), (0xDC00...0xDFFF).contains(low) else { return nil }
    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
  }

  private mutating func hexQuad() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = bytes[index].hexDigitValue else { return nil }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  /// A number: an integer that fits in `Int64` as `.integer`, anything else as a finite
  /// `.number`; `-0` stays a negative zero.
  private mutating func number() -> JSONValue? {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else {
      guard skipDigits() else { return nil }
    }
    var isInteger = true
    if current == UInt8(ascii: ".") {
      index += 1
      isInteger = false
      guard skipDigits() else { return nil }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      isInteger = false
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard skipDigits() else { return nil }
    }
    if isInteger, let integer = Self.integer(UnsafeBufferPointer(rebasing: bytes[start..<index])) {
      return .integer(integer)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let number = Double(text), number.isFinite else { return nil }
    return .number(number)
  }

  /// The value of an integer literal (digits after an optional `-`) read straight from its
  /// bytes, nil when it is not an `Int64` that Foundation reads as one: it reads `-0`,
  /// `Int64.min` and anything larger in magnitude as floating-point numbers.
  private static func integer(_ literal: UnsafeBufferPointer<UInt8>) -> Int64? {
    let negative = literal.first == UInt8(ascii: "-")
    var magnitude: UInt64 = 0
    for byte in literal.dropFirst(negative ? 1 : 0) {
      let (times10, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, carried) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
      guard !overflowed, !carried else { return nil }
      magnitude = sum
    }
    guard magnitude <= UInt64(Int64.max), !(negative && magnitude == 0) else { return nil }
    return negative ? -Int64(magnitude) : Int64(magnitude)
  }

  /// Skips one or more digits; false when there is none.
  private mutating func skipDigits() -> Bool {
    let start = index
    while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
    return index > start
  }
}
