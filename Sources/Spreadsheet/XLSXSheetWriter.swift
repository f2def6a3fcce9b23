import CXLSXWriter
import FreightdeskCore

/// Writes the cells of one worksheet with libxlsxwriter, row after row (as its
/// constant-memory mode requires), each value with the call that keeps its type.
struct XLSXSheetWriter {
  private let sheet: UnsafeMutablePointer<lxw_worksheet>?
  private let headerFormat: UnsafeMutablePointer<lxw_format>?
  private let dateFormat: UnsafeMutablePointer<lxw_format>?
  private var nextRow: lxw_row_t = 0

  /// Adds a sheet named `name` and the formats it uses to `workbook`.
  init(workbook: UnsafeMutablePointer<lxw_workbook>, name: String) {
    sheet = workbook_add_worksheet(workbook, name)
    headerFormat = workbook_add_format(workbook)
    format_set_bold(headerFormat)
    dateFormat = workbook_add_format(workbook)
    format_set_num_format(dateFormat, "yyyy-mm-dd")
  }

  /// Sets the column widths, writes the titles in bold and freezes them above the data.
  mutating func writeHeader(_ columns: [ExportColumn]) throws(SpreadsheetError) {
    guard let sheet else { throw .writeFailed(reason: "workbook_add_worksheet failed") }
    for (index, column) in columns.enumerated() {
      let position = lxw_col_t(index)
      try check(worksheet_set_column(sheet, position, position, column.widthCharacters, nil))
      try check(worksheet_write_string(sheet, 0, position, column.title, headerFormat))
    }
    worksheet_freeze_panes(sheet, 1, 0)
    nextRow = 1
  }

  /// Writes the next row.
  mutating func append(_ row: [CellValue]) throws(SpreadsheetError) {
    for (index, value) in row.enumerated() {
      try check(write(value, column: lxw_col_t(index)))
    }
    nextRow += 1
  }

  private func write(_ value: CellValue, column: lxw_col_t) -> lxw_error {
    switch value {
    case .text(let text):
      return text.isEmpty ? LXW_NO_ERROR : worksheet_write_string(sheet, nextRow, column, text, nil)
    case .number(let number):
      return worksheet_write_number(sheet, nextRow, column, number, nil)
    case .integer(let integer) where integer.magnitude <= CellValue.exactIntegerMax:
      return worksheet_write_number(sheet, nextRow, column, Double(integer), nil)
    case .integer(let integer):
      return worksheet_write_string(sheet, nextRow, column, String(integer), nil)
    case .date(let day):
      var date = lxw_datetime(
        year: Int32(day.year), month: Int32(day.month), day: Int32(day.day), hour: 0, min: 0,
        sec: 0)
      return worksheet_write_datetime(sheet, nextRow, column, &date, dateFormat)
    case .boolean(let flag):
      return worksheet_write_boolean(sheet, nextRow, column, flag ? 1 : 0, nil)
    case .empty:
      return LXW_NO_ERROR
    }
  }

  /// Turns a libxlsxwriter failure into ``SpreadsheetError/writeFailed(reason:)``.
  private func check(_ error: lxw_error) throws(SpreadsheetError) {
    guard error == LXW_NO_ERROR else {
      throw .writeFailed(reason: "row \(nextRow + 1): " + String(cString: lxw_strerror(error)))
    }
  }
}
