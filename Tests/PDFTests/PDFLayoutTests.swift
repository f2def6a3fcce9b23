import Testing

@testable import PDF

@Suite struct PDFLayoutTests {
  let style = PDFTextStyle(sizePoints: 10)

  /// The height of one line of `style`.
  var lineHeight: Double { PDFTextBlock("运", style: style).heightPoints }

  @Test func chineseCharactersAreOneEmWideAndBreakBetweenAnyTwo() {
    #expect(abs(PDFTextBlock("运单", style: style).widthPoints - 20) < 0.01)
    // 32 points hold three characters at 10 points.
    let block = PDFTextBlock("上海市浦东新区张江路", widthPoints: 32, style: style)
    #expect(block.lineCount == 4)
    #expect(abs(block.heightPoints - 4 * lineHeight) < 0.01)
    #expect(lineHeight > style.sizePoints)
  }

  @Test func longerTextTakesMoreLinesAndMoreHeight() {
    let short = PDFTextBlock("浦东新区", widthPoints: 60, style: style)
    let long = PDFTextBlock("上海市浦东新区张江路八十八号二号楼", widthPoints: 60, style: style)
    #expect(short.lineCount == 1)
    #expect(long.lineCount == 3)
    #expect(long.heightPoints > short.heightPoints)
  }

  @Test func latinBreaksAtSpacesAndLongWordsBetweenLetters() {
    let first = PDFTextBlock("Room 1201", style: style).widthPoints
    let second = PDFTextBlock("Zhangjiang", style: style).widthPoints
    let words = PDFTextBlock(
      "Room 1201 Zhangjiang", widthPoints: max(first, second) + 1, style: style)
    #expect(words.lineCount == 2)
    let word = PDFTextBlock("ABCDEFGHIJ", style: style)
    #expect(
      PDFTextBlock("ABCDEFGHIJ", widthPoints: word.widthPoints / 2, style: style).lineCount >= 2)
    // Bold is wider than regular: a real bold face, not the same glyphs.
    #expect(
      PDFTextBlock("ABCDEFGHIJ", style: PDFTextStyle(sizePoints: 10, bold: true)).widthPoints
        > word.widthPoints)
  }

  @Test func lineBreaksAreKeptUnlessLinesAreLimitedAndControlCharactersAreSpaces() {
    #expect(PDFTextBlock("一\n二", widthPoints: 100, style: style).lineCount == 2)
    #expect(PDFTextBlock("一\r\n二", style: style).lineCount == 2)
    let limited = PDFTextBlock("一\n二", widthPoints: 100, style: style, linesMax: 2)
    #expect(limited.text == "一 二")
    #expect(limited.lineCount == 1)
    #expect(PDFTextBlock("a\tb\u{7}c", style: style).text == "a b c")
  }

  @Test func textBeyondTheLineLimitIsCut() {
    let cut = PDFTextBlock("一二三四五六七八九十", widthPoints: 32, style: style, linesMax: 2)
    #expect(cut.lineCount == 2)
    #expect(cut.isTruncated)
    #expect(abs(cut.heightPoints - 2 * lineHeight) < 0.01)
    let whole = PDFTextBlock("一二三四五六", widthPoints: 32, style: style, linesMax: 2)
    #expect(whole.lineCount == 2)
    #expect(!whole.isTruncated)
  }

  @Test func aTableRowIsAsTallAsItsTallestCell() {
    let table = PDFTable(
      columns: [.init("品名", widthPoints: 38), .init("件数", widthPoints: 40, alignment: .right)],
      style: style, paddingPoints: 3)
    #expect(table.widthPoints == 78)
    // 32 points of text width: three characters a line, so 七个字的品名啊 takes three lines.
    #expect(abs(table.heightPoints(ofRow: ["七个字的品名啊", "2"]) - (3 * lineHeight + 6)) < 0.01)
    #expect(abs(table.heightPoints(ofRow: ["服装", "2"]) - (lineHeight + 6)) < 0.01)
    let operations = table.row(["服装", "2"], at: PDFPoint(x: 10, y: 20))
    #expect(
      operations.contains(
        .strokeRectangle(
          PDFRect(x: 10, y: 20, width: 38, height: table.heightPoints(ofRow: ["服装", "2"])),
          widthPoints: 0.5)))
    // The number is set right-aligned in its cell's width inside the padding.
    let number = PDFTextBlock("2", widthPoints: 34, style: style, alignment: .right)
    #expect(operations.contains(.text(number, at: PDFPoint(x: 51, y: 23))))
  }

  @Test func code128HasQuietZonesAndBarsWithinTheSymbol() throws {
    let symbol = try PDFSymbol.code128("TO20261204-0007")
    #expect(!symbol.bars.isEmpty)
    let left = symbol.bars.map(\.x).min() ?? 0
    let right = symbol.bars.map(\.right).max() ?? 0
    #expect(left >= 10)
    #expect(symbol.widthModules - right >= 10)
    let placed = symbol.bars(in: PDFRect(x: 100, y: 50, width: 200, height: 40))
    #expect(placed.allSatisfy { $0.x >= 100 && $0.right <= 300.001 && $0.bottom <= 90.001 })
  }

  @Test func qrCodesAreSquareWithAFourModuleQuietZone() throws {
    let symbol = try PDFSymbol.qrCode("https://example.cn/track?company=shunda&waybill=TO1")
    #expect(symbol.widthModules == symbol.heightModules)
    let modules = Int(symbol.widthModules) - 8
    #expect(modules >= 21 && (modules - 21) % 4 == 0)
  }

  @Test func symbolsRefuseEmptyAndOverlongText() {
    #expect(throws: PDFSymbolError.empty) { try PDFSymbol.code128("") }
    let long = String(repeating: "A", count: PDFLimits.symbolTextBytesMax + 1)
    #expect(throws: PDFSymbolError.tooLong(bytesMax: PDFLimits.symbolTextBytesMax)) {
      try PDFSymbol.qrCode(long)
    }
  }
}
