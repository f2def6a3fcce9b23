import CRM
import Foundation
import FreightdeskCore
import Spreadsheet
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct CustomerImportTests {
  /// Four rows: one valid, a wrong check character, a short mobile, a repeated credit code.
  private let csv = """
    客户名称,统一社会信用代码,联系人,手机
    杭州星途服饰有限公司,91350100M000100Y43,陈静,13912345678
    武汉佳禾母婴用品有限公司,91350100M000100Y44,刘洋,13800138000
    福州顺达物流有限公司,,王伟,1380013800
    厦门海川贸易有限公司,91350100M000100Y43,,
    """

  /// The columns of the CSV above, as the preview suggests them.
  private let mapping = [
    ("map/name", "0"), ("map/credit_code", "1"), ("map/contact_name", "2"), ("map/mobile", "3"),
  ]

  /// `text` in GBK, as Chinese Excel saves a CSV file, encoded with glibc's iconv.
  private func gbk(_ text: String) throws -> [UInt8] {
    let converter = iconv_open("GBK", "UTF-8")
    try #require(converter != iconv_t(bitPattern: -1))
    defer { iconv_close(converter) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    var inLeft = input.count
    var outLeft = output.count
    let converted = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var outPointer = outBuffer.baseAddress
        return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
      }
    }
    try #require(converted != -1)
    return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
  }

  /// A signed-in sales rep's browser on the upload page.
  private func salesBrowser(_ app: TestApp, _ company: TestCompany) throws -> Browser {
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    #expect(try browser.get("/app/customers/import").status == 200)
    return browser
  }

  private func names(_ app: TestApp, _ company: TestCompany) throws -> Set<String> {
    let list = try app.api("GET", "/customers", token: company.tokens[.sales])
    // The company's own portal customer is not what these tests import.
    return Set(
      list.items.filter { $0["id"] as? Int64 != company.customerID.rawValue }
        .compactMap { $0["name"] as? String })
  }

  @Test(arguments: Backend.allCases)
  func aGBKFileIsPreviewedWithAProblemPerRow(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = try salesBrowser(app, company)
    let preview = try browser.upload(
      "/app/customers/import",
      file: (
        "file", "客户.csv", "text/csv", try gbk(csv.replacingOccurrences(of: "\n", with: "\r\n"))
      ))
    #expect(preview.status == 200)
    #expect(preview.text.contains("共 4 行：1 行有效，3 行有错误。"))
    #expect(preview.text.contains("最后一位应为 3，而不是 4。"))
    #expect(preview.text.contains("请输入 11 位中国大陆手机号"))
    #expect(preview.text.contains("91350100M000100Y43 在文件中重复出现（首次出现在第 2 行）。"))
    #expect(preview.text.contains(#"<option value="1" selected"#))
    #expect(try names(app, company).isEmpty)
  }

  @Test(arguments: Backend.allCases)
  func allOrNothingRefusesAndValidRowsOnlyImportsExactlyTheValidRows(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = try salesBrowser(app, company)
    try browser.upload(
      "/app/customers/import", file: ("file", "customers.csv", "text/csv", Array(csv.utf8)))
    let file = Data(csv.utf8).base64EncodedString()
    let refused = try browser.submit(
      "/app/customers/import/confirm", [("file", file), ("action", "all")] + mapping)
    #expect(refused.status == 422)
    #expect(refused.text.contains("有 3 行存在错误，未导入任何数据。"))
    #expect(try names(app, company).isEmpty)
    let imported = try browser.submit(
      "/app/customers/import/confirm", [("file", file), ("action", "valid")] + mapping)
    #expect(imported.status == 303)
    #expect(try browser.follow(imported).text.contains("已导入 1 个客户。"))
    #expect(try names(app, company) == ["杭州星途服饰有限公司"])
    let contacts = try app.api("GET", "/customers", token: company.tokens[.sales])
    #expect(contacts.items.first?["credit_code"] as? String == "91350100M000100Y43")
  }

  @Test(arguments: Backend.allCases)
  func anXLSXFileWithEnglishTitlesFindsExistingCustomers(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let existing = #"{"name": "杭州星途服饰有限公司", "credit_code": "91350100M000100Y43"}"#
    #expect(
      try app.api("POST", "/customers", existing, token: company.tokens[.sales]).status == 201)
    let workbook = try SpreadsheetExport.xlsx(
      sheetName: "Customers",
      columns: ["Name", "Credit code", "Contact", "Mobile"].map { ExportColumn($0) },
      rows: [
        [.text("星途服饰二号"), .text("91350100M000100Y43"), .text("陈静"), .text("13912345678")],
        [.text("福州顺达物流有限公司"), .empty, .text("王伟"), .text("13800138000")],
      ])
    let browser = try salesBrowser(app, company)
    let preview = try browser.upload(
      "/app/customers/import",
      file: (
        "file", "customers.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Array(workbook)
      ))
    #expect(preview.status == 200)
    #expect(preview.text.contains("共 2 行：1 行有效，1 行有错误。"))
    #expect(preview.text.contains("91350100M000100Y43 已存在。"))
  }

  @Test(arguments: Backend.allCases)
  func aViewerCannotImportAndAnotherCompanyGetsNothing(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let viewer = Browser(app.client)
    try viewer.signIn(slug: company.slug, login: "user-viewer", password: company.ownerPassword)
    #expect(try viewer.get("/app/customers/import").status == 403)
    let browser = try salesBrowser(app, company)
    try browser.upload(
      "/app/customers/import", file: ("file", "customers.csv", "text/csv", Array(csv.utf8)))
    let file = Data(csv.utf8).base64EncodedString()
    try browser.submit(
      "/app/customers/import/confirm", [("file", file), ("action", "valid")] + mapping)
    let intruder = try app.makeCompany("intruder")
    #expect(try names(app, intruder).isEmpty)
    #expect(try names(app, company).count == 1)
  }

  @Test(arguments: Backend.allCases)
  func checkingAgainUsesTheColumnsTheUserChose(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = try salesBrowser(app, company)
    try browser.upload(
      "/app/customers/import", file: ("file", "customers.csv", "text/csv", Array(csv.utf8)))
    let file = Data(csv.utf8).base64EncodedString()
    let withoutMobile = mapping.filter { $0.0 != "map/mobile" } + [("map/mobile", "")]
    let rechecked = try browser.submit(
      "/app/customers/import/confirm", [("file", file), ("action", "recheck")] + withoutMobile)
    #expect(rechecked.status == 200)
    #expect(rechecked.text.contains("共 4 行：2 行有效，2 行有错误。"))
    #expect(!rechecked.text.contains("请输入 11 位中国大陆手机号"))
    let twice = mapping.filter { $0.0 != "map/mobile" } + [("map/mobile", "0")]
    let refused = try browser.submit(
      "/app/customers/import/confirm", [("file", file), ("action", "valid")] + twice)
    #expect(refused.status == 400)
    #expect(try names(app, company).isEmpty)
  }
}
