import FreightdeskCore
import Testing

@Suite struct CSVWriterTests {
  @Test func plainFieldsAreJoinedByCommasAndRecordsEndWithCRLF() {
    var csv = CSVWriter()
    csv.appendRow(["a", "b", ""])
    csv.appendRow(["福州", "1"])
    #expect(csv.text == "a,b,\r\n福州,1\r\n")
  }

  @Test(arguments: [
    ("x,y", "\"x,y\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("line\nbreak", "\"line\nbreak\""),
    ("carriage\rreturn", "\"carriage\rreturn\""), ("crlf\r\nend", "\"crlf\r\nend\""),
    ("\"", "\"\"\"\""), ("no quotes needed", "no quotes needed"),
  ])
  func fieldsWithSpecialCharactersAreQuotedWithQuotesDoubled(field: String, expected: String) {
    var csv = CSVWriter()
    csv.appendRow([field])
    #expect(csv.text == expected + "\r\n")
  }

  @Test func aByteOrderMarkStartsTheDocumentOnlyWhenAskedFor() {
    var marked = CSVWriter(byteOrderMark: true)
    marked.appendRow(["客户"])
    #expect(Array(marked.text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(marked.text.dropFirst() == "客户\r\n")
    var plain = CSVWriter()
    plain.appendRow(["客户"])
    #expect(plain.text == "客户\r\n")
  }

  @Test func guardedFormulasAreShownAsTextAndStillQuotedWhenNeeded() {
    var csv = CSVWriter(guardsFormulas: true)
    csv.appendRow(["=1+2", "+86", "-3", "@SUM(A1)", "a=b", "=HYPERLINK(\"x\",\"y\")"])
    #expect(csv.text == "'=1+2,'+86,'-3,'@SUM(A1),a=b,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n")
    var unguarded = CSVWriter()
    unguarded.appendRow(["=1+2"])
    #expect(unguarded.text == "=1+2\r\n")
  }
}
