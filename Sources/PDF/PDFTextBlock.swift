/// Text wrapped to a width and set line by line from a top-left corner: the building block of
/// labelled fields and table cells.
public struct PDFTextBlock: Sendable, Equatable {
  /// The lines, already wrapped.
  public var lines: [String]
  /// Their style.
  public var style: PDFTextStyle
  /// How lines sit in the width.
  public var alignment: Alignment
  /// The width the lines were wrapped to.
  public var widthPoints: Double

  /// Where a line sits within the block's width.
  public enum Alignment: Sendable, Equatable {
    /// Against the left side.
    case left
    /// Centred.
    case center
    /// Against the right side (amounts, quantities).
    case right
  }

  /// `text` wrapped to `widthPoints`, at most `linesMax` lines.
  public init(
    _ text: String, widthPoints: Double, style: PDFTextStyle, alignment: Alignment = .left,
    linesMax: Int = .max
  ) {
    self.lines = PDFTextMeasure.lines(
      text, widthPoints: widthPoints, style: style, linesMax: linesMax)
    self.style = style
    self.alignment = alignment
    self.widthPoints = widthPoints
  }

  /// The block's height.
  public var heightPoints: Double { Double(lines.count) * style.lineHeightPoints }

  /// The operations drawing the block with its top-left corner at `origin`.
  public func operations(at origin: PDFPoint) -> [PDFOperation] {
    lines.enumerated().compactMap { index, line in
      guard !line.isEmpty else { return nil }
      let width = PDFTextMeasure.width(of: line, style: style)
      let offset: Double =
        switch alignment {
        case .left: 0
        case .center: (widthPoints - width) / 2
        case .right: widthPoints - width
        }
      let baseline =
        origin.y + Double(index) * style.lineHeightPoints
        + (style.lineHeightPoints - style.sizePoints) / 2 + style.ascentPoints
      return .text(line, at: PDFPoint(x: origin.x + offset, y: baseline), style: style)
    }
  }
}
