import Foundation
public import FreightdeskCore

/// A PDF 1.7 document built from values: pages of drawing operations and the document
/// information. ``data()`` writes it; the same document always gives the same bytes, so tests
/// compare files and caches could key on them.
///
/// ```swift
/// let page = PDFPage(size: .a4, operations: [
///   .text("运单 TO20261204-0007", at: PDFPoint(x: 40, y: 60), style: PDFTextStyle(sizePoints: 16))
/// ])
/// let bytes = PDFDocument(title: "运单", createdAt: now, pages: [page]).data()
/// ```
///
/// The file holds a catalog, the page tree, the two fonts (``PDFFont``, not embedded), the
/// information dictionary and per page a page object and its content stream, uncompressed,
/// with a cross-reference table giving every object's byte offset.
public struct PDFDocument: Sendable, Equatable {
  /// The title readers show in their window.
  public var title: String
  /// When the document was made (written in UTC).
  public var createdAt: Instant
  /// The pages in order; at least one.
  public var pages: [PDFPage]

  /// A document of `pages` (at least one).
  public init(title: String, createdAt: Instant, pages: [PDFPage]) {
    precondition(!pages.isEmpty, "a PDF document has at least one page")
    self.title = title
    self.createdAt = createdAt
    self.pages = pages
  }

  /// Object numbers of the fixed objects; page objects follow them.
  private enum Object {
    static let catalog = 1
    static let pages = 2
    static let cjkFont = 3
    static let cjkDescendant = 4
    static let cjkDescriptor = 5
    static let helvetica = 6
    static let info = 7
    static let firstPage = 8
  }

  /// The document as the bytes of a PDF file.
  public func data() -> [UInt8] {
    var writer = PDFObjectWriter()
    let pageNumbers = pages.indices.map { Object.firstPage + 2 * $0 }
    writer.add(Object.catalog, "<< /Type /Catalog /Pages \(Object.pages) 0 R >>")
    let kids = pageNumbers.map { "\($0) 0 R" }.joined(separator: " ")
    writer.add(Object.pages, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
    writeFonts(&writer)
    writer.add(
      Object.info,
      "<< /Title \(PDFSyntax.textString(title)) /Producer (Freightdesk) "
        + "/CreationDate (\(Self.date(createdAt))) >>")
    for (page, number) in zip(pages, pageNumbers) {
      let resources =
        "<< /Font << /\(PDFFont.cjk.resourceName) \(Object.cjkFont) 0 R "
        + "/\(PDFFont.helvetica.resourceName) \(Object.helvetica) 0 R >> >>"
      writer.add(
        number,
        "<< /Type /Page /Parent \(Object.pages) 0 R /MediaBox [0 0 "
          + "\(PDFSyntax.number(page.size.width)) \(PDFSyntax.number(page.size.height))] "
          + "/Resources \(resources) /Contents \(number + 1) 0 R >>")
      writer.addStream(number + 1, Array(PDFContentStream.of(page).utf8))
    }
    return writer.finish(root: Object.catalog, info: Object.info)
  }

  private func writeFonts(_ writer: inout PDFObjectWriter) {
    writer.add(
      Object.cjkFont,
      "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        + "/DescendantFonts [\(Object.cjkDescendant) 0 R] >>")
    // Adobe-GB1 CIDs 1-95 are the Latin that UniGB-UCS2-H maps printable ASCII to: half an em,
    // as PDFFont measures them; every other glyph takes the default em.
    writer.add(
      Object.cjkDescendant,
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        + "/FontDescriptor \(Object.cjkDescriptor) 0 R /DW 1000 /W [1 95 500] >>")
    writer.add(
      Object.cjkDescriptor,
      "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        + "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        + "/CapHeight 737 /StemV 80 >>")
    writer.add(
      Object.helvetica,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
  }

  /// A PDF date in UTC, e.g. `D:20261205083000Z`.
  static func date(_ instant: Instant) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second],
      from: Date(timeIntervalSince1970: Double(instant.epochMilliseconds) / 1000))
    let fields = [parts.month, parts.day, parts.hour, parts.minute, parts.second].map {
      let value = $0 ?? 0
      return value < 10 ? "0\(value)" : String(value)
    }
    return "D:\(parts.year ?? 1970)" + fields.joined() + "Z"
  }
}
