/// One drawing operation on a page. A page is a list of these, drawn in order; each leaves the
/// graphics state as it found it, so the order of operations never changes how one looks.
public enum PDFOperation: Sendable, Equatable {
  /// A block of text with its top-left corner at the point, turned `angleDegrees`
  /// anticlockwise about that corner (0 for normal text).
  case text(PDFTextBlock, at: PDFPoint, angleDegrees: Double = 0)
  /// A straight line `widthPoints` wide.
  case line(from: PDFPoint, to: PDFPoint, widthPoints: Double)
  /// A rectangle's outline, `widthPoints` wide.
  case strokeRectangle(PDFRect, widthPoints: Double)
  /// A rectangle filled with a grey level from 0 (black) to 1 (white).
  case fillRectangle(PDFRect, gray: Double)
  /// A barcode or QR code, stretched to fill the rectangle.
  case symbol(PDFSymbol, in: PDFRect)
}

/// A page: its size and what is drawn on it.
public struct PDFPage: Sendable, Equatable {
  /// The paper size.
  public var size: PDFPageSize
  /// The drawing, in order.
  public var operations: [PDFOperation]

  /// A page of `size` with `operations`.
  public init(size: PDFPageSize, operations: [PDFOperation] = []) {
    self.size = size
    self.operations = operations
  }

  /// The text of every text block on the page, in drawing order: what a reader finds on it.
  public var texts: [String] {
    operations.compactMap { operation in
      if case .text(let block, _, _) = operation { block.text } else { nil }
    }
  }
}
