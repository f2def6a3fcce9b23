import Foundation
import FoundationXML

/// What `xl/workbook.xml` and its relationships say: the sheets in order, where each one's
/// part is, and which date system the serial numbers count in.
struct WorkbookIndex {
  /// The sheets in workbook order: their names and part paths inside the archive.
  let sheets: [(name: String, path: String)]
  /// True for the 1904 date system (old Mac workbooks): serial 0 is 1904-01-01.
  let usesDate1904: Bool

  /// Reads the workbook and its relationships from `archive`.
  init(archive: ZipArchive) throws(SpreadsheetError) {
    let workbook = WorkbookHandler()
    try archive.parse("xl/workbook.xml", with: workbook)
    let relationships = RelationshipsHandler()
    try archive.parse("xl/_rels/workbook.xml.rels", with: relationships)
    sheets = workbook.sheets.compactMap { sheet in
      relationships.targets[sheet.relationship].map { (sheet.name, Self.partPath($0)) }
    }
    usesDate1904 = workbook.usesDate1904
  }

  /// The part path of the sheet named `name`, or of the first sheet when `name` is nil.
  func sheetPath(named name: String?) throws(SpreadsheetError) -> String {
    let sheet = name.map { name in sheets.first { $0.name == name } } ?? sheets.first
    guard let sheet else { throw .sheetNotFound(name: name ?? "") }
    return sheet.path
  }

  /// A relationship target as an archive path: relative targets are relative to `xl/`.
  private static func partPath(_ target: String) -> String {
    target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
  }
}

/// Collects `<sheet name=… r:id=…>` and `<workbookPr date1904=…>` from `xl/workbook.xml`.
private final class WorkbookHandler: PartHandler {
  var sheets: [(name: String, relationship: String)] = []
  var usesDate1904 = false

  override func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    switch localName(elementName) {
    case "sheet":
      let relationship = attributes.first { localName($0.key) == "id" }?.value
      if let name = attributes["name"], let relationship {
        sheets.append((name, relationship))
      }
    case "workbookPr":
      usesDate1904 = ["1", "true"].contains(attributes["date1904"])
    default:
      break
    }
  }
}

/// Collects `<Relationship Id=… Target=…>` from `xl/_rels/workbook.xml.rels`.
private final class RelationshipsHandler: PartHandler {
  var targets: [String: String] = [:]

  override func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    if localName(elementName) == "Relationship", let id = attributes["Id"],
      let target = attributes["Target"]
    {
      targets[id] = target
    }
  }
}
