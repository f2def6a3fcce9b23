/// RFC 4648 base32 (the `A–Z 2–7` alphabet), the encoding authenticator apps expect for TOTP
/// secrets.
///
/// Encoding writes upper case without `=` padding, as `otpauth://` URIs want. Decoding is
/// lenient where people are: it ignores case, spaces and trailing padding, so a secret typed
/// from the setup page in groups of four (`JBSW Y3DP …`) decodes.
public enum Base32 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

  /// Encodes bytes as upper-case base32 without padding.
  public static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count * 8 + 4) / 5)
    var buffer: UInt32 = 0
    var bitCount = 0
    for byte in bytes {
      buffer = (buffer << 8) | UInt32(byte)
      bitCount += 8
      while bitCount >= 5 {
        bitCount -= 5
        output.append(alphabet[Int((buffer >> UInt32(bitCount)) & 0x1F)])
      }
    }
    if bitCount > 0 {
      output.append(alphabet[Int((buffer << UInt32(5 - bitCount)) & 0x1F)])
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes base32, ignoring case, spaces and trailing `=`.
  ///
  /// Refuses characters outside the alphabet, lengths no encoding produces, and leftover bits
  /// that are not zero, so every byte sequence has exactly one accepted spelling (up to case,
  /// spaces and padding).
  public static func decode(_ text: String) throws(Base32Error) -> [UInt8] {
    var symbols = text.utf8.filter { $0 != UInt8(ascii: " ") }
    while symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
    guard ![1, 3, 6].contains(symbols.count % 8) else { throw .invalidLength }
    var output: [UInt8] = []
    output.reserveCapacity(symbols.count * 5 / 8)
    var buffer: UInt32 = 0
    var bitCount = 0
    for symbol in symbols {
      guard let value = value(of: symbol) else { throw .invalidCharacter }
      buffer = (buffer << 5) | value
      bitCount += 5
      if bitCount >= 8 {
        bitCount -= 8
        output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bitCount)))
      }
    }
    guard buffer & ((1 << UInt32(bitCount)) - 1) == 0 else { throw .nonZeroTrailingBits }
    return output
  }

  /// The 5-bit value of one base32 symbol of either case.
  private static func value(of symbol: UInt8) -> UInt32? {
    switch symbol {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(symbol - UInt8(ascii: "A"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(symbol - UInt8(ascii: "a"))
    case UInt8(ascii: "2")...UInt8(ascii: "7"): UInt32(symbol - UInt8(ascii: "2")) + 26
    default: nil
    }
  }
}
