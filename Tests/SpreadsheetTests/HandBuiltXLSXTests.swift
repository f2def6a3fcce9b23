import CZip
import Foundation
import Spreadsheet
import Testing

/// Workbooks written part by part, as Excel and WPS write them (shared strings, rich text,
/// phonetic guides, sparse cells, custom date formats), zipped with libzip.
@Suite struct HandBuiltXLSXTests {
  private static let workbook = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
    <sheets><sheet name="说明" sheetId="1" r:id="rId2"/><sheet name="客户" sheetId="2" r:id="rId1"/>\
    </sheets></workbook>
    """
  private static let relationships = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet2.xml"/>
    <Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/>
    </Relationships>
    """
  private static let sharedStrings = """
    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">
    <si><t>客户名称</t></si>
    <si><r><rPr><b/></rPr><t>联系</t></r><r><t xml:space="preserve">电话 </t></r></si>
    <si><t>福州顺达</t><rPh sb="0" eb="2"><t>fuzhou</t></rPh></si>
    </sst>
    """
  private static let styles = """
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs>
    </styleSheet>
    """
  private static let customerSheet = """
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
    <c r="D1" t="inlineStr"><is><t>签约</t></is></c><c r="E1" t="str"><f>1+1</f><v>x</v></c></row>
    <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>13800138000</v></c>\
    <c r="D3" s="1"><v>46360</v></c><c r="E3" t="b"><v>1</v></c></row>
    <row r="4"><c r="B4" s="0"><v>0.1</v></c><c r="C4" t="e"><v>#N/A</v></c>\
    <c r="D4" s="3"><v>46360.5</v></c><c r="F4" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>
    <row><c><v>1</v></c><c><v>2</v></c></row>
    </sheetData></worksheet>
    """
  private static let notesSheet = """
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
    <row r="1"><c r="A1" t="inlineStr"><is><t>填写说明</t></is></c></row></sheetData></worksheet>
    """

  private static var parts: [String: String] {
    [
      "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": relationships,
      "xl/sharedStrings.xml": sharedStrings, "xl/styles.xml": styles,
      "xl/worksheets/sheet1.xml": notesSheet, "xl/worksheets/sheet2.xml": customerSheet,
    ]
  }

  @Test func sharedInlineRichAndSparseCellsAreRead() throws {
    let file = try SpreadsheetFile(data: try zip(Self.parts), sheetName: "客户")
    let table = try file.table()
    #expect(table.header == ["客户名称", "联系电话 ", "", "签约", "x"])
    #expect(
      table.rows == [
        SheetRow(number: 3, cells: ["福州顺达", "13800138000", "", "2026-12-04", "TRUE"]),
        SheetRow(number: 4, cells: ["", "0.1", "#N/A", "2026-12-04 12:00:00", "", "富文本"]),
        SheetRow(number: 5, cells: ["1", "2"]),
      ])
  }

  @Test func numberFormatsDecideWhichNumbersAreDatesAndTimes() throws {
    var parts = Self.parts
    parts["xl/styles.xml"] = """
      <styleSheet><numFmts>\
      <numFmt numFmtId="164" formatCode="h:mm"/>\
      <numFmt numFmtId="165" formatCode="[Red]#,##0.00_);\\(#,##0.00\\)"/>\
      <numFmt numFmtId="166" formatCode="&quot;day&quot;0"/>\
      <numFmt numFmtId="167" formatCode="[$-804]yyyy/m/d;@"/></numFmts>\
      <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>\
      <xf numFmtId="167"/></cellXfs></styleSheet>
      """
    parts["xl/worksheets/sheet1.xml"] = """
      <worksheet><sheetData><row r="1"><c s="4"><v>59</v></c><c s="4"><v>61</v></c>\
      <c s="1"><v>0.75</v></c><c s="2"><v>1234.5</v></c><c s="3"><v>5</v></c>\
      <c s="4"><v>-1</v></c></row></sheetData></worksheet>
      """
    #expect(
      try SpreadsheetFile(data: try zip(parts)).header() == [
        "1900-02-28", "1900-03-01", "18:00:00", "1234.5", "5", "-1",
      ])
  }

  @Test func serialsOfThe1904DateSystemStartIn1904() throws {
    var parts = Self.parts
    parts["xl/workbook.xml"] = Self.workbook.replacingOccurrences(
      of: "<sheets>", with: "<workbookPr date1904=\"1\"/><sheets>")
    parts["xl/worksheets/sheet1.xml"] = """
      <worksheet><sheetData><row r="1"><c s="2"><v>0</v></c><c s="2"><v>366</v></c></row>\
      </sheetData></worksheet>
      """
    #expect(try SpreadsheetFile(data: try zip(parts)).header() == ["1904-01-01", "1905-01-01"])
  }

  @Test func theFirstSheetInWorkbookOrderIsReadByDefault() throws {
    let file = try SpreadsheetFile(data: try zip(Self.parts))
    #expect(try file.sheetNames() == ["说明", "客户"])
    #expect(try file.header() == ["填写说明"])
  }

  @Test func aWorkbookWithoutSharedStringsOrStylesIsRead() throws {
    var parts = Self.parts
    parts["xl/sharedStrings.xml"] = nil
    parts["xl/styles.xml"] = nil
    let file = try SpreadsheetFile(data: try zip(parts))
    #expect(try file.header() == ["填写说明"])
  }

  @Test func aMissingWorkbookPartIsNamed() throws {
    var parts = Self.parts
    parts["xl/workbook.xml"] = nil
    #expect(throws: SpreadsheetError.missingPart(path: "xl/workbook.xml")) {
      try SpreadsheetFile(data: try zip(parts)).header()
    }
  }

  @Test func aSharedStringIndexOutsideTheTableIsReported() throws {
    var parts = Self.parts
    parts["xl/worksheets/sheet1.xml"] = """
      <worksheet><sheetData><row r="1"><c r="B1" t="s"><v>9</v></c></row></sheetData></worksheet>
      """
    #expect(throws: SpreadsheetError.invalidCell(reference: "B1")) {
      try SpreadsheetFile(data: try zip(parts)).header()
    }
  }

  @Test func aCellBeyondTheColumnLimitIsRefused() throws {
    var parts = Self.parts
    parts["xl/worksheets/sheet1.xml"] = """
      <worksheet><sheetData><row r="1"><c r="ZZ1"><v>1</v></c></row></sheetData></worksheet>
      """
    #expect(
      throws: SpreadsheetError.tooManyColumns(row: 1, columnsMax: SpreadsheetLimits.columnsMax)
    ) { try SpreadsheetFile(data: try zip(parts)).header() }
  }

  @Test func malformedXMLNamesThePart() throws {
    var parts = Self.parts
    parts["xl/workbook.xml"] = "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\"></workbook>"
    #expect(throws: SpreadsheetError.self) {
      try SpreadsheetFile(data: try zip(parts)).header()
    }
    do {
      _ = try SpreadsheetFile(data: try zip(parts)).header()
    } catch let error as SpreadsheetError {
      #expect(error.code == "xlsx_part_malformed")
      #expect(error.arguments["part"] == "xl/workbook.xml")
    }
  }

  @Test func bytesThatOnlyLookLikeAZipAreACorruptArchive() throws {
    let garbage = Data([0x50, 0x4B, 0x03, 0x04] + (0..<200).map { UInt8($0 % 251) })
    #expect(throws: SpreadsheetError.corruptArchive) {
      try SpreadsheetFile(data: garbage).header()
    }
  }

  @Test func aTruncatedWorkbookIsACorruptArchive() throws {
    let data = try zip(Self.parts)
    #expect(throws: SpreadsheetError.corruptArchive) {
      try SpreadsheetFile(data: data.prefix(data.count / 2)).header()
    }
  }

  @Test func anExcel97WorkbookIsRefusedWithAskingForXLSX() {
    let xls = Data(
      [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
    #expect(throws: SpreadsheetError.legacyWorkbook) { try SpreadsheetFile(data: xls) }
  }

  /// The parts zipped with libzip into an archive in memory.
  private func zip(_ parts: [String: String]) throws -> Data {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("handbuilt-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    var error: Int32 = 0
    let archive = try #require(zip_open(url.path, ZIP_CREATE | ZIP_TRUNCATE, &error))
    for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
      let bytes = Array(text.utf8)
      let buffer = try #require(malloc(max(bytes.count, 1)))
      buffer.copyMemory(from: bytes, byteCount: bytes.count)
      let source = try #require(zip_source_buffer(archive, buffer, UInt64(bytes.count), 1))
      try #require(zip_file_add(archive, path, source, ZIP_FL_ENC_UTF_8) >= 0)
    }
    try #require(zip_close(archive) == 0)
    return try Data(contentsOf: url)
  }
}
