import CRM
import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@Suite struct CommercialPortalAndCreditPageTests {
  @Test(arguments: Backend.allCases)
  func aCustomerAsksForAPriceOnThePortal(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let browser = try app.signIn(company, login: "user-customer")
    #expect(try browser.get("/portal/inquiries").text.contains("在线询价"))
    let empty = try browser.submit("/portal/inquiries", [("origin", ""), ("weight_kg", "5")])
    #expect(empty.status == 422)
    let sent = try browser.follow(
      try browser.submit(
        "/portal/inquiries",
        [
          ("origin", "上海市"), ("destination", "浙江省/杭州市"), ("cargo", "茶叶"),
          ("weight_kg", "35.5"), ("services", "pickup"),
        ]))
    #expect(sent.text.contains("询价已收到"))
    let listed = try app.call("GET", "/api/v1/inquiries", as: .sales, of: company)
    let inquiry = try #require((listed.json["items"] as? [[String: Any]])?.first)
    #expect(inquiry["source"] as? String == "portal")
    #expect((inquiry["details"] as? [String: Any])?["contact_name"] as? String == "customer")
    #expect(try browser.get("/app/inquiries").status == 403)
  }

  @Test(arguments: Backend.allCases)
  func financeDecidesAHoldOnTheCreditPage(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let held = try app.checkCredit(
      CreditCheckRequest(
        customer: Identifier(rawValue: 9), amount: Money(minorUnits: 500_00),
        reference: "order:77", limit: Money(minorUnits: 1_000_00),
        rule: CreditRatingRule(rating: "D", alwaysHold: true)),
      exposure: CreditExposure(openReceivables: .zero(), openOrders: .zero()), of: company)
    let hold = try #require(held.hold)
    let browser = try app.signIn(company, login: "user-finance")
    let page = try browser.get("/app/credit-holds")
    #expect(page.text.contains("order:77"))
    #expect(page.text.contains("该信用等级的客户每笔业务须经财务审批"))
    let decided = try browser.follow(
      try browser.submit(
        "/app/credit-holds/\(hold.id)/decision", [("note", "预付一半后放行"), ("decision", "approve")]))
    #expect(decided.text.contains("已放行"))
    #expect(decided.text.contains("预付一半后放行"))
  }

  @Test(arguments: Backend.allCases)
  func theChargeableWeightRuleIsTheCompanys(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let browser = try app.signIn(company, login: "user-finance")
    try browser.get("/app/rate-cards")
    let saved = try browser.follow(
      try browser.submit(
        "/app/pricing-settings",
        [("kilograms_per_cubic_metre", "167"), ("weight_rounding", "whole_kilogram_up")]))
    #expect(saved.text.contains("立方米 × 167 千克"))
    let price = try app.call(
      "POST", "/api/v1/prices",
      #"{"origin": "上海市", "destination": "广东省", "weight_kg": 100.2, "volume_m3": 1}"#,
      as: .sales, of: company)
    #expect((price.json["chargeable_weight_kg"] as? NSNumber)?.doubleValue == 167)
    let settings = try app.call("GET", "/api/v1/pricing-settings", as: .viewer, of: company)
    #expect(settings.json["weight_rounding"] as? String == "whole_kilogram_up")
  }

  @Test(arguments: Backend.allCases)
  func promotionsAreAddedForASegmentAndAPeriod(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let browser = try app.signIn(company, login: "user-finance")
    try browser.get("/app/promotions")
    let fields = [
      ("code", "VIP95"), ("name", "VIP 九五折"), ("segment", "vip"), ("valid_from", "2026-12-01"),
      ("valid_through", "2026-12-31"),
    ]
    let both = try browser.submit("/app/promotions", fields + [("percent", "5"), ("fixed", "10")])
    #expect(both.status == 422)
    #expect(both.text.contains("请填写固定金额或百分比，二者选一"))
    let added = try browser.follow(
      try browser.submit("/app/promotions", fields + [("percent", "5")]))
    #expect(added.text.contains("VIP 九五折"))
    #expect(added.text.contains("5.00 %"))
    let listed = try app.call("GET", "/api/v1/promotions", as: .viewer, of: company)
    let first = (listed.json["items"] as? [[String: Any]])?.first
    #expect((first?["percent_basis_points"] as? NSNumber)?.intValue == 500)
  }
}
