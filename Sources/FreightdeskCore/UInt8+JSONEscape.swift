extension UInt8 {
  /// The byte that a JSON escape of this letter stands for (`"`, `\`, `/`, `b`, `f`, `n`,
  /// `r`, `t` after a backslash), or nil: `u` (four hex digits follow) and anything else,
  /// which is not a JSON escape.
  public var jsonEscapedByte: UInt8? {
    switch self {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): self
    case UInt8(ascii: "b"): 0x08
    case UInt8(ascii: "f"): 0x0C
    case UInt8(ascii: "n"): 0x0A
    case UInt8(ascii: "r"): 0x0D
    case UInt8(ascii: "t"): 0x09
    default: nil
    }
  }
}
