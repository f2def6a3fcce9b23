import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

@testable import CRM

/// Every CRM list downloads as CSV and .xlsx through the one export mechanism.
@Suite struct ListExportTests {
  @Test(arguments: Backend.allCases)
  func everyListDownloadsAsCSVAndExcel(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let card = try app.createListCard(for: company)
    let contract = try app.call(
      "POST", "/api/v1/contracts",
      """
      {"customer_id": \(company.customerID), "title": "年度运输合同", "rate_card_id": \(card),
       "valid_from": "2026-01-01", "valid_through": "2027-06-30", "settlement": "monthly",
       "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
      """, as: .sales, of: company)
    let number = try #require(contract.json["number"] as? String)
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "郑州源华食品有限公司"), in: company.tenant, audit: testAudit(app))
    try app.crm.addFollowUp(
      FollowUpInput(title: "回访郑州源华", dueOn: "2026-12-10"), customer: customer.id,
      by: company.userIDs[.owner]!, in: company.tenant, audit: testAudit(app))
    try app.api(
      "POST", "/segments", #"{"name": "华中客户", "filter": {"tags": []}}"#,
      token: company.tokens[.owner])
    let expected = [
      "inquiries": "Inquiry no.", "quotes": "Quote no.", "contracts": number,
      "rate-cards": "标准价", "follow-ups": "回访郑州源华", "segments": "华中客户",
      "campaigns": "Campaign name",
    ]
    for (path, text) in expected {
      let csv = try app.api("GET", "/\(path)/export?format=csv", token: company.tokens[.owner])
      #expect(csv.status == 200, "\(path)")
      #expect(csv.headers["content-type"] == "text/csv; charset=utf-8", "\(path)")
      #expect(csv.text.contains(text), "\(path)")
      let xlsx = try app.api("GET", "/\(path)/export?format=xlsx", token: company.tokens[.owner])
      #expect(xlsx.body.starts(with: [0x50, 0x4B]), "\(path)")
    }
    let unknown = try app.api("GET", "/quotes/export?format=pdf", token: company.tokens[.owner])
    #expect(unknown.status == 400)
    let denied = try app.api("GET", "/contracts/export", token: company.tokens[.driver])
    #expect(denied.status == 403)
    let browser = try app.signIn(company, login: "owner")
    let page = try browser.get("/app/inquiries")
    #expect(page.text.contains("/app/inquiries/export.xlsx"))
    let file = try browser.get("/app/contracts/export.csv")
    #expect(file.text.contains(number))
  }
}
