import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

@testable import CRM

/// Customer files over the in-request size are imported by a job whose progress the import
/// page and the jobs API show.
@Suite struct CustomerImportJobTests {
  /// A CSV over ``CRMLimits/importInlineBytesMax`` with valid customers, and a bad mobile
  /// number on row `badRow` (1-based data row) when given.
  static func bigFile(badRow: Int?) -> (data: [UInt8], rows: Int) {
    var text = "客户名称,统一社会信用代码,行业,客户来源,联系人,手机\n"
    var rows = 0
    while text.utf8.count <= CRMLimits.importInlineBytesMax {
      rows += 1
      let body = String(rows + 20_000_000).suffix(8)
      let first17 = "91350100" + body + String(CreditCode.organizationCheckCharacter(for: body))
      let code = first17 + String(CreditCode.checkCharacter(for: first17))
      let mobile = rows == badRow ? "12345" : String(13_800_000_000 + rows)
      text += "福建顺达供应链管理有限公司第\(rows)分公司,\(code),冷链物流与仓储配送服务,展会及老客户转介绍,王经理\(rows),\(mobile)\n"
    }
    return (Array(text.utf8), rows)
  }

  func importBig(
    _ backend: Backend, choice: String, badRow: Int?
  ) throws -> (
    app: TestApp, company: TestCompany, page: HTTPClient.Response, rows: Int, job: String
  ) {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    try browser.get("/app/customers/import")
    let (data, rows) = Self.bigFile(badRow: badRow)
    let queued = try browser.upload(
      "/app/customers/import", fields: [("choice", choice)],
      file: ("file", "客户.csv", "text/csv", data))
    #expect(queued.status == 303)
    let location = try #require(queued.headers["location"])
    #expect(location.hasPrefix("/app/customers/import/jobs/"))
    var page = try browser.get(location)
    for _ in 0..<1_500 where page.text.contains("data-reload-after=\"2000\"") {
      Thread.sleep(forTimeInterval: 0.05)
      page = try browser.get(location)
    }
    return (app, company, page, rows, String(location.split(separator: "/").last ?? ""))
  }

  /// The customers besides the one every test company has for its portal user.
  func customerCount(_ app: TestApp, _ company: TestCompany) throws -> Int {
    try app.database.read(for: company.tenant) {
      try $0.query(
        "SELECT COUNT(*) AS n FROM customers WHERE tenant_id = $1 AND id <> $2",
        [.integer(company.customerID.rawValue)]
      ).first?.int("n") ?? -1
    }
  }

  @Test(arguments: Backend.allCases)
  func aBigFileIsImportedInTheBackgroundLeavingOutTheInvalidRow(backend: Backend) throws {
    let (app, company, page, rows, job) = try importBig(backend, choice: "valid", badRow: 7)
    #expect(page.text.contains("已导入 \(rows) 行中的 \(rows - 1) 个客户"))
    #expect(try customerCount(app, company) == rows - 1)
    let api = try app.api("GET", "/jobs/\(job)", token: company.tokens[.owner])
    #expect(api.json["status"] as? String == "succeeded")
    #expect(api.json["done"] as? Int == rows - 1)
    let files = try app.database.read(for: company.tenant) {
      try $0.query("SELECT COUNT(*) AS n FROM customer_import_files WHERE tenant_id = $1")
        .first?.int("n")
    }
    #expect(files == 0)
  }

  @Test(arguments: Backend.allCases)
  func allOrNothingImportsNothingWhenARowIsInvalid(backend: Backend) throws {
    let (app, company, page, _, _) = try importBig(backend, choice: "all", badRow: 3)
    #expect(page.text.contains("未导入"))
    #expect(try customerCount(app, company) == 0)
  }
}
