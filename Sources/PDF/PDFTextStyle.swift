/// How a piece of text looks: size, weight and grey level. Every style sets its text in Noto
/// Sans CJK SC (``PDFTypesetter/fontFamily``), which draws Chinese, Latin, digits and the
/// symbols waybills use (°, ³, ¥, é, dashes) from one embedded font.
public struct PDFTextStyle: Sendable, Equatable {
  /// The font size in points.
  public var sizePoints: Double
  /// Bold: the font's bold face (Noto Sans CJK SC Bold), for Chinese and Latin alike.
  public var bold: Bool
  /// The grey level, 0 black to 1 white.
  public var gray: Double

  /// A style; regular black text unless told otherwise.
  public init(sizePoints: Double, bold: Bool = false, gray: Double = 0) {
    self.sizePoints = sizePoints
    self.bold = bold
    self.gray = gray
  }
}
