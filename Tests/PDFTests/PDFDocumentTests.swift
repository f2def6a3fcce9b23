import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

@testable import PDF

@Suite struct PDFDocumentTests {
  let createdAt = Instant(epochMilliseconds: 1_796_608_800_000)
  let style = PDFTextStyle(sizePoints: 12)

  /// Two A4 pages and an A6 one with Chinese, Latin, bold, lines, boxes and a barcode.
  func sample() throws -> PDFDocument {
    let first = PDFPage(
      size: .a4,
      operations: PDFTextBlock("运单 Waybill", style: style).operations(at: PDFPoint(x: 40, y: 40))
        + [
          .line(from: PDFPoint(x: 40, y: 70), to: PDFPoint(x: 300, y: 70), widthPoints: 1),
          .strokeRectangle(PDFRect(x: 40, y: 80, width: 100, height: 40), widthPoints: 0.5),
          .fillRectangle(PDFRect(x: 40, y: 130, width: 100, height: 40), gray: 0.9),
          .symbol(
            try .code128("TO20261204-0007"), in: PDFRect(x: 40, y: 200, width: 200, height: 40)),
        ])
    let second = PDFPage(
      size: .a4,
      operations: PDFTextBlock(
        "收货人：陈先生\nCafé Zhangjiang, 2–8 °C", widthPoints: 300,
        style: PDFTextStyle(sizePoints: 12, bold: true)
      ).operations(at: PDFPoint(x: 40, y: 40)))
    let label = PDFPage(
      size: .a6,
      operations: PDFTextBlock("Package 1 of 3", style: style).operations(
        at: PDFPoint(x: 20, y: 20)))
    return PDFDocument(
      title: "运单 TO20261204-0007", createdAt: createdAt, pages: [first, second, label])
  }

  @Test func theFileStartsAndEndsLikeAPDF() throws {
    let bytes = try sample().data()
    #expect(bytes.starts(with: Array("%PDF-".utf8)))
    #expect(bytes.suffix(6) == ArraySlice(Array("%%EOF\n".utf8)))
  }

  @Test func theSameDocumentGivesTheSameBytes() throws {
    #expect(try sample().data() == sample().data())
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func pagesHaveTheirPaperSizes() throws {
    let info = try Poppler.info(try sample().data())
    #expect(info["Pages"] == "3")
    #expect(info["Page 1 size"]?.hasPrefix("595.276 x 841.89 pts") == true)
    #expect(info["Page 2 size"]?.hasPrefix("595.276 x 841.89 pts") == true)
    #expect(info["Page 3 size"]?.hasPrefix("297.638 x 419.528 pts") == true)
    // Each ISO A size is the next larger one halved across its long side.
    #expect(PDFPageSize.a5.width == PDFPageSize.a6.height)
    #expect(PDFPageSize.a5.height == PDFPageSize.a4.width)
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func theMetadataHasTitleCreatorAndTheDocumentsOwnCreationTime() throws {
    let info = try Poppler.info(try sample().data())
    #expect(info["Title"] == "运单 TO20261204-0007")
    #expect(info["Creator"] == "Freightdesk")
    // 2026-12-07 02:00 UTC, whenever the file is written.
    #expect(info["CreationDate"]?.hasPrefix("2026-12-07T02:00:00") == true)
    #expect(PDFDocument.metadataDate(createdAt) == "2026-12-07T02:00:00Z")
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func theRegularAndBoldFontsAreEmbeddedWithTheirUnicodeMaps() throws {
    let fonts = try Poppler.fonts(try sample().data())
    #expect(fonts.count == 2)
    #expect(fonts.allSatisfy { $0.embedded && $0.hasUnicodeMap })
    #expect(fonts.contains { $0.name.hasSuffix("+NotoSansCJKsc-Regular") })
    #expect(fonts.contains { $0.name.hasSuffix("+NotoSansCJKsc-Bold") })
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func popplerExtractsTheChineseAndLatinText() throws {
    let text = try Poppler.text(try sample().data())
    #expect(text.contains("运单 Waybill"))
    #expect(text.contains("收货人：陈先生"))
    #expect(text.contains("Café Zhangjiang, 2–8 °C"))
    #expect(text.contains("Package 1 of 3"))
  }

  @Test func aDrawingCairoCannotMakeIsAnError() {
    let page = PDFPage(
      size: .a6,
      operations: [
        .text(PDFTextBlock("草稿", style: style), at: PDFPoint(x: 0, y: 0), angleDegrees: .nan)
      ])
    #expect(throws: PDFRenderError.self) {
      try PDFDocument(title: "bad", createdAt: createdAt, pages: [page]).data()
    }
    #expect(PDFRenderError.renderFailed("invalid matrix").code == "pdf_render_failed")
  }

  @Test func theWritersErrorsHaveMessagesInBothLanguages() throws {
    let errors: [any UserFacingError] = [
      PDFRenderError.renderFailed("out of memory"), PDFSymbolError.empty,
      PDFSymbolError.tooLong(bytesMax: 1), PDFSymbolError.encodingFailed,
    ]
    for error in errors {
      for locale in AppLocale.allCases {
        let catalog = try #require(Translations.bundled.catalogs[locale])
        #expect(catalog["error.\(error.code)"] != nil, "\(error.code) in \(locale)")
      }
    }
  }
}
