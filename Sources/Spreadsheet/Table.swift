/// One row of a sheet as read: its number as the user sees it in Excel (the header is
/// usually row 1) and its cells as text, left to right. Cells after the last non-empty one
/// may be missing; ``cell(at:)`` reads them as empty.
public struct SheetRow: Sendable, Equatable {
  /// The 1-based row number in the file, for error messages ("row 17").
  public var number: Int
  /// The cell texts; a number is written the way Excel shows it, a date as `yyyy-MM-dd`.
  public var cells: [String]

  /// Creates a row.
  public init(number: Int, cells: [String]) {
    self.number = number
    self.cells = cells
  }

  /// The cell in column `index` (0-based), or an empty string past the row's end.
  public func cell(at index: Int) -> String {
    cells.indices.contains(index) ? cells[index] : ""
  }

  /// True when every cell is empty or whitespace, as Excel leaves behind formatted rows.
  public var isBlank: Bool {
    cells.allSatisfy { $0.allSatisfy(\.isWhitespace) }
  }
}

/// A whole sheet in memory: the header (the first non-blank row) and the data rows after it.
/// Fine for small files and tests; big imports stream rows with
/// ``SpreadsheetFile/forEachRow(_:)`` instead.
public struct Table: Sendable, Equatable {
  /// The column titles.
  public var header: [String]
  /// The data rows, blank rows left out.
  public var rows: [SheetRow]

  /// Creates a table.
  public init(header: [String], rows: [SheetRow]) {
    self.header = header
    self.rows = rows
  }
}
