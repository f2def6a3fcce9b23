import Foundation

/// The content stream of one page: each ``PDFOperation`` as PDF operators, in the page's own
/// coordinates (origin bottom-left, y upwards), each wrapped in `q … Q` so it leaves the
/// graphics state as it found it.
struct PDFContentStream {
  /// The page height, for turning top-down coordinates into PDF's bottom-up ones.
  let pageHeight: Double
  /// The operators written so far.
  private(set) var text = ""

  /// An empty stream for a page `pageHeight` points tall.
  init(pageHeight: Double) {
    self.pageHeight = pageHeight
  }

  /// The stream of `page`.
  static func of(_ page: PDFPage) -> String {
    var stream = PDFContentStream(pageHeight: page.size.height)
    for operation in page.operations { stream.append(operation) }
    return stream.text
  }

  /// Appends one operation.
  mutating func append(_ operation: PDFOperation) {
    switch operation {
    case .text(let string, let origin, let style, let angle):
      appendText(string, at: origin, style: style, angleDegrees: angle)
    case .line(let from, let to, let width):
      text += "q \(number(width)) w 0 J \(x(from.x)) \(y(from.y)) m \(x(to.x)) \(y(to.y)) l S Q\n"
    case .strokeRectangle(let rect, let width):
      text += "q \(number(width)) w \(rectangle(rect)) re S Q\n"
    case .fillRectangle(let rect, let gray):
      text += "q \(number(gray)) g \(rectangle(rect)) re f Q\n"
    case .symbol(let symbol, let frame):
      text += "q 0 g\n"
      for bar in symbol.bars(in: frame) { text += "\(rectangle(bar)) re\n" }
      text += "f Q\n"
    }
  }

  private mutating func appendText(
    _ string: String, at origin: PDFPoint, style: PDFTextStyle, angleDegrees: Double
  ) {
    let runs = PDFTextMeasure.runs(string, style: style)
    guard !runs.isEmpty else { return }
    text += "q"
    if style.gray != 0 { text += " \(number(style.gray)) g \(number(style.gray)) G" }
    if style.bold { text += " \(number(style.sizePoints * 0.04)) w 2 Tr" }
    let radians = angleDegrees * Double.pi / 180
    let (cosine, sine) = (cos(radians), sin(radians))
    text += " BT \(number(cosine)) \(number(sine)) \(number(-sine)) \(number(cosine))"
    text += " \(x(origin.x)) \(y(origin.y)) Tm\n"
    for run in runs {
      text += "/\(run.font.resourceName) \(number(style.sizePoints)) Tf \(encoded(run)) Tj\n"
    }
    text += "ET Q\n"
  }

  /// A run as a PDF string: UCS-2 hex for the CJK font, a literal WinAnsi string for
  /// Helvetica (codes above ASCII as octal escapes, so the stream stays ASCII).
  func encoded(_ run: PDFTextMeasure.Run) -> String {
    switch run.font {
    case .cjk:
      return "<" + run.scalars.map { PDFSyntax.hex(UInt16($0.value)) }.joined() + ">"
    case .helvetica:
      var literal = "("
      for scalar in run.scalars {
        let code = HelveticaMetrics.code(of: scalar)
        switch scalar {
        case "(", ")", "\\": literal += "\\" + String(scalar)
        case _ where code > 0x7E: literal += "\\" + String(code, radix: 8)
        default: literal += String(scalar)
        }
      }
      return literal + ")"
    }
  }

  private func rectangle(_ rect: PDFRect) -> String {
    "\(x(rect.x)) \(y(rect.bottom)) \(number(rect.width)) \(number(rect.height))"
  }

  private func x(_ value: Double) -> String { number(value) }

  private func y(_ value: Double) -> String { number(pageHeight - value) }

  private func number(_ value: Double) -> String { PDFSyntax.number(value) }
}
