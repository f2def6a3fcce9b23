import Foundation

/// A PDF file read back just enough to check what the writer promises: the cross-reference
/// table, the objects it points at, and the text of the whole file.
struct PDFStructure {
  /// The file.
  let bytes: [UInt8]
  /// The file as Latin-1 text (one character per byte, so offsets match).
  let text: String

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.text = String(bytes.map { Character(Unicode.Scalar($0)) })
  }

  /// The offset `startxref` names.
  var startXref: Int? {
    guard let range = text.range(of: "startxref\n", options: .backwards) else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
  }

  /// The entries of the cross-reference table: each in-use object's number and offset.
  var xrefEntries: [(number: Int, offset: Int)] {
    guard let start = startXref else { return [] }
    // "\r\n" is one Character in Swift, so splitting at newlines handles both line ends.
    let lines = text.dropFirst(start).split(whereSeparator: \.isNewline)
    guard lines.count > 2, lines[0] == "xref" else { return [] }
    let range = lines[1].split(separator: " ").compactMap { Int($0) }
    guard range.count == 2, lines.count > range[1] + 1 else { return [] }
    return (1..<range[1]).compactMap { number in
      let fields = lines[number + 2].split(separator: " ")
      guard fields.count == 3, fields[2] == "n", let offset = Int(fields[0]) else { return nil }
      return (number, offset)
    }
  }

  /// The `/Size` the trailer declares.
  var trailerSize: Int? {
    guard let range = text.range(of: "/Size ", options: .backwards) else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
  }

  /// The text of object `number` from its offset, if the offset really starts that object.
  func object(_ number: Int, at offset: Int) -> String? {
    let rest = text.dropFirst(offset)
    guard rest.hasPrefix("\(number) 0 obj\n"), let end = rest.range(of: "endobj") else {
      return nil
    }
    return String(rest[..<end.lowerBound])
  }
}
