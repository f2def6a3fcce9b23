/// Builds CSV text per RFC 4180: fields separated by commas, records ended by CRLF, and a
/// field quoted (with its quotes doubled) when it holds a comma, quote, CR or LF.
///
/// Exports meant for a spreadsheet should start with a byte-order mark: Excel on Chinese
/// Windows otherwise reads the file as GBK and garbles every Chinese character. Fields that
/// people typed can be guarded against formula injection, so `=HYPERLINK(...)` in a name is
/// shown as text instead of run.
///
/// ```swift
/// var csv = CSVWriter(byteOrderMark: true, guardsFormulas: true)
/// csv.appendRow(["客户", "备注"])
/// csv.appendRow(["福州顺达物流", "say \"hi\", then leave"])
/// csv.text  // "\u{FEFF}客户,备注\r\n福州顺达物流,\"say \"\"hi\"\", then leave\"\r\n"
/// ```
public struct CSVWriter: Sendable {
  /// The UTF-8 byte-order mark (U+FEFF) that tells Excel the file is UTF-8.
  public static let byteOrderMark = "\u{FEFF}"
  /// Characters that make a spreadsheet treat a cell as a formula when they come first.
  private static let formulaStarts = "=+-@\t\r".unicodeScalars
  /// Characters that force a field into quotes.
  private static let quotedCharacters = ",\"\r\n".unicodeScalars

  /// The CSV written so far.
  public private(set) var text: String
  private let guardsFormulas: Bool

  /// Starts an empty document, with the byte-order mark when `byteOrderMark` is true; with
  /// `guardsFormulas`, a field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
  /// apostrophe so spreadsheets show it as text.
  public init(byteOrderMark: Bool = false, guardsFormulas: Bool = false) {
    text = byteOrderMark ? Self.byteOrderMark : ""
    self.guardsFormulas = guardsFormulas
  }

  /// Appends one record; a row of no fields is written as an empty line.
  public mutating func appendRow(_ fields: [String]) {
    text += fields.map(encoded).joined(separator: ",")
    text += "\r\n"
  }

  /// A field as it appears in the file: guarded when asked, then quoted when needed.
  private func encoded(_ field: String) -> String {
    var value = field
    if guardsFormulas, let first = value.unicodeScalars.first, Self.formulaStarts.contains(first) {
      value = "'" + value
    }
    guard value.unicodeScalars.contains(where: Self.quotedCharacters.contains) else { return value }
    return "\"" + value.replacing("\"", with: "\"\"") + "\""
  }
}
