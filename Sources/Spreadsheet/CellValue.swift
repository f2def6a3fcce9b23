public import FreightdeskCore

/// One cell of an export, typed so a workbook stores numbers as numbers and dates as dates
/// (sortable and summable in Excel), while CSV writes each the way Excel shows it.
public enum CellValue: Sendable, Equatable {
  /// Text, written as typed (never as a formula).
  case text(String)
  /// A number such as a weight or an amount in yuan.
  case number(Double)
  /// An exact integer; beyond 2^53, where a spreadsheet's numbers lose digits (64-bit ids),
  /// it is written as text.
  case integer(Int64)
  /// A calendar day, shown as `yyyy-mm-dd`.
  case date(CivilDate)
  /// TRUE or FALSE.
  case boolean(Bool)
  /// Nothing.
  case empty

  /// The largest integer a spreadsheet number (an IEEE double) holds exactly.
  static let exactIntegerMax: Int64 = 1 << 53

  /// The cell as CSV text: numbers in their shortest exact form, dates as ISO dates.
  var text: String {
    switch self {
    case .text(let text): text
    case .number(let number):
      number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    case .integer(let integer): String(integer)
    case .date(let date): date.description
    case .boolean(let value): value ? "TRUE" : "FALSE"
    case .empty: ""
    }
  }
}

/// A column of an export: its title and its width in characters of the default font.
public struct ExportColumn: Sendable, Equatable {
  /// The title in the header row.
  public var title: String
  /// The width in characters; Chinese characters count double.
  public var widthCharacters: Double

  /// A column titled `title`, as wide as `widthCharacters` or, by default, as its title
  /// (at least 10 characters).
  public init(_ title: String, widthCharacters: Double? = nil) {
    self.title = title
    self.widthCharacters = widthCharacters ?? max(10, Self.displayWidth(of: title) + 2)
  }

  /// The width of `text` on screen, counting East Asian wide characters as two.
  static func displayWidth(of text: String) -> Double {
    Double(text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) })
  }
}
