/// Excel's column letters (`A`, `Z`, `AA`, `XFD`) and cell references (`C17`).
public enum ColumnName {
  /// The letters of the 0-based column `index`: 0 → `A`, 26 → `AA`.
  public static func letters(of index: Int) -> String {
    var remaining = index + 1
    var scalars: [Unicode.Scalar] = []
    while remaining > 0 {
      let digit = (remaining - 1) % 26
      scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit)))
      remaining = (remaining - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars.reversed()))
  }

  /// The 0-based column of a cell reference such as `C17` or `$C$17`, or nil when the
  /// reference does not start with letters.
  static func columnIndex(ofReference reference: String) -> Int? {
    var index = 0
    var letterCount = 0
    for byte in reference.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
      case UInt8(ascii: "a")...UInt8(ascii: "z"):
        index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
      case UInt8(ascii: "$"):
        continue
      default:
        return letterCount == 0 ? nil : index - 1
      }
      letterCount += 1
      guard letterCount <= 3 else { return nil }
    }
    return letterCount == 0 ? nil : index - 1
  }
}
