import CXLSXWriter
public import Foundation
import FreightdeskCore

/// Exports a list as a file a person opens in Excel: CSV (UTF-8 with a byte-order mark, so
/// Chinese Excel reads it right, and formulas guarded) or .xlsx (bold frozen header, column
/// widths, numbers and dates typed).
///
/// ```swift
/// let columns = [ExportColumn("客户"), ExportColumn("信用额度", widthCharacters: 14)]
/// let rows: [[CellValue]] = [[.text("福州顺达物流"), .number(50_000)]]
/// let workbook = try SpreadsheetExport.xlsx(sheetName: "客户", columns: columns, rows: rows)
/// ```
public enum SpreadsheetExport {
  /// Characters Excel forbids in sheet names.
  private static let sheetNameForbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
  /// The longest sheet name Excel accepts.
  private static let sheetNameCharactersMax = 31

  /// The rows as CSV bytes under a header of the column titles.
  public static func csv(columns: [ExportColumn], rows: some Sequence<[CellValue]>) -> Data {
    var writer = CSVWriter(byteOrderMark: true, guardsFormulas: true)
    writer.appendRow(columns.map(\.title))
    for row in rows {
      writer.appendRow(row.map(\.text))
    }
    return Data(writer.text.utf8)
  }

  /// The rows as an .xlsx workbook of one sheet, written row by row in libxlsxwriter's
  /// constant-memory mode through a temporary file.
  public static func xlsx(
    sheetName: String, columns: [ExportColumn], rows: some Sequence<[CellValue]>
  ) throws(SpreadsheetError) -> Data {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("freightdesk-export-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
    guard let workbook = workbook_new_opt(url.path, &options) else {
      throw .writeFailed(reason: "workbook_new_opt failed")
    }
    var sheet = XLSXSheetWriter(workbook: workbook, name: safeSheetName(sheetName))
    let written = Result { () throws(SpreadsheetError) in
      try sheet.writeHeader(columns)
      for row in rows {
        try sheet.append(row)
      }
    }
    let closed = workbook_close(workbook)
    try written.get()
    guard closed == LXW_NO_ERROR else {
      throw .writeFailed(reason: String(cString: lxw_strerror(closed)))
    }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw .writeFailed(reason: "reading the written workbook: \(error)")
    }
  }

  /// `name` with the characters Excel forbids replaced and cut to 31 characters.
  static func safeSheetName(_ name: String) -> String {
    let cleaned = String(name.map { sheetNameForbidden.contains($0) ? "_" : $0 })
      .prefix(sheetNameCharactersMax)
    return cleaned.isEmpty ? "Sheet1" : String(cleaned)
  }
}
