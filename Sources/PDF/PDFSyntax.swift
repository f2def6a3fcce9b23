/// The lexical pieces of PDF the writer needs: numbers, hex strings and text strings, each
/// spelled one way only, so the same document always gives the same bytes.
enum PDFSyntax {
  /// A real number with at most three decimals and no trailing zeros (`12`, `0.5`, `-3.125`);
  /// PDF readers need no more than a thousandth of a point.
  static func number(_ value: Double) -> String {
    let thousandths = Int64((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    let magnitude = thousandths.magnitude
    let whole = magnitude / 1000
    var fraction = magnitude % 1000
    guard fraction != 0 else { return thousandths == 0 ? "0" : sign + String(whole) }
    var digits = 3
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
    return "\(sign)\(whole).\(padded)"
  }

  /// Four upper-case hex digits.
  static func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }

  /// A text string for the document information: UTF-16BE with a byte-order mark, in hex, so
  /// any title (Chinese included) survives.
  static func textString(_ text: String) -> String {
    "<FEFF" + text.utf16.map(hex).joined() + ">"
  }
}
