import Foundation
import FreightdeskCore
import Spreadsheet
import Web

/// One way every CRM list becomes a file: CSV (UTF-8 with a byte-order mark) or .xlsx, with
/// the right content type and a download name.
enum ListExport {
  /// The two file formats.
  enum Format: String, CaseIterable {
    /// CSV in UTF-8 with a byte-order mark.
    case csv
    /// An .xlsx workbook.
    case xlsx
  }

  /// The format a request's `format` query parameter names (CSV when absent).
  static func format(_ request: Request) throws -> Format {
    guard let format = Format(rawValue: request.queryValue("format") ?? "csv") else {
      throw ValidationFailure(pointer: "/query/format", code: "unknown_choice")
    }
    return format
  }

  /// `rows` under `columns` as a download named `name` with the format's extension.
  static func file(
    columns: [ExportColumn], rows: [[CellValue]], format: Format, sheetName: String,
    name: String
  ) throws -> Response {
    let data: Data
    let contentType: String
    switch format {
    case .csv:
      data = SpreadsheetExport.csv(columns: columns, rows: rows)
      contentType = "text/csv; charset=utf-8"
    case .xlsx:
      data = try SpreadsheetExport.xlsx(sheetName: sheetName, columns: columns, rows: rows)
      contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
    return Response(
      status: 200,
      headers: [
        "Content-Type": contentType,
        "Content-Disposition": "attachment; filename=\"\(name).\(format.rawValue)\"",
      ],
      body: Array(data))
  }
}
