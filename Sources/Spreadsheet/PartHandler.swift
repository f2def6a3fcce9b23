import Foundation
import FoundationXML

/// The base of the SAX handlers that read the parts of an .xlsx archive: it records the
/// first failure and stops the parser, and names elements without their namespace prefix
/// (`x:row` and `row` are the same element).
///
/// Subclasses override the three events they care about. The base class must implement
/// them: on Linux `XMLParserDelegate` is a Swift protocol, so a method a subclass adds
/// without overriding would never be called.
class PartHandler: NSObject, XMLParserDelegate {
  /// The first failure a handler found; parsing stops there.
  private(set) var failure: SpreadsheetError?
  /// True when the handler stopped the parser because it had read all it wanted.
  private(set) var stoppedEarly = false

  /// Records `error` (the first one wins) and stops `parser`.
  final func fail(_ error: SpreadsheetError, _ parser: XMLParser) {
    if failure == nil { failure = error }
    parser.abortParsing()
  }

  /// Stops `parser` without a failure: the handler has what it came for.
  final func stop(_ parser: XMLParser) {
    stoppedEarly = true
    parser.abortParsing()
  }

  /// An element or attribute name without its namespace prefix.
  final func localName(_ name: String) -> Substring {
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name[...] }
    return name[name.index(after: colon)...]
  }

  /// An element starts; the base ignores it.
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {}

  /// An element ends; the base ignores it.
  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {}

  /// Text inside an element; the base ignores it.
  func parser(_ parser: XMLParser, foundCharacters string: String) {}
}
