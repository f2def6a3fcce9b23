import Foundation
import FoundationXML

/// Whether a number format shows a date, a time of day, or both; any other format shows a
/// plain number.
enum DateKind: Equatable {
  case date
  case time
  case dateTime

  /// Built-in format ids that show dates or times (ECMA-376 §18.8.30, with the ids
  /// Chinese, Japanese and Korean Excel use for `yyyy"年"m"月"d"日"` and the like).
  private static let builtIn: [Int: DateKind] = {
    var kinds: [Int: DateKind] = [22: .dateTime]
    for id in [14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58] {
      kinds[id] = .date
    }
    for id in [18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56] { kinds[id] = .time }
    return kinds
  }()

  /// The kind of the built-in format `id`, or of `code` when the workbook defines it.
  init?(formatID id: Int, code: String?) {
    if let code {
      self.init(formatCode: code)
    } else if let kind = Self.builtIn[id] {
      self = kind
    } else {
      return nil
    }
  }

  /// Classifies a custom format code by its first section, ignoring quoted text, bracketed
  /// colours and locales, and characters escaped with `\`, `_` or `*`: `y` or `d` mean a
  /// date, `h` or `s` a time (`m` is months or minutes, so it decides nothing alone).
  init?(formatCode code: String) {
    var hasDate = false
    var hasTime = false
    var isQuoted = false
    var isBracketed = false
    var skipsNext = false
    scan: for character in code.lowercased() {
      if skipsNext {
        skipsNext = false
        continue
      }
      switch character {
      case "\"": isQuoted.toggle()
      case _ where isQuoted: continue
      case "[": isBracketed = true
      case "]": isBracketed = false
      case _ where isBracketed: continue
      case "\\", "_", "*": skipsNext = true
      case ";": break scan
      case "y", "d": hasDate = true
      case "h", "s": hasTime = true
      default: continue
      }
    }
    switch (hasDate, hasTime) {
    case (true, true): self = .dateTime
    case (true, false): self = .date
    case (false, true): self = .time
    case (false, false): return nil
    }
  }
}

/// Reads `xl/styles.xml` far enough to know which cell styles show dates: the custom number
/// formats (`<numFmt>`) and the number format of each cell style (`<cellXfs><xf>`), whose
/// position is what a cell's `s` attribute refers to.
final class StylesHandler: PartHandler {
  private var customFormats: [Int: String] = [:]
  private var styleFormatIDs: [Int] = []
  private var isInCellStyles = false

  /// The date kind of each cell style, by style index; nil where the style shows numbers.
  var dateKinds: [DateKind?] {
    styleFormatIDs.map { DateKind(formatID: $0, code: customFormats[$0]) }
  }

  override func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    switch localName(elementName) {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs":
      isInCellStyles = true
    case "xf" where isInCellStyles:
      styleFormatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
    default:
      break
    }
  }

  override func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if localName(elementName) == "cellXfs" { isInCellStyles = false }
  }
}
