public import Foundation

/// An uploaded spreadsheet, .xlsx or CSV, read row by row into text cells.
///
/// The format is recognised from the bytes (an .xlsx file is a zip archive), not from the
/// file name. Every read skips blank rows, treats the first remaining row as the header,
/// and enforces ``SpreadsheetLimits``.
///
/// ```swift
/// let file = try SpreadsheetFile(data: upload)
/// let header = try file.header()
/// try file.forEachRow { row in print(row.number, row.cells) }
/// ```
public struct SpreadsheetFile: Sendable {
  /// The two formats an import accepts.
  public enum Format: Sendable, Equatable {
    /// Comma-, semicolon- or tab-separated text in UTF-8, UTF-16 or GB18030.
    case csv
    /// An Office Open XML workbook.
    case xlsx
  }

  /// The format recognised from the file's first bytes.
  public let format: Format
  /// The sheet of a workbook to read; nil reads the first. Ignored for CSV.
  public var sheetName: String?
  private let data: Data

  /// The signature of a zip archive, which an .xlsx file is.
  private static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
  /// The signature of an OLE2 compound file, which an Excel 97-2003 .xls file is.
  private static let compoundFileSignature: [UInt8] = [
    0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1,
  ]

  /// Accepts the bytes of an upload; refuses files over ``SpreadsheetLimits/fileBytesMax``
  /// and Excel 97-2003 workbooks, which must be saved as .xlsx first.
  public init(data: Data, sheetName: String? = nil) throws(SpreadsheetError) {
    guard data.count <= SpreadsheetLimits.fileBytesMax else {
      throw .fileTooLarge(bytesMax: SpreadsheetLimits.fileBytesMax)
    }
    guard !data.starts(with: Self.compoundFileSignature) else { throw .legacyWorkbook }
    self.data = data
    self.sheetName = sheetName
    format = data.starts(with: Self.zipSignature) ? .xlsx : .csv
  }

  /// The names of a workbook's sheets in order; empty for CSV.
  public func sheetNames() throws(SpreadsheetError) -> [String] {
    format == .xlsx ? try XLSXReader(data: data).sheetNames : []
  }

  /// The encoding a CSV file was written in; nil for a workbook.
  public func textEncoding() throws(SpreadsheetError) -> TextEncoding? {
    format == .csv ? try TextEncoding.decode(data).0 : nil
  }

  /// The header: the first row that is not blank. Reads no further than that row.
  public func header() throws(SpreadsheetError) -> [String] {
    var header: [String]?
    try forEachNonBlankRow { row throws(SpreadsheetError) in
      header = row.cells
      return false
    }
    guard let header else { throw .empty }
    return header
  }

  /// Calls `body` with every non-blank row in order, the header first. At most
  /// ``SpreadsheetLimits/rowsMax`` rows follow the header; only one row is held at a time.
  public func forEachRow(_ body: (SheetRow) throws(SpreadsheetError) -> Void)
    throws(SpreadsheetError)
  {
    var dataRowCount = -1
    try forEachNonBlankRow { row throws(SpreadsheetError) in
      dataRowCount += 1
      guard dataRowCount <= SpreadsheetLimits.rowsMax else {
        throw .tooManyRows(rowsMax: SpreadsheetLimits.rowsMax)
      }
      try body(row)
      return true
    }
    guard dataRowCount >= 0 else { throw .empty }
  }

  /// The whole sheet in memory; for small files and tests.
  public func table() throws(SpreadsheetError) -> Table {
    var table: Table?
    try forEachRow { row throws(SpreadsheetError) in
      if table == nil {
        table = Table(header: row.cells, rows: [])
      } else {
        table?.rows.append(row)
      }
    }
    guard let table else { throw .empty }
    return table
  }

  /// Reads rows of either format, checking each one's width and cell lengths, and passes the
  /// non-blank ones to `body` until it returns false.
  private func forEachNonBlankRow(_ body: (SheetRow) throws(SpreadsheetError) -> Bool)
    throws(SpreadsheetError)
  {
    let checked = { (row: SheetRow) throws(SpreadsheetError) -> Bool in
      try Self.check(row)
      return row.isBlank ? true : try body(row)
    }
    switch format {
    case .xlsx:
      try XLSXReader(data: data).forEachRow(sheet: sheetName, checked)
    case .csv:
      try CSVReader(text: TextEncoding.decode(data).1).forEachRecord(checked)
    }
  }

  /// Refuses a row wider than ``SpreadsheetLimits/columnsMax`` or with a cell longer than
  /// ``SpreadsheetLimits/cellCharactersMax``.
  private static func check(_ row: SheetRow) throws(SpreadsheetError) {
    guard row.cells.count <= SpreadsheetLimits.columnsMax else {
      throw .tooManyColumns(row: row.number, columnsMax: SpreadsheetLimits.columnsMax)
    }
    for (column, cell) in row.cells.enumerated()
    where cell.utf16.count > SpreadsheetLimits.cellCharactersMax {
      throw .cellTooLong(
        row: row.number, column: ColumnName.letters(of: column),
        charactersMax: SpreadsheetLimits.cellCharactersMax)
    }
  }
}
