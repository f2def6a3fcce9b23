/// Text set by pango from a top-left corner, measured when it is made: wrapped to a width
/// (between any two Chinese characters, at spaces between Latin words, inside a word only when
/// it is wider than the line) or one line per paragraph. Its ``heightPoints`` and
/// ``widthPoints`` are what pango lays out, so tables and flows leave exactly the room the text
/// takes on the page.
///
/// ```swift
/// let address = PDFTextBlock("广东省深圳市南山区科技园 1 号", widthPoints: 120, style: body)
/// flow.add(address.operations(at: flow.place(heightPoints: address.heightPoints)),
///          heightPoints: address.heightPoints)
/// ```
public struct PDFTextBlock: Sendable, Equatable {
  /// The text as it is set: control characters other than line breaks are spaces, and with a
  /// line limit the line breaks are spaces too (the limit counts the whole block's lines).
  public let text: String
  /// Its style.
  public let style: PDFTextStyle
  /// How lines sit in the width.
  public let alignment: Alignment
  /// The width lines wrap at, or nil when each paragraph stays on one line.
  public let wrapWidthPoints: Double?
  /// The most lines shown; text beyond them is cut and the last line ends in "…".
  public let linesMax: Int
  /// The block's width: the wrap width, or the widest line when not wrapped.
  public let widthPoints: Double
  /// The block's height: its lines and the space between them.
  public let heightPoints: Double
  /// How many lines the text takes.
  public let lineCount: Int
  /// Whether text was left out to keep to ``linesMax`` (the last line shown ends in "…").
  public let isTruncated: Bool

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
    self.init(
      text, wrapWidthPoints: max(widthPoints, 0), style: style, alignment: alignment,
      linesMax: max(linesMax, 1))
  }

  /// `text` with each paragraph on one line, as wide as it is (headings, marks, watermarks).
  public init(_ text: String, style: PDFTextStyle) {
    self.init(text, wrapWidthPoints: nil, style: style, alignment: .left, linesMax: .max)
  }

  private init(
    _ text: String, wrapWidthPoints: Double?, style: PDFTextStyle, alignment: Alignment,
    linesMax: Int
  ) {
    self.text = Self.settable(text, joiningLines: linesMax != .max)
    self.style = style
    self.alignment = alignment
    self.wrapWidthPoints = wrapWidthPoints
    self.linesMax = linesMax
    let extent = PDFTypesetter.measure(
      self.text, style: style, alignment: alignment, wrapWidthPoints: wrapWidthPoints,
      linesMax: linesMax)
    self.widthPoints = wrapWidthPoints ?? extent.widthPoints
    self.heightPoints = extent.heightPoints
    self.lineCount = extent.lineCount
    self.isTruncated = extent.isTruncated
  }

  /// The operations drawing the block with its top-left corner at `origin`.
  public func operations(at origin: PDFPoint) -> [PDFOperation] {
    [.text(self, at: origin)]
  }

  /// `text` with line ends made `\n` (or spaces when `joiningLines`) and every other control
  /// character a space, so pango shows no boxes for them.
  static func settable(_ text: String, joiningLines: Bool) -> String {
    let lineBreak: Unicode.Scalar = joiningLines ? " " : "\n"
    var scalars = String.UnicodeScalarView()
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
      defer { previous = scalar }
      if scalar == "\n" && previous == "\r" { continue }
      if scalar == "\n" || scalar == "\r" {
        scalars.append(lineBreak)
      } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        scalars.append(" ")
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
