import Foundation
import FoundationXML

/// Reads the rows of one sheet of an .xlsx workbook: the workbook and its relationships say
/// where the sheet is, the shared strings and styles are read first (both optional), then
/// the sheet streams through ``SheetHandler`` one row at a time.
struct XLSXReader {
  private static let sharedStringsPath = "xl/sharedStrings.xml"
  private static let stylesPath = "xl/styles.xml"

  private let archive: ZipArchive
  private let workbook: WorkbookIndex

  /// Opens the workbook in `data`.
  init(data: Data) throws(SpreadsheetError) {
    archive = try ZipArchive(data: data)
    workbook = try WorkbookIndex(archive: archive)
  }

  /// The sheet names in workbook order.
  var sheetNames: [String] { workbook.sheets.map(\.name) }

  /// Calls `body` with each row of the sheet named `sheet` (the first when nil) until it
  /// returns false.
  func forEachRow(
    sheet: String?, _ body: (SheetRow) throws(SpreadsheetError) -> Bool
  ) throws(SpreadsheetError) {
    let path = try workbook.sheetPath(named: sheet)
    let strings = SharedStringsHandler()
    if archive.contains(Self.sharedStringsPath) {
      try archive.parse(Self.sharedStringsPath, with: strings)
    }
    let styles = StylesHandler()
    if archive.contains(Self.stylesPath) {
      try archive.parse(Self.stylesPath, with: styles)
    }
    try withoutActuallyEscaping(body) { (body) throws(SpreadsheetError) in
      let handler = SheetHandler(
        sharedStrings: strings.strings, dateKinds: styles.dateKinds,
        uses1904: workbook.usesDate1904, body: body)
      try archive.parse(path, with: handler)
    }
  }
}
