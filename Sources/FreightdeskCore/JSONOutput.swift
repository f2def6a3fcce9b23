/// The growing byte buffer ``CompactJSONEncoder`` writes into, with the scalar forms written
/// exactly as Foundation's `JSONEncoder` writes them: strings with `\"`, `\\`, `\b`, `\f`,
/// `\n`, `\r`, `\t` and `\u00XX` (lowercase hex) for the other control characters, everything
/// else as raw UTF-8 and `/` unescaped; integers in decimal; floating-point numbers as Swift's
/// shortest round-trip text without a trailing `.0`.
final class JSONOutput {
  // The encoder touches these for every value it writes, always from one thread and never in
  // overlapping accesses; run-time exclusivity checks on them cost a fifth of its time.
  /// The bytes written so far.
  @exclusivity(unchecked) var bytes: [UInt8] = []
  /// Reused by objects to reorder their members without allocating for each object.
  @exclusivity(unchecked) var scratch: [UInt8] = []

  /// An empty buffer with room for a typical API answer.
  init() {
    bytes.reserveCapacity(1024)
  }

  /// Appends `text` as a quoted JSON string.
  func append(string text: String) {
    var text = text
    text.withUTF8 { utf8 in append(stringUTF8: utf8) }
  }

  private func append(stringUTF8 utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    for index in 0..<utf8.count {
      let byte = utf8[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      if runStart < index {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      }
      appendEscape(byte)
      runStart = index + 1
    }
    if runStart < utf8.count {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private func appendEscape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    default:
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
        Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)],
      ])
    }
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `value` in decimal.
  func append<T: FixedWidthInteger>(integer value: T) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = UInt64(value.magnitude)
    if magnitude < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
      return
    }
    // 20 digits hold UInt64.max.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var position = 20
      while magnitude > 0 {
        position -= 1
        digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position..<20]))
    }
  }

  /// Appends a floating-point `value`, refusing NaN and infinity as Foundation does: they
  /// throw `EncodingError.invalidValue` at `path`.
  func append<T: BinaryFloatingPoint & LosslessStringConvertible & Encodable>(
    float value: T, path: @autoclosure () -> [any CodingKey]
  ) throws {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value,
        EncodingError.Context(
          codingPath: path(),
          debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."
        ))
    }
    append(finite: value)
  }

  /// Appends a finite floating-point `value` as Foundation does: Swift's shortest text that
  /// reads back to the same value (`0.05`, `1e-07`, `1e+20`, `-0`), without a trailing `.0`.
  func append<T: BinaryFloatingPoint & LosslessStringConvertible>(finite value: T) {
    // A Double's whole numbers below 10^15 (weights, counts) print as integers without
    // building the shortest-text string. Swift writes a Double in exponent form only from
    // 2^53, a Float already from 2^24; -0 keeps its sign.
    if T.significandBitCount >= 52, value.magnitude < 1e15, value == value.rounded(.towardZero),
      !(value == 0 && value.sign == .minus)
    {
      append(integer: Int64(value))
      return
    }
    var text = value.description
    if text.utf8.count > 2, text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends JSON text that is already well-formed, such as `null` or a member's separator.
  func append(raw text: StaticString) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}
