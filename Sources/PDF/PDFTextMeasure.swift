/// How wide text is and which font draws each part of it: the same answer for layout (wrapping
/// table cells) and for the writer, so text lands where it was measured.
public enum PDFTextMeasure {
  /// One piece of a line drawn in one font.
  struct Run: Equatable {
    /// The font.
    var font: PDFFont
    /// The characters; control characters are already spaces, and characters beyond the
    /// Basic Multilingual Plane (which UCS-2 cannot address) are `?`.
    var scalars: [Unicode.Scalar]
  }

  /// `text` split into runs: Latin in the style's Latin font where it has the character,
  /// everything else in the CJK font.
  static func runs(_ text: String, style: PDFTextStyle) -> [Run] {
    var runs: [Run] = []
    for original in text.unicodeScalars {
      let scalar = drawable(original)
      let font: PDFFont =
        style.latin == .helvetica && PDFFont.helvetica.widthPerMille(of: scalar) != nil
        ? .helvetica : .cjk
      if runs.last?.font == font {
        runs[runs.count - 1].scalars.append(scalar)
      } else {
        runs.append(Run(font: font, scalars: [scalar]))
      }
    }
    return runs
  }

  /// The scalar as drawn: control characters become spaces and characters outside UCS-2 a
  /// question mark.
  static func drawable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return " " }
    return scalar.value > 0xFFFF ? "?" : scalar
  }

  /// The width of `text` on one line in `style`, in points.
  public static func width(of text: String, style: PDFTextStyle) -> Double {
    runs(text, style: style).reduce(0) { total, run in
      total + width(of: run, sizePoints: style.sizePoints)
    }
  }

  /// The width of one run in points.
  static func width(of run: Run, sizePoints: Double) -> Double {
    let perMille = run.scalars.reduce(0) { $0 + (run.font.widthPerMille(of: $1) ?? 1000) }
    return Double(perMille) * sizePoints / 1000
  }

  /// `text` broken into lines no wider than `widthPoints`: at line breaks in the text, between
  /// any two Chinese characters, and at spaces between Latin words; a word wider than the line
  /// is broken between its letters. With `linesMax`, the last line kept ends in "…" when text
  /// was left out.
  public static func lines(
    _ text: String, widthPoints: Double, style: PDFTextStyle, linesMax: Int = .max
  ) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines += wrap(String(paragraph), widthPoints: widthPoints, style: style)
    }
    guard lines.count > linesMax, linesMax > 0 else { return lines }
    var last = lines[linesMax - 1] + "…"
    while PDFTextMeasure.width(of: last, style: style) > widthPoints, last.count > 1 {
      last.remove(at: last.index(last.endIndex, offsetBy: -2))
    }
    return Array(lines[..<(linesMax - 1)]) + [last]
  }

  /// One paragraph wrapped greedily.
  private static func wrap(_ paragraph: String, widthPoints: Double, style: PDFTextStyle)
    -> [String]
  {
    var lines: [String] = []
    var current = ""
    for unit in breakUnits(paragraph) {
      let candidate = current + unit
      if current.isEmpty || width(of: candidate, style: style) <= widthPoints {
        current = candidate
        if width(of: current, style: style) > widthPoints {
          let (done, rest) = split(current, widthPoints: widthPoints, style: style)
          lines += done
          current = rest
        }
        continue
      }
      lines.append(current.trimmingTrailingSpaces)
      current = unit == " " ? "" : unit
      if width(of: current, style: style) > widthPoints {
        let (done, rest) = split(current, widthPoints: widthPoints, style: style)
        lines += done
        current = rest
      }
    }
    lines.append(current.trimmingTrailingSpaces)
    return lines
  }

  /// A too-wide piece cut between characters: the full lines and what is left.
  private static func split(_ text: String, widthPoints: Double, style: PDFTextStyle)
    -> ([String], String)
  {
    var lines: [String] = []
    var current = ""
    for character in text {
      let candidate = current + String(character)
      if !current.isEmpty && width(of: candidate, style: style) > widthPoints {
        lines.append(current)
        current = String(character)
      } else {
        current = candidate
      }
    }
    return (lines, current)
  }

  /// The pieces a line may break between: each Chinese character, each space, and each run of
  /// the other characters Helvetica draws (a Latin word, a number, `(m³)`, `¥1,000.00`).
  private static func breakUnits(_ text: String) -> [String] {
    var units: [String] = []
    var word = ""
    for character in text {
      let isLatin = character.unicodeScalars.allSatisfy {
        PDFFont.helvetica.widthPerMille(of: $0) != nil
      }
      if isLatin && character != " " {
        word.append(character)
        continue
      }
      if !word.isEmpty { units.append(word) }
      word = ""
      units.append(String(character))
    }
    if !word.isEmpty { units.append(word) }
    return units
  }
}

extension String {
  /// The string without spaces at its end.
  fileprivate var trimmingTrailingSpaces: String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
