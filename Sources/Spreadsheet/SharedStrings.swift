import Foundation
import FoundationXML

/// Reads `xl/sharedStrings.xml`: the text of every `<si>` entry, in order, within
/// ``SpreadsheetLimits/sharedStringsBytesMax``.
final class SharedStringsHandler: PartHandler {
  /// The strings in table order; cells of type `s` index into it.
  private(set) var strings: [String] = []
  private var item = StringItemText()
  private var textBytes = 0

  override func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    let name = localName(elementName)
    if name == "si" { item.reset() } else { item.start(name) }
  }

  override func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    let name = localName(elementName)
    if name == "si" { strings.append(item.text) } else { item.end(name) }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    textBytes += item.append(string)
    if textBytes > SpreadsheetLimits.sharedStringsBytesMax {
      fail(.sharedStringsTooLarge(bytesMax: SpreadsheetLimits.sharedStringsBytesMax), parser)
    }
  }
}
