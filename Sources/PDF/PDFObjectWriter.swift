/// Writes numbered objects one after another, remembering where each starts, then the
/// cross-reference table and trailer that let a reader find them.
struct PDFObjectWriter {
  /// The file so far, starting with the header; its second line holds bytes above 127 so
  /// tools treat the file as binary.
  private(set) var bytes: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
  /// Each object's byte offset, by object number.
  private var offsets: [Int: Int] = [:]

  /// Appends object `number` with `body` (a dictionary or other direct object).
  mutating func add(_ number: Int, _ body: String) {
    precondition(offsets[number] == nil, "object \(number) written twice")
    offsets[number] = bytes.count
    bytes += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
  }

  /// Appends object `number` as a stream of `content` with its length.
  mutating func addStream(_ number: Int, _ content: [UInt8]) {
    precondition(offsets[number] == nil, "object \(number) written twice")
    offsets[number] = bytes.count
    bytes += Array("\(number) 0 obj\n<< /Length \(content.count) >>\nstream\n".utf8)
    bytes += content
    bytes += Array("\nendstream\nendobj\n".utf8)
  }

  /// The finished file: the cross-reference table (objects 1…n, numbered without gaps), the
  /// trailer naming the catalog and information dictionary, and the offset of the table.
  func finish(root: Int, info: Int) -> [UInt8] {
    let count = offsets.count
    precondition(offsets.keys.sorted() == Array(1...count), "objects are numbered 1…n")
    var file = bytes
    let table = file.count
    var xref = "xref\n0 \(count + 1)\n0000000000 65535 f\r\n"
    for number in 1...count {
      let offset = String(offsets[number]!)
      xref += String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n\r\n"
    }
    xref += "trailer\n<< /Size \(count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\n"
    xref += "startxref\n\(table)\n%%EOF\n"
    file += Array(xref.utf8)
    return file
  }
}
