import Foundation
import FoundationXML

/// Reads `xl/sharedStrings.xml`: every `<si>` entry's text, with the runs of rich text
/// joined and phonetic guides (`<rPh>`, the furigana or pinyin above a name) left out.
final class SharedStringsHandler: PartHandler {
  /// The strings in table order; cells of type `s` index into it.
  private(set) var strings: [String] = []
  private var current = ""
  private var isInText = false
  private var phoneticDepth = 0
  private var textBytes = 0

  override func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    switch localName(elementName) {
    case "si":
      current = ""
    case "t":
      isInText = phoneticDepth == 0
    case "rPh":
      phoneticDepth += 1
    default:
      break
    }
  }

  override func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    switch localName(elementName) {
    case "si":
      strings.append(current)
    case "t":
      isInText = false
    case "rPh":
      phoneticDepth -= 1
    default:
      break
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard isInText else { return }
    textBytes += string.utf8.count
    guard textBytes <= SpreadsheetLimits.sharedStringsBytesMax else {
      return fail(.sharedStringsTooLarge(bytesMax: SpreadsheetLimits.sharedStringsBytesMax), parser)
    }
    current += string
  }
}
