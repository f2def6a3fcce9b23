/// The two fonts every PDF document here refers to. Neither is embedded: every PDF reader
/// supplies both, which keeps a waybill a few kilobytes.
///
/// - ``cjk`` is Adobe's standard Chinese font STSong-Light, addressed through the predefined
///   CMap UniGB-UCS2-H: a string is written as the UCS-2 code of each character, and the
///   reader maps it to a glyph of the Adobe-GB1 collection. Its characters are one em wide,
///   printable ASCII half an em (the widths written in the font dictionary say so, so readers
///   place glyphs exactly where ``PDFTextMeasure`` measured them).
/// - ``helvetica`` is the standard Type 1 font in WinAnsiEncoding, for Latin text and digits.
public enum PDFFont: Sendable, Equatable, CaseIterable {
  /// STSong-Light with UniGB-UCS2-H.
  case cjk
  /// Helvetica with WinAnsiEncoding.
  case helvetica

  /// The name the page resources give it.
  var resourceName: String {
    switch self {
    case .cjk: "F1"
    case .helvetica: "F2"
    }
  }

  /// The width of `scalar` in thousandths of an em, or nil when the font cannot draw it.
  func widthPerMille(of scalar: Unicode.Scalar) -> Int? {
    switch self {
    case .cjk:
      if scalar.value > 0xFFFF { return nil }
      return (0x20...0x7E).contains(scalar.value) ? 500 : 1000
    case .helvetica:
      return HelveticaMetrics.widthPerMille(of: scalar)
    }
  }
}

/// Helvetica's advance widths in thousandths of an em, as its metrics publish them, for
/// printable ASCII and the few other characters waybills use (°, ±, ², ³, µ, ·, ×, ÷, ¥ and
/// the en and em dashes), with their WinAnsiEncoding codes.
enum HelveticaMetrics {
  /// Widths of U+0020 to U+007E in order (WinAnsi codes equal the ASCII codes there).
  static let ascii: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
  ]

  /// The other characters it draws: code point → WinAnsi code and width. Latin-1 symbols keep
  /// their code point as code; the dashes sit at 0x96 and 0x97.
  static let symbols: [UInt32: (code: UInt8, width: Int)] = [
    0xA5: (0xA5, 556), 0xB0: (0xB0, 400), 0xB1: (0xB1, 584), 0xB2: (0xB2, 333),
    0xB3: (0xB3, 333), 0xB5: (0xB5, 556), 0xB7: (0xB7, 278), 0xD7: (0xD7, 584),
    0xF7: (0xF7, 584), 0x2013: (0x96, 556), 0x2014: (0x97, 1000),
  ]

  /// The width of `scalar`, or nil when Helvetica does not draw it here.
  static func widthPerMille(of scalar: Unicode.Scalar) -> Int? {
    if (0x20...0x7E).contains(scalar.value) { return ascii[Int(scalar.value) - 0x20] }
    return symbols[scalar.value]?.width
  }

  /// The WinAnsi code of `scalar`, which ``widthPerMille(of:)`` accepted.
  static func code(of scalar: Unicode.Scalar) -> UInt8 {
    if (0x20...0x7E).contains(scalar.value) { return UInt8(scalar.value) }
    guard let symbol = symbols[scalar.value] else {
      preconditionFailure("Helvetica has no code for U+\(String(scalar.value, radix: 16))")
    }
    return symbol.code
  }
}
