import Foundation
import FreightdeskCore
import Spreadsheet
import Testing

@Suite struct XLSXRoundTripTests {
  private let columns = [
    ExportColumn("客户名称"), ExportColumn("信用额度"), ExportColumn("签约日期"),
    ExportColumn("启用"), ExportColumn("编号"), ExportColumn("备注"),
  ]

  @Test func typedCellsReadBackAsExcelShowsThem() throws {
    let rows: [[CellValue]] = [
      [
        .text("福州顺达物流有限公司"), .number(50_000), .date(CivilDate(year: 2026, month: 12, day: 4)),
        .boolean(true), .integer(7_301_234_567_890_123_456), .text("=1+2 stays text"),
      ],
      [
        .text("Xiamen Haitong"), .number(1234.5), .date(CivilDate(year: 1900, month: 1, day: 1)),
        .boolean(false),
      ],
      [.empty, .number(-0.25), .empty, .empty, .integer(42), .text("")],
    ]
    let data = try SpreadsheetExport.xlsx(sheetName: "客户", columns: columns, rows: rows)
    let file = try SpreadsheetFile(data: data)
    #expect(file.format == .xlsx)
    #expect(try file.sheetNames() == ["客户"])
    let table = try file.table()
    #expect(table.header == columns.map(\.title))
    #expect(
      table.rows.map(\.cells) == [
        ["福州顺达物流有限公司", "50000", "2026-12-04", "TRUE", "7301234567890123456", "=1+2 stays text"],
        ["Xiamen Haitong", "1234.5", "1900-01-01", "FALSE"],
        ["", "-0.25", "", "", "42"],
      ])
    #expect(table.rows.map(\.number) == [2, 3, 4])
  }

  @Test func manyRowsStreamThroughInOrder() throws {
    let count = 5_000
    let rows = (1...count).lazy.map { index -> [CellValue] in
      [
        .text("客户\(index)"), .integer(Int64(index)),
        .date(CivilDate(year: 2026, month: 1 + index % 12, day: 1)),
      ]
    }
    let data = try SpreadsheetExport.xlsx(sheetName: "Sheet1", columns: columns, rows: rows)
    var seen = 0
    var header: [String] = []
    try SpreadsheetFile(data: data).forEachRow { row in
      if header.isEmpty {
        header = row.cells
        return
      }
      seen += 1
      #expect(row.number == seen + 1)
      #expect(row.cells[0] == "客户\(seen)" && row.cells[1] == String(seen))
    }
    #expect(seen == count)
  }

  @Test func aNamedSheetIsReadAndAMissingOneIsReported() throws {
    let data = try SpreadsheetExport.xlsx(
      sheetName: "a/b:c", columns: columns, rows: [[.text("x")]])
    #expect(try SpreadsheetFile(data: data).sheetNames() == ["a_b_c"])
    #expect(try SpreadsheetFile(data: data, sheetName: "a_b_c").table().rows.count == 1)
    #expect(throws: SpreadsheetError.sheetNotFound(name: "客户")) {
      try SpreadsheetFile(data: data, sheetName: "客户").table()
    }
  }

  @Test func csvExportsStartWithAByteOrderMarkAndGuardFormulas() throws {
    let data = SpreadsheetExport.csv(
      columns: [ExportColumn("名称"), ExportColumn("额度"), ExportColumn("日期")],
      rows: [[.text("=cmd"), .number(12.5), .date(CivilDate(year: 2026, month: 3, day: 9))]])
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let table = try SpreadsheetFile(data: data).table()
    #expect(table.header == ["名称", "额度", "日期"])
    #expect(table.rows.first?.cells == ["'=cmd", "12.5", "2026-03-09"])
  }
}
