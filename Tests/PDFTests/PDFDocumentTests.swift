import Foundation
import FreightdeskCore
import TestSupport
import Testing

@testable import PDF

@Suite struct PDFDocumentTests {
  let createdAt = Instant(epochMilliseconds: 1_796_608_800_000)

  /// Two A4 pages and an A6 one with Chinese, Latin, lines, boxes and a barcode.
  func sample() throws -> PDFDocument {
    let style = PDFTextStyle(sizePoints: 12)
    let first = PDFPage(
      size: .a4,
      operations: [
        .text("运单 Waybill", at: PDFPoint(x: 40, y: 60), style: style),
        .line(from: PDFPoint(x: 40, y: 70), to: PDFPoint(x: 300, y: 70), widthPoints: 1),
        .strokeRectangle(PDFRect(x: 40, y: 80, width: 100, height: 40), widthPoints: 0.5),
        .fillRectangle(PDFRect(x: 40, y: 130, width: 100, height: 40), gray: 0.9),
        .symbol(
          try .code128("TO20261204-0007"), in: PDFRect(x: 40, y: 200, width: 200, height: 40)),
      ])
    let second = PDFPage(
      size: .a4, operations: [.text("收货人：陈先生", at: PDFPoint(x: 40, y: 60), style: style)])
    let label = PDFPage(
      size: .a6, operations: [.text("Package 1 of 3", at: PDFPoint(x: 20, y: 40), style: style)])
    return PDFDocument(
      title: "运单 TO20261204-0007", createdAt: createdAt, pages: [first, second, label])
  }

  @Test func everyObjectIsWhereTheCrossReferenceTableSays() throws {
    let file = PDFStructure(try sample().data())
    #expect(file.text.hasPrefix("%PDF-1.7\n"))
    #expect(file.text.hasSuffix("%%EOF\n"))
    let entries = file.xrefEntries
    // Catalog, page tree, three font objects, info, and a page with its content per page.
    #expect(entries.count == 7 + 2 * 3)
    #expect(file.trailerSize == entries.count + 1)
    for entry in entries {
      #expect(file.object(entry.number, at: entry.offset) != nil, "object \(entry.number)")
    }
    let start = try #require(file.startXref)
    #expect(file.text.dropFirst(start).hasPrefix("xref\n0 \(entries.count + 1)\n"))
  }

  @Test func streamLengthsMatchTheirContent() throws {
    let file = PDFStructure(try sample().data())
    for entry in file.xrefEntries {
      let object = try #require(file.object(entry.number, at: entry.offset))
      guard let lengthRange = object.range(of: "/Length ") else { continue }
      let length = try #require(Int(object[lengthRange.upperBound...].prefix { $0.isNumber }))
      let body = try #require(object.range(of: "stream\n"))
      let content = object[body.upperBound...]
      #expect(content.hasSuffix("\nendstream\n"))
      #expect(content.count == length + "\nendstream\n".count)
    }
  }

  @Test func pagesHaveTheirPaperSizes() throws {
    let file = PDFStructure(try sample().data())
    #expect(file.text.contains("/Count 3"))
    #expect(file.text.components(separatedBy: "/MediaBox [0 0 595.276 841.89]").count == 3)
    #expect(file.text.contains("/MediaBox [0 0 297.638 419.528]"))
    // Each ISO A size is the next larger one halved across its long side.
    #expect(PDFPageSize.a5.width == PDFPageSize.a6.height)
    #expect(PDFPageSize.a5.height == PDFPageSize.a4.width)
  }

  @Test func chineseIsWrittenAsUCS2InTheCJKFontAndLatinInHelvetica() throws {
    let file = PDFStructure(try sample().data())
    // 运单 is U+8FD0 U+5355; 收货人 U+6536 U+8D27 U+4EBA; the full-width colon U+FF1A.
    #expect(file.text.contains("/F1 12 Tf <8FD05355> Tj\n/F2 12 Tf ( Waybill) Tj"))
    #expect(file.text.contains("<65368D274EBAFF1A96485148751F>"))
    #expect(file.text.contains("/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"))
    #expect(file.text.contains("/Ordering (GB1)"))
    #expect(file.text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
  }

  @Test func theInformationDictionaryHasTitleAndCreationDate() throws {
    let file = PDFStructure(try sample().data())
    // 2026-12-07 02:00 UTC; the title in UTF-16BE after a byte-order mark.
    #expect(file.text.contains("/CreationDate (D:20261207020000Z)"))
    #expect(file.text.contains("/Title <FEFF8FD0535500200054004F"))
    #expect(file.text.contains("/Info 7 0 R"))
  }

  @Test func theSameDocumentGivesTheSameBytes() throws {
    #expect(try sample().data() == sample().data())
  }

  @Test func helveticaStringsEscapeParenthesesBackslashesAndCodesAboveASCII() {
    let stream = PDFContentStream(pageHeight: 100)
    let runs = PDFTextMeasure.runs("(a)\\ 2–8 °C 冷", style: PDFTextStyle(sizePoints: 10))
    #expect(runs.map(\.font) == [.helvetica, .cjk])
    // The en dash is WinAnsi 0x96 (octal 226), the degree sign 0xB0 (octal 260).
    #expect(stream.encoded(runs[0]) == #"(\(a\)\\ 2\2268 \260C )"#)
    #expect(stream.encoded(runs[1]) == "<51B7>")
  }

  @Test func numbersAreWrittenOneWayOnly() {
    #expect(PDFSyntax.number(12) == "12")
    #expect(PDFSyntax.number(0.5) == "0.5")
    #expect(PDFSyntax.number(-3.125) == "-3.125")
    #expect(PDFSyntax.number(841.889_76) == "841.89")
    #expect(PDFSyntax.number(0.000_4) == "0")
    #expect(PDFSyntax.number(-0.05) == "-0.05")
  }

  @Test(.enabled(if: PDFToText.isAvailable))
  func popplerExtractsTheChineseText() throws {
    let text = try PDFToText.extract(try sample().data())
    #expect(text.contains("运单"))
    #expect(text.contains("Waybill"))
    #expect(text.contains("收货人：陈先生"))
    #expect(text.contains("Package 1 of 3"))
  }
}
