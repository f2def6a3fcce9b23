/// Reads CSV text per RFC 4180, leniently where Excel is lenient: fields may be quoted (a
/// doubled quote inside stands for one), records end with CRLF, LF or CR, quoted fields may
/// span lines, and a quote in the middle of an unquoted field is kept as a character.
///
/// The delimiter is detected from the first line: whichever of comma, semicolon and tab
/// occurs most outside quotes (comma on a tie), since European Excel writes semicolons and
/// "Unicode text" exports use tabs.
struct CSVReader {
  private static let quote = UInt8(ascii: "\"")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let delimiterCandidates: [UInt8] = [
    UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"),
  ]

  /// The decoded text of the whole file.
  let text: String

  /// Calls `body` with every record in order, numbered from 1 as Excel numbers rows, until
  /// it returns false.
  func forEachRecord(_ body: (SheetRow) throws(SpreadsheetError) -> Bool) throws(SpreadsheetError) {
    var text = text
    var failure: SpreadsheetError?
    text.withUTF8 { bytes in
      do throws(SpreadsheetError) {
        try Self.parse(bytes, delimiter: Self.delimiter(of: bytes), body)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// The candidate delimiter found most often outside quotes on the first line.
  static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var counts = [Int](repeating: 0, count: delimiterCandidates.count)
    var inQuotes = false
    for byte in bytes {
      if byte == quote {
        inQuotes.toggle()
      } else if !inQuotes, byte == lineFeed || byte == carriageReturn {
        break
      } else if !inQuotes, let index = delimiterCandidates.firstIndex(of: byte) {
        counts[index] += 1
      }
    }
    var best = 0
    for index in counts.indices where counts[index] > counts[best] { best = index }
    return delimiterCandidates[best]
  }

  /// The record-splitting state machine over UTF-8 bytes; every special character is ASCII,
  /// so multi-byte characters pass through untouched.
  private static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8,
    _ body: (SheetRow) throws(SpreadsheetError) -> Bool
  ) throws(SpreadsheetError) {
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var fieldWasQuoted = false
    var line = 1
    var quoteLine = 1
    var recordNumber = 0
    var index = 0

    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    func endRecord() throws(SpreadsheetError) -> Bool {
      endField()
      recordNumber += 1
      defer { fields.removeAll(keepingCapacity: true) }
      return try body(SheetRow(number: recordNumber, cells: fields))
    }

    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inQuotes {
        if byte == quote {
          if index < bytes.count, bytes[index] == quote {
            field.append(quote)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == lineFeed { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case quote where field.isEmpty && !fieldWasQuoted:
        inQuotes = true
        fieldWasQuoted = true
        quoteLine = line
      case delimiter:
        endField()
      case carriageReturn, lineFeed:
        if byte == carriageReturn, index < bytes.count, bytes[index] == lineFeed { index += 1 }
        line += 1
        guard try endRecord() else { return }
      default:
        field.append(byte)
      }
    }
    guard !inQuotes else { throw .unterminatedQuote(line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { _ = try endRecord() }
  }
}
