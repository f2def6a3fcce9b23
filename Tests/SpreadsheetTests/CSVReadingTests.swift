import Foundation
import Glibc
import Spreadsheet
import Testing

@Suite struct CSVReadingTests {
  private func table(_ text: String) throws -> Table {
    try SpreadsheetFile(data: Data(text.utf8)).table()
  }

  @Test func quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws {
    let table = try table(
      "名称,备注\r\n\"顺达, 福州\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\"crlf\r\ninside\"\r\n")
    #expect(table.header == ["名称", "备注"])
    #expect(
      table.rows.map(\.cells) == [["顺达, 福州", "say \"hi\""], ["two\nlines", "crlf\r\ninside"]])
  }

  @Test func recordsEndWithCRLFOrLFOrCRAndTheLastNeedsNoEnding() throws {
    let table = try table("a,b\n1,2\r\n3,4\r5,6")
    #expect(table.rows.map(\.cells) == [["1", "2"], ["3", "4"], ["5", "6"]])
  }

  @Test func rowsAreNumberedAsExcelShowsThemAndBlankRowsAreSkipped() throws {
    let table = try table("a,b\n\n1,2\n , \n3,4\n")
    #expect(table.rows.map(\.number) == [3, 5])
  }

  @Test func emptyFieldsAndShortRowsReadAsEmpty() throws {
    let table = try table("a,b,c\n1,,3\n4\n")
    #expect(table.rows[0].cells == ["1", "", "3"])
    #expect(table.rows[1].cell(at: 2) == "")
  }

  @Test(arguments: [
    ("a;b;c\n1;2,5;3\n", ["1", "2,5", "3"]), ("a\tb\tc\n1\t2\t3\n", ["1", "2", "3"]),
  ])
  func theDelimiterIsDetectedFromTheHeader(text: String, expected: [String]) throws {
    #expect(try table(text).rows.first?.cells == expected)
  }

  @Test func aDelimiterInsideAQuotedHeaderDoesNotCount() throws {
    let table = try table("\"a;b\",c\n1,2\n")
    #expect(table.header == ["a;b", "c"])
  }

  @Test func aByteOrderMarkIsNotPartOfTheFirstTitle() throws {
    let file = try SpreadsheetFile(data: Data(([0xEF, 0xBB, 0xBF] + Array("客户,电话\n".utf8))))
    #expect(try file.header() == ["客户", "电话"])
    #expect(try file.textEncoding() == .utf8)
  }

  @Test func anUnterminatedQuoteIsReportedWithTheLineItOpenedOn() throws {
    #expect(throws: SpreadsheetError.unterminatedQuote(line: 3)) {
      try table("a,b\n1,2\n3,\"open\nstill open\n")
    }
  }

  @Test func gbkTextAsChineseExcelSavesItIsDecoded() throws {
    let text = "客户名称,联系电话,地址\r\n福州顺达物流有限公司,13800138000,福建省福州市鼓楼区\r\n"
    let file = try SpreadsheetFile(data: try gbkBytes(text))
    #expect(try file.textEncoding() == .gb18030)
    let table = try file.table()
    #expect(table.header == ["客户名称", "联系电话", "地址"])
    #expect(table.rows.first?.cells == ["福州顺达物流有限公司", "13800138000", "福建省福州市鼓楼区"])
  }

  @Test func utf16TextWithAByteOrderMarkIsDecoded() throws {
    let data = "客户\t电话\n顺达\t1\n".data(using: .utf16LittleEndian)!
    let file = try SpreadsheetFile(data: Data([0xFF, 0xFE]) + data)
    #expect(try file.table().rows.first?.cells == ["顺达", "1"])
    #expect(try file.textEncoding() == .utf16)
  }

  @Test func bytesThatAreNeitherUTF8NorGB18030AreRefused() throws {
    // 0x80 alone and 0xFF are undefined in GB18030.
    let file = try SpreadsheetFile(data: Data([0x61, 0x2C, 0xFF, 0xFF, 0x0A]))
    #expect(throws: SpreadsheetError.unknownEncoding) { try file.table() }
  }

  @Test func aFileWithoutAnyRowIsEmpty() throws {
    #expect(throws: SpreadsheetError.empty) { try table("\n \n") }
  }

  @Test func anOverlongCellIsRefusedWithItsRowAndColumn() throws {
    let long = String(repeating: "x", count: SpreadsheetLimits.cellCharactersMax + 1)
    #expect(
      throws: SpreadsheetError.cellTooLong(
        row: 2, column: "B", charactersMax: SpreadsheetLimits.cellCharactersMax)
    ) { try table("a,b\n1,\(long)\n") }
  }

  @Test func moreRowsThanTheLimitAreRefused() throws {
    let text = "a\n" + String(repeating: "1\n", count: SpreadsheetLimits.rowsMax + 1)
    #expect(throws: SpreadsheetError.tooManyRows(rowsMax: SpreadsheetLimits.rowsMax)) {
      try SpreadsheetFile(data: Data(text.utf8)).forEachRow { _ in }
    }
  }

  @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() {
    #expect(throws: SpreadsheetError.fileTooLarge(bytesMax: SpreadsheetLimits.fileBytesMax)) {
      try SpreadsheetFile(data: Data(count: SpreadsheetLimits.fileBytesMax + 1))
    }
  }

  /// `text` encoded as GBK with glibc's iconv, the way Chinese Windows saves it.
  private func gbkBytes(_ text: String) throws -> Data {
    let converter = iconv_open("GBK", "UTF-8")
    try #require(converter != iconv_t(bitPattern: -1))
    defer { iconv_close(converter) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2)
    let count = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        var inputPointer = inputBuffer.baseAddress
        var inputLeft = inputBuffer.count
        var outputPointer = outputBuffer.baseAddress
        var outputLeft = outputBuffer.count
        let result = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
        return result == -1 ? -1 : outputBuffer.count - outputLeft
      }
    }
    try #require(count > 0)
    let bytes = Data(output[..<count].map { UInt8(bitPattern: $0) })
    #expect(String(validating: bytes, as: UTF8.self) == nil, "GBK bytes are not valid UTF-8")
    return bytes
  }
}
