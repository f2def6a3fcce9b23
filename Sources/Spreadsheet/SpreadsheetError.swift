public import FreightdeskCore

/// Why a spreadsheet could not be read or written. Each case has a stable code (catalog key
/// `error.<code>`) and the arguments its message quotes.
public enum SpreadsheetError: UserFacingError, Equatable {
  /// The file is larger than ``SpreadsheetLimits/fileBytesMax``.
  case fileTooLarge(bytesMax: Int)
  /// The file holds no header row.
  case empty
  /// The file is an Excel 97-2003 workbook (.xls), which is not read: save it as .xlsx.
  case legacyWorkbook
  /// The text is neither UTF-8, UTF-16 with a byte-order mark, nor GB18030 (which includes GBK).
  case unknownEncoding
  /// A quoted CSV field opened on `line` is never closed.
  case unterminatedQuote(line: Int)
  /// The file is not a readable zip archive, or a part of it is damaged.
  case corruptArchive
  /// A part the workbook needs (such as `xl/workbook.xml`) is missing.
  case missingPart(path: String)
  /// A part is not well-formed XML.
  case malformedPart(path: String, line: Int)
  /// An uncompressed part is larger than ``SpreadsheetLimits/partBytesMax``.
  case partTooLarge(path: String, bytesMax: Int)
  /// The workbook has no sheet of that name (or no sheet at all when `name` is empty).
  case sheetNotFound(name: String)
  /// A cell names a shared string the table does not have, or a malformed cell reference.
  case invalidCell(reference: String)
  /// More data rows than ``SpreadsheetLimits/rowsMax``.
  case tooManyRows(rowsMax: Int)
  /// A row reaches beyond ``SpreadsheetLimits/columnsMax`` columns.
  case tooManyColumns(row: Int, columnsMax: Int)
  /// The shared-string table holds more than ``SpreadsheetLimits/sharedStringsBytesMax``.
  case sharedStringsTooLarge(bytesMax: Int)
  /// A cell holds more than ``SpreadsheetLimits/cellCharactersMax`` characters.
  case cellTooLong(row: Int, column: String, charactersMax: Int)
  /// The spreadsheet library failed to write the workbook; `reason` goes to the log.
  case writeFailed(reason: String)

  /// The stable code naming what is wrong with the file.
  public var code: String {
    switch self {
    case .fileTooLarge: "spreadsheet_file_too_large"
    case .empty: "spreadsheet_empty"
    case .legacyWorkbook: "spreadsheet_xls_unsupported"
    case .unknownEncoding: "spreadsheet_unknown_encoding"
    case .unterminatedQuote: "csv_unterminated_quote"
    case .corruptArchive: "xlsx_corrupt"
    case .missingPart: "xlsx_part_missing"
    case .malformedPart: "xlsx_part_malformed"
    case .partTooLarge: "xlsx_part_too_large"
    case .sheetNotFound: "xlsx_sheet_not_found"
    case .invalidCell: "xlsx_cell_invalid"
    case .tooManyRows: "spreadsheet_too_many_rows"
    case .tooManyColumns: "spreadsheet_too_many_columns"
    case .sharedStringsTooLarge: "xlsx_shared_strings_too_large"
    case .cellTooLong: "spreadsheet_cell_too_long"
    case .writeFailed: "spreadsheet_write_failed"
    }
  }

  /// A bad file is the user's input (400); only a failed write is our own fault (500).
  public var kind: ErrorKind {
    switch self {
    case .writeFailed: .internalFailure
    default: .invalidInput
    }
  }

  /// What the message quotes: limits, the line, row and column, the part or sheet name.
  public var arguments: [String: String] {
    switch self {
    case .fileTooLarge(let bytesMax): ["bytes_max": String(bytesMax)]
    case .empty, .legacyWorkbook, .unknownEncoding, .corruptArchive: [:]
    case .unterminatedQuote(let line): ["line": String(line)]
    case .missingPart(let path): ["part": path]
    case .malformedPart(let path, let line): ["part": path, "line": String(line)]
    case .partTooLarge(let path, let bytesMax): ["part": path, "bytes_max": String(bytesMax)]
    case .sheetNotFound(let name): ["sheet": name]
    case .invalidCell(let reference): ["cell": reference]
    case .tooManyRows(let rowsMax): ["rows_max": String(rowsMax)]
    case .tooManyColumns(let row, let columnsMax):
      ["row": String(row), "columns_max": String(columnsMax)]
    case .sharedStringsTooLarge(let bytesMax): ["bytes_max": String(bytesMax)]
    case .cellTooLong(let row, let column, let charactersMax):
      ["row": String(row), "column": column, "characters_max": String(charactersMax)]
    case .writeFailed(let reason): ["reason": reason]
    }
  }
}
