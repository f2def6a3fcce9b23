import Foundation
import FoundationXML

/// Streams the rows of one worksheet part (`<sheetData><row><c>…`), turning each cell into
/// text: shared strings (`t="s"`) are looked up, inline strings (`t="inlineStr"`) and
/// formula results (`t="str"`, `t="e"`) taken as written, booleans shown as TRUE / FALSE,
/// and numbers in a date style converted from Excel serials to ISO dates.
///
/// Cells may be sparse: a cell's reference (`C7`) places it, and the gaps read as empty.
/// Only the current row is held in memory.
final class SheetHandler: PartHandler {
  private let sharedStrings: [String]
  private let dateKinds: [DateKind?]
  private let uses1904: Bool
  /// Receives each row; returns false to stop reading.
  private let body: (SheetRow) throws(SpreadsheetError) -> Bool

  private var rowNumber = 0
  private var cells: [String] = []
  private var cellReference = ""
  private var cellColumn = 0
  private var cellType = ""
  private var cellStyle = 0
  /// The text of the current cell's value (`<v>`) or inline string (`<is>`).
  private var text = ""
  private var isInValue = false
  private var isInInlineString = false
  private var inlineString = StringItemText()

  init(
    sharedStrings: [String], dateKinds: [DateKind?], uses1904: Bool,
    body: @escaping (SheetRow) throws(SpreadsheetError) -> Bool
  ) {
    self.sharedStrings = sharedStrings
    self.dateKinds = dateKinds
    self.uses1904 = uses1904
    self.body = body
  }

  override func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    let name = localName(elementName)
    switch name {
    case "row":
      rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
      cells.removeAll(keepingCapacity: true)
    case "c":
      startCell(attributes, parser)
    case "v":
      isInValue = true
    case "is":
      isInInlineString = true
      inlineString.reset()
    default:
      if isInInlineString { inlineString.start(name) }
    }
  }

  override func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    let name = localName(elementName)
    switch name {
    case "row":
      do {
        if try !body(SheetRow(number: rowNumber, cells: cells)) { stop(parser) }
      } catch {
        fail(error, parser)
      }
    case "c":
      endCell(parser)
    case "v":
      isInValue = false
    case "is":
      isInInlineString = false
      text = inlineString.text
    default:
      if isInInlineString { inlineString.end(name) }
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    if isInValue {
      text += string
    } else if isInInlineString {
      inlineString.append(string)
    }
  }

  private func startCell(_ attributes: [String: String], _ parser: XMLParser) {
    cellReference = attributes["r"] ?? ""
    if cellReference.isEmpty {
      cellColumn = cells.count
    } else if let column = ColumnName.columnIndex(ofReference: cellReference) {
      cellColumn = column
    } else {
      return fail(.invalidCell(reference: cellReference), parser)
    }
    guard cellColumn < SpreadsheetLimits.columnsMax else {
      return fail(.tooManyColumns(row: rowNumber, columnsMax: SpreadsheetLimits.columnsMax), parser)
    }
    cellType = attributes["t"] ?? "n"
    cellStyle = attributes["s"].flatMap(Int.init) ?? 0
    text = ""
  }

  private func endCell(_ parser: XMLParser) {
    let value: String
    switch cellType {
    case "s":
      guard let index = Int(text), sharedStrings.indices.contains(index) else {
        return fail(.invalidCell(reference: cellReference), parser)
      }
      value = sharedStrings[index]
    case "b":
      value = text == "1" ? "TRUE" : "FALSE"
    case "n":
      value = numberText(text)
    default:
      value = text
    }
    guard !value.isEmpty else { return }
    if cellColumn >= cells.count {
      cells.append(contentsOf: repeatElement("", count: cellColumn - cells.count + 1))
    }
    cells[cellColumn] = value
  }

  /// A numeric cell as a person reads it: a date in a date style, an integer without `.0`,
  /// any other number in its shortest exact decimal form.
  private func numberText(_ raw: String) -> String {
    guard let number = Double(raw) else { return raw }
    if dateKinds.indices.contains(cellStyle), let kind = dateKinds[cellStyle],
      let date = ExcelDate.text(serial: number, kind: kind, uses1904: uses1904)
    {
      return date
    }
    if raw.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
      return raw
    }
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number))
    }
    return String(number)
  }
}
