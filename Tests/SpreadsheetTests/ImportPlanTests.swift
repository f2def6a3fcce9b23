import Foundation
import Spreadsheet
import Testing

@Suite struct ImportPlanTests {
  private static let header = "客户名称,统一社会信用代码,联系电话,城市\n"
  private static let valid = "福州顺达物流,91350100M000100Y43,13800138000,福州\n"

  private func plan(
    _ csv: String, existing: Set<String> = []
  ) throws -> ImportPlan<CustomerFixture> {
    let file = try SpreadsheetFile(data: Data(csv.utf8))
    let mapping = ImportMapping.suggested(header: try file.header(), fields: CustomerFixture.fields)
    return try ImportPlanner.plan(
      file: file, mapping: mapping, fields: CustomerFixture.fields,
      duplicates: CustomerFixture.duplicates(existing: existing),
      validate: CustomerFixture.validated)
  }

  @Test func theProblemsOfEachRowAreListedWithRowColumnAndCode() throws {
    let plan = try plan(
      Self.header + Self.valid + ",91350100M000100Y44,12345,厦门\n" + "小米,,13900139000,北京\n")
    let preview = plan.preview
    #expect(preview.rowCount == 3)
    #expect(preview.validRowCount == 2)
    #expect(preview.invalidRowCount == 1)
    #expect(preview.problemCount == 3)
    #expect(
      preview.problems.map { [String($0.row), $0.field, $0.columnLetters ?? "", $0.code] } == [
        ["3", "name", "A", "required"],
        ["3", "credit_code", "B", "invalid_credit_code_check"],
        ["3", "phone", "C", "invalid_phone"],
      ])
    #expect(preview.problems[1].columnTitle == "统一社会信用代码")
    #expect(preview.problems[1].arguments == ["position": "18", "expected": "3", "found": "4"])
    #expect(preview.sampleRows.map { $0["name"] } == ["福州顺达物流", "小米"])
  }

  @Test func allOrNothingRefusesAFileWithAnyInvalidRow() throws {
    let plan = try plan(Self.header + Self.valid + "无电话客户,,123,\n")
    #expect(throws: ImportError.invalidRows(count: 1)) { try plan.records(for: .allOrNothing) }
    #expect(try plan.records(for: .validRowsOnly).map(\.name) == ["福州顺达物流"])
  }

  @Test func aFileOfValidRowsImportsWholeEitherWay() throws {
    let plan = try plan(Self.header + Self.valid + "小米,,13900139000,北京\n")
    let all = try plan.records(for: .allOrNothing)
    #expect(all.map(\.name) == ["福州顺达物流", "小米"])
    #expect(try plan.records(for: .validRowsOnly) == all)
  }

  @Test func aKeyRepeatedInTheFileIsADuplicateOfItsFirstRow() throws {
    let plan = try plan(Self.header + Self.valid + "\n" + Self.valid)
    #expect(plan.preview.validRowCount == 1)
    let problem = try #require(plan.preview.problems.first)
    #expect(problem.row == 4)
    #expect(problem.code == RowProblem.duplicateInFileCode)
    #expect(problem.arguments == ["value": "91350100M000100Y43", "first_row": "2"])
  }

  @Test func aKeyThatAlreadyExistsIsADuplicate() throws {
    let plan = try plan(Self.header + Self.valid, existing: ["91350100M000100Y43"])
    #expect(plan.preview.validRowCount == 0)
    #expect(plan.preview.problems.map(\.code) == [RowProblem.duplicateExistingCode])
    #expect(try plan.records(for: .validRowsOnly).isEmpty)
  }

  @Test func theProblemListIsBoundedButEveryProblemIsCounted() throws {
    let bad = String(repeating: ",,1,\n", count: SpreadsheetLimits.previewProblemsMax + 5)
    let plan = try plan(Self.header + bad)
    #expect(plan.preview.problemCount == 2 * (SpreadsheetLimits.previewProblemsMax + 5))
    #expect(plan.preview.problems.count == SpreadsheetLimits.previewProblemsMax)
  }

  @Test func aMappingWithoutTheRequiredFieldIsRefusedBeforeAnyRow() throws {
    let file = try SpreadsheetFile(data: Data((Self.header + Self.valid).utf8))
    #expect(throws: ImportError.requiredFieldUnmapped(field: "name")) {
      try ImportPlanner.plan(
        file: file, mapping: ImportMapping(columns: ["phone": 2]), fields: CustomerFixture.fields,
        duplicates: nil, validate: CustomerFixture.validated)
    }
  }

  @Test func rowsOfAWorkbookArePlannedLikeRowsOfACSVFile() throws {
    let columns = ["客户名称", "统一社会信用代码", "联系电话", "城市"].map { ExportColumn($0) }
    let data = try SpreadsheetExport.xlsx(
      sheetName: "客户", columns: columns,
      rows: [[.text("福州顺达物流"), .text("91350100M000100Y43"), .integer(13_800_138_000), .empty]])
    let file = try SpreadsheetFile(data: data)
    let plan = try ImportPlanner.plan(
      file: file, mapping: .suggested(header: try file.header(), fields: CustomerFixture.fields),
      fields: CustomerFixture.fields, duplicates: nil, validate: CustomerFixture.validated)
    let customer = try #require(try plan.records(for: .allOrNothing).first)
    #expect(customer.phone == "13800138000")
    #expect(customer.creditCode?.rawValue == "91350100M000100Y43")
  }
}
