import Testing

@testable import PDF

@Suite struct PDFLayoutTests {
  let style = PDFTextStyle(sizePoints: 10)

  @Test func widthsComeFromHelveticaAndTheCJKEm() {
    // A and B are 667/1000 em in Helvetica; 运 is one em; CJK-font Latin is half an em.
    #expect(abs(PDFTextMeasure.width(of: "AB", style: style) - 13.34) < 0.001)
    #expect(PDFTextMeasure.width(of: "运单", style: style) == 20)
    #expect(PDFTextMeasure.width(of: "AB", style: PDFTextStyle(sizePoints: 10, latin: .cjk)) == 10)
  }

  @Test func chineseBreaksBetweenAnyTwoCharacters() {
    let lines = PDFTextMeasure.lines("上海市浦东新区张江路", widthPoints: 35, style: style)
    #expect(lines == ["上海市", "浦东新", "区张江", "路"])
  }

  @Test func latinBreaksAtSpacesAndLongWordsBetweenLetters() {
    let lines = PDFTextMeasure.lines("Room 1201 Zhangjiang", widthPoints: 55, style: style)
    #expect(lines == ["Room 1201", "Zhangjiang"])
    let long = PDFTextMeasure.lines("ABCDEFGHIJ", widthPoints: 30, style: style)
    #expect(long == ["ABCD", "EFGH", "IJ"])
    #expect(long.allSatisfy { PDFTextMeasure.width(of: $0, style: style) <= 30 })
    // Units and amounts stay whole: m³ and ¥ are Latin, not break points like Chinese.
    #expect(PDFTextMeasure.lines("体积 (m³)", widthPoints: 35, style: style) == ["体积", "(m³)"])
  }

  @Test func lineBreaksInTheTextAreKeptAndCutTextEndsInAnEllipsis() {
    #expect(PDFTextMeasure.lines("一\n二", widthPoints: 100, style: style) == ["一", "二"])
    let cut = PDFTextMeasure.lines("一二三四五六七八", widthPoints: 30, style: style, linesMax: 2)
    #expect(cut == ["一二三", "四五…"])
  }

  @Test func aTableRowIsAsTallAsItsTallestCell() {
    let table = PDFTable(
      columns: [.init("品名", widthPoints: 36), .init("件数", widthPoints: 40, alignment: .right)],
      style: style, paddingPoints: 3)
    #expect(table.widthPoints == 76)
    // 30 points of text width: three characters a line, so 七个字的品名 takes three lines.
    #expect(table.heightPoints(ofRow: ["七个字的品名啊", "2"]) == 3 * 13 + 6)
    #expect(table.heightPoints(ofRow: ["服装", "2"]) == 13 + 6)
    let operations = table.row(["服装", "2"], at: PDFPoint(x: 10, y: 20))
    #expect(
      operations.contains(
        .strokeRectangle(PDFRect(x: 10, y: 20, width: 36, height: 19), widthPoints: 0.5)))
    let right = operations.compactMap { operation -> PDFPoint? in
      if case .text("2", let origin, _, _) = operation { return origin }
      return nil
    }
    // Right-aligned: the digit (5.56 points wide) ends at the cell's right padding.
    #expect(right.count == 1)
    #expect(abs((right.first?.x ?? 0) - (46 + 40 - 3 - 5.56)) < 0.001)
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
