import CRM
import Foundation
import FreightdeskCore
import Spreadsheet
import TestSupport
import Testing

@Suite struct CustomerExportTests {
  private let active = """
    {"name": "杭州星途服饰有限公司", "short_name": "星途服饰", "credit_code": "91350100M000100Y43",
     "segment_code": "taobao", "status": "active", "industry": "服装"}
    """
  private let prospect = """
    {"name": "武汉佳禾母婴用品有限公司", "short_name": "佳禾母婴", "status": "prospect"}
    """

  /// A company with one active and one prospective customer, and the sales rep's token.
  private func company(_ backend: Backend) throws -> (TestApp, TestCompany) {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    #expect(try app.api("POST", "/customers", active, token: token).status == 201)
    #expect(try app.api("POST", "/customers", prospect, token: token).status == 201)
    return (app, company)
  }

  @Test(arguments: Backend.allCases)
  func theAPIExportsTheFilteredListAsCSVWithChineseTitles(backend: Backend) throws {
    let (app, company) = try company(backend)
    let answer = try app.api(
      "GET", "/customers/export?format=csv&status=active", token: company.tokens[.sales],
      headers: ["Accept-Language": "zh-CN"])
    #expect(answer.status == 200, "\(answer.text)")
    #expect(answer.headers["content-type"] == "text/csv; charset=utf-8")
    #expect(answer.headers["content-disposition"]?.contains("customers.csv") == true)
    let table = try SpreadsheetFile(data: Data(answer.body)).table()
    #expect(table.header.prefix(3) == ["客户名称", "简称", "统一社会信用代码"])
    #expect(table.rows.map { $0.cells.first } == ["杭州星途服饰有限公司"])
    #expect(table.rows.first?.cells.contains("91350100M000100Y43") == true)
    #expect(table.rows.first?.cells.last == "合作中")
  }

  @Test(arguments: Backend.allCases)
  func thePageExportsAnXLSXWorkbookInEnglish(backend: Backend) throws {
    let (app, company) = try company(backend)
    let browser = Browser(app.client)
    browser.acceptLanguage = "en"
    try browser.signIn(slug: "acme", login: "user-sales", password: company.ownerPassword)
    let list = try browser.get("/app/customers?status=prospect")
    #expect(list.text.contains("/app/customers/export.xlsx?status=prospect"))
    let answer = try browser.get("/app/customers/export.xlsx?status=prospect")
    #expect(answer.status == 200)
    let file = try SpreadsheetFile(data: Data(answer.body))
    #expect(file.format == .xlsx)
    let table = try file.table()
    #expect(table.header.first == "Registered name")
    #expect(table.rows.map { $0.cells.first } == ["武汉佳禾母婴用品有限公司"])
  }

  @Test(arguments: Backend.allCases)
  func anUnknownFormatIsRefusedAndAnotherCompanySeesNothing(backend: Backend) throws {
    let (app, _) = try company(backend)
    let intruder = try app.makeCompany("intruder")
    let wrong = try app.api("GET", "/customers/export?format=pdf", token: intruder.tokens[.owner])
    #expect(wrong.status == 422 || wrong.status == 400)
    let other = try app.api("GET", "/customers/export?format=csv", token: intruder.tokens[.owner])
    #expect(other.status == 200)
    #expect(!other.text.contains("星途服饰"))
    #expect(!other.text.contains("佳禾母婴"))
  }
}
