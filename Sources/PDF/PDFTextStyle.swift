/// Which font draws Latin letters and digits. Chinese always uses the CJK font.
public enum PDFLatinFont: Sendable, Equatable {
  /// Helvetica, proportional: the better look for numbers, codes and English.
  case helvetica
  /// The CJK font's own half-width Latin, every character half an em wide.
  case cjk
}

/// How a piece of text looks: size, weight, grey level and the font for its Latin part.
public struct PDFTextStyle: Sendable, Equatable {
  /// The font size in points.
  public var sizePoints: Double
  /// Bold, drawn by stroking the glyph outlines as well as filling them (no second font is
  /// needed, and it works the same for Chinese and Latin).
  public var bold: Bool
  /// The grey level, 0 black to 1 white.
  public var gray: Double
  /// The font for Latin letters, digits and the few Latin-1 symbols Helvetica has.
  public var latin: PDFLatinFont

  /// A style; regular black text with Helvetica for Latin unless told otherwise.
  public init(
    sizePoints: Double, bold: Bool = false, gray: Double = 0, latin: PDFLatinFont = .helvetica
  ) {
    self.sizePoints = sizePoints
    self.bold = bold
    self.gray = gray
    self.latin = latin
  }

  /// The distance from the top of a line to its baseline: the fonts' ascent.
  public var ascentPoints: Double { sizePoints * 0.86 }

  /// The height of one line of wrapped text, with room between lines.
  public var lineHeightPoints: Double { sizePoints * 1.3 }
}
