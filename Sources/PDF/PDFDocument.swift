import Foundation
public import FreightdeskCore

/// A PDF document built from values: pages of drawing operations, a title and a creation
/// time. ``data()`` draws it with cairo on a PDF surface, text set by pango in Noto Sans CJK
/// SC, embedded as a subset; the same document always gives the same bytes (cairo's output
/// depends only on what is drawn and on the metadata, and the creation date is the document's
/// own), so tests and caches can compare files.
///
/// ```swift
/// let title = PDFTextBlock("运单 TO20261204-0007", style: PDFTextStyle(sizePoints: 16))
/// let page = PDFPage(size: .a4, operations: title.operations(at: PDFPoint(x: 40, y: 40)))
/// let bytes = try PDFDocument(title: "运单", createdAt: now, pages: [page]).data()
/// ```
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

  /// The document as the bytes of a PDF file; ``PDFRenderError`` when cairo fails (out of
  /// memory, or a drawing it cannot make, such as a coordinate that is not a number).
  public func data() throws(PDFRenderError) -> [UInt8] {
    try PDFRenderer.render(self)
  }

  /// The creation time as cairo's metadata takes it: ISO 8601 in UTC,
  /// e.g. `2026-12-07T02:00:00Z`.
  static func metadataDate(_ instant: Instant) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second],
      from: Date(timeIntervalSince1970: Double(instant.epochMilliseconds) / 1000))
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : String(value)
    }
    return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))T"
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
  }
}
