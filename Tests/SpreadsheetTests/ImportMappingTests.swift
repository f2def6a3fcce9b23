import Spreadsheet
import Testing

@Suite struct ImportMappingTests {
  @Test func chineseAndEnglishTitlesAreMatchedIgnoringCaseSpacesAndWidth() {
    let header = ["序号", "客户名称（必填）", " 联系 电话 ", "ＣＩＴＹ", "Credit-Code"]
    let mapping = ImportMapping.suggested(header: header, fields: CustomerFixture.fields)
    #expect(mapping.columns == ["name": 1, "phone": 2, "city": 3, "credit_code": 4])
  }

  @Test func exactMatchesWinOverPrefixesAndEachColumnFeedsOneField() {
    let header = ["名称备注", "名称", "电话", "电话2"]
    let mapping = ImportMapping.suggested(header: header, fields: CustomerFixture.fields)
    #expect(mapping.columns == ["name": 1, "phone": 2])
  }

  @Test func titlesThatMatchNothingStayUnmapped() {
    let mapping = ImportMapping.suggested(header: ["备注", "金额"], fields: CustomerFixture.fields)
    #expect(mapping.columns.isEmpty)
  }

  @Test func aRequiredFieldWithoutAColumnIsRefused() {
    #expect(throws: ImportError.requiredFieldUnmapped(field: "name")) {
      try ImportMapping(columns: ["phone": 0]).check(header: ["电话"], fields: CustomerFixture.fields)
    }
  }

  @Test func aColumnFeedingTwoFieldsOrMissingFromTheFileIsRefused() {
    let header = ["名称", "电话"]
    #expect(throws: ImportError.columnMappedTwice(column: "B")) {
      try ImportMapping(columns: ["name": 0, "phone": 1, "city": 1])
        .check(header: header, fields: CustomerFixture.fields)
    }
    #expect(throws: ImportError.unknownColumn(column: "C")) {
      try ImportMapping(columns: ["name": 0, "city": 2])
        .check(header: header, fields: CustomerFixture.fields)
    }
  }

  @Test func rowValuesAreTrimmedAndUnmappedFieldsAreEmpty() {
    let row = ImportMapping(columns: ["name": 0, "phone": 2])
      .values(of: SheetRow(number: 7, cells: ["\u{3000}顺达 ", "x"]))
    #expect(row.number == 7)
    #expect(row["name"] == "顺达")
    #expect(row["phone"] == "")
    #expect(row["city"] == "")
  }
}
