import CCairo
import CPango
import Foundation

/// Draws a ``PDFDocument`` with cairo: a PDF surface that writes into a byte buffer, one cairo
/// page per ``PDFPage`` (each with its own size), the operations in order, text through pango.
enum PDFRenderer {
  /// The name written as the document's creator.
  static let creator = "Freightdesk"

  /// The bytes cairo writes, appended as they come.
  private final class Sink {
    var bytes: [UInt8] = []
  }

  /// The PDF file of `document`.
  static func render(_ document: PDFDocument) throws(PDFRenderError) -> [UInt8] {
    let sink = Sink()
    let first = document.pages[0].size
    let surface = cairo_pdf_surface_create_for_stream(
      { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
      }, Unmanaged.passUnretained(sink).toOpaque(), first.width, first.height)
    defer { cairo_surface_destroy(surface) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator)
    cairo_pdf_surface_set_metadata(
      surface, CAIRO_PDF_METADATA_CREATE_DATE, PDFDocument.metadataDate(document.createdAt))
    let cairo = cairo_create(surface)!
    let text = PDFTypesetter.drawingContext(cairo)
    for page in document.pages {
      cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
      for operation in page.operations { draw(operation, on: cairo, text: text) }
      cairo_show_page(cairo)
    }
    PDFTypesetter.release(text)
    let drawn = cairo_status(cairo)
    cairo_destroy(cairo)
    cairo_surface_finish(surface)
    let written = cairo_surface_status(surface)
    for status in [drawn, written] where status != CAIRO_STATUS_SUCCESS {
      throw .renderFailed(String(cString: cairo_status_to_string(status)))
    }
    return withExtendedLifetime(sink) { sink.bytes }
  }

  /// Draws one operation, leaving cairo's state as it was.
  private static func draw(_ operation: PDFOperation, on cairo: OpaquePointer, text: OpaquePointer)
  {
    cairo_save(cairo)
    defer { cairo_restore(cairo) }
    cairo_set_source_rgb(cairo, 0, 0, 0)
    switch operation {
    case .text(let block, let origin, let angle):
      draw(block, at: origin, angleDegrees: angle, on: cairo, text: text)
    case .line(let from, let to, let width):
      cairo_set_line_width(cairo, width)
      cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
      cairo_move_to(cairo, from.x, from.y)
      cairo_line_to(cairo, to.x, to.y)
      cairo_stroke(cairo)
    case .strokeRectangle(let rect, let width):
      cairo_set_line_width(cairo, width)
      cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
      cairo_stroke(cairo)
    case .fillRectangle(let rect, let gray):
      cairo_set_source_rgb(cairo, gray, gray, gray)
      cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
      cairo_fill(cairo)
    case .symbol(let symbol, let frame):
      for bar in symbol.bars(in: frame) {
        cairo_rectangle(cairo, bar.x, bar.y, bar.width, bar.height)
      }
      cairo_fill(cairo)
    }
  }

  /// Sets `block` with pango at `origin`, turned about it through cairo's matrix.
  private static func draw(
    _ block: PDFTextBlock, at origin: PDFPoint, angleDegrees: Double, on cairo: OpaquePointer,
    text: OpaquePointer
  ) {
    cairo_translate(cairo, origin.x, origin.y)
    // The page's y grows downwards, so anticlockwise on paper is a negative angle here.
    if angleDegrees != 0 { cairo_rotate(cairo, -angleDegrees * Double.pi / 180) }
    cairo_set_source_rgb(cairo, block.style.gray, block.style.gray, block.style.gray)
    pango_cairo_update_context(cairo, text)
    let layout = PDFTypesetter.layout(
      in: text, text: block.text, style: block.style, alignment: block.alignment,
      wrapWidthPoints: block.wrapWidthPoints, linesMax: block.linesMax)
    defer { PDFTypesetter.release(layout) }
    cairo_move_to(cairo, 0, 0)
    pango_cairo_show_layout(cairo, layout)
  }
}
