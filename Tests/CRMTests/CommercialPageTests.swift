import CRM
import Foundation
import TestSupport
import Testing

@Suite struct CommercialPageTests {
  @Test(arguments: Backend.allCases)
  func theCalculatorShowsTheBreakdownOrWhatIsWrong(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let browser = try app.signIn(company, login: "user-sales")
    let calculator = try browser.get("/app/prices").text
    #expect(calculator.contains("运价计算器"))
    // Customers are picked by name (with list prices first), never typed as raw ids.
    #expect(calculator.contains("<option value=\"\" selected>按标准价</option>"))
    #expect(calculator.contains("<option value=\"\(company.customerID)\">客户贸易有限公司</option>"))
    let priced = try browser.submit(
      "/app/prices",
      [
        ("origin", "上海市"), ("destination", "广东省/广州市"), ("weight_kg", "100"),
        ("services", "cold_chain"), ("services", "urgent"),
      ])
    #expect(priced.status == 200)
    #expect(priced.text.contains("冷链"))
    #expect(priced.text.contains("¥307.50"))
    let unserved = try browser.submit(
      "/app/prices", [("origin", "北京市"), ("destination", "新疆"), ("weight_kg", "1")])
    #expect(unserved.status == 422)
    #expect(unserved.text.contains("没有适用于 北京市 → 新疆 线路的运价"))
  }

  @Test(arguments: Backend.allCases)
  func aRateCardsLanesAreEditedOnItsPage(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let browser = try app.signIn(company, login: "user-finance")
    try browser.get("/app/rate-cards")
    let created = try browser.follow(
      try browser.submit(
        "/app/rate-cards",
        [
          ("name", "华东标准价"), ("is_list", "1"), ("origin", "上海市"), ("destination", "*"),
          ("minimum_charge", "30"), ("weight_breaks", "0=2.50, 50=2.00"), ("volume_breaks", ""),
        ]))
    #expect(created.text.contains("华东标准价"))
    #expect(created.text.contains("≥50: ¥2.00"))
    let action = try #require(
      created.text.range(of: #"/app/rate-cards/\d+/lanes""#, options: .regularExpression))
    let path = String(created.text[action].dropLast(7))
    let bad = try browser.submit(
      "\(path)/lanes",
      [
        ("origin", "上海市"), ("destination", "北京市"), ("minimum_charge", "x"),
        ("weight_breaks", "0=abc"),
      ])
    #expect(bad.status == 422)
    #expect(bad.text.contains("请输入不小于 0 的金额"))
    let added = try browser.follow(
      try browser.submit(
        "\(path)/lanes",
        [
          ("origin", "上海市"), ("destination", "北京市"), ("minimum_charge", "40"),
          ("weight_breaks", "0=3"),
        ]))
    #expect(added.text.contains("第 2 版"))
    #expect(added.text.contains("上海市 → 北京市"))
    let charges = [
      ("service_urgent", "20%"), ("service_night", "30"), ("fuel_percent", "5"),
      ("insurance_percent", "0.3"), ("insurance_minimum", "2"), ("insurance_cap", "500000"),
    ]
    let wrong = try browser.submit("\(path)/charges", charges + [("service_pickup", "abc")])
    #expect(wrong.status == 422)
    let saved = try browser.follow(try browser.submit("\(path)/charges", charges))
    #expect(saved.text.contains("第 3 版"))
    #expect(saved.text.contains(#"value="20.00%""#))
    let price = try app.call(
      "POST", "/api/v1/prices",
      """
      {"origin": "上海市", "destination": "北京市", "weight_kg": 100, "services": ["urgent", "night"],
       "declared_value_fen": 1000000}
      """, as: .sales, of: company)
    // ¥300.00 freight, urgent ¥60.00, night ¥30.00, insurance ¥30.00, fuel ¥15.00.
    #expect((price.json["total_fen"] as? NSNumber)?.intValue == 43_500)
  }

  @Test(arguments: Backend.allCases)
  func theContractsPageHighlightsThoseDueForRenewal(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let card = try app.createListCard(for: company)
    for (title, through) in [("快到期合同", "2026-12-20"), ("长期合同", "2027-12-31")] {
      let created = try app.call(
        "POST", "/api/v1/contracts",
        """
        {"customer_id": \(company.customerID), "title": "\(title)", "rate_card_id": \(card),
         "valid_from": "2026-01-01", "valid_through": "\(through)", "settlement": "monthly",
         "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
        """, as: .sales, of: company)
      #expect(created.status == 201)
    }
    let browser = try app.signIn(company, login: "user-viewer")
    let page = try browser.get("/app/contracts")
    #expect(page.status == 200)
    #expect(page.text.components(separatedBy: "table-warning").count == 2)
    #expect(page.text.contains("即将到期，请续签"))
    #expect(!page.text.contains("登记合同"))
  }

  @Test(arguments: Backend.allCases)
  func aContractsCustomerIsPickedByNameAndListedByName(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let card = try app.createListCard(for: company)
    let browser = try app.signIn(company, login: "user-sales")
    let form = try browser.get("/app/contracts").text
    #expect(
      form.contains(#"id="field-customer_id" name="customer_id" aria-invalid="false"><option"#))
    #expect(form.contains("<option value=\"\(company.customerID)\">客户贸易有限公司</option>"))
    var fields = [
      ("title", "年度框架合同"), ("rate_card_id", String(card)), ("valid_from", "2026-01-01"),
      ("valid_through", "2027-12-31"), ("settlement", "monthly"), ("on_time_target", "95"),
      ("renewal_reminder_days", "30"),
    ]
    let byAPI = try app.call(
      "POST", "/api/v1/contracts",
      """
      {"customer_id": 42, "title": "无主合同", "rate_card_id": \(card),
       "valid_from": "2026-01-01", "valid_through": "2027-06-30", "settlement": "monthly",
       "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
      """, as: .sales, of: company)
    #expect(byAPI.status == 400)
    #expect(byAPI.text.contains("/customer_id"))
    let unknown = try browser.submit("/app/contracts", fields + [("customer_id", "42")])
    #expect(unknown.status == 422)
    #expect(unknown.text.contains("请从列表中选择。"))
    fields.append(("customer_id", company.customerID.description))
    let listed = try browser.follow(try browser.submit("/app/contracts", fields)).text
    #expect(listed.contains("年度框架合同"))
    #expect(listed.contains("<td>客户贸易有限公司</td>"))
    #expect(!listed.contains("<td>\(company.customerID)</td>"))
  }

  @Test(arguments: Backend.allCases)
  func anInquiryIsRecordedQuotedAndAcceptedFromThePages(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let browser = try app.signIn(company, login: "user-sales")
    try browser.get("/app/inquiries")
    let inquiry = try browser.follow(
      try browser.submit(
        "/app/inquiries",
        [
          ("contact_name", "李女士"), ("contact_phone", "13800000000"), ("origin", "上海市"),
          ("destination", "广东省/深圳市"), ("cargo", "服装"), ("weight_kg", "120"),
        ]))
    #expect(inquiry.text.contains("新询价"))
    let id = try #require(
      inquiry.text.range(of: #"name="inquiry_id" value="\d+""#, options: .regularExpression))
    let inquiryID = inquiry.text[id].split(separator: "\"")[3]
    let quote = try browser.follow(
      try browser.submit("/app/quotes", [("inquiry_id", String(inquiryID))]))
    #expect(quote.text.contains("¥189.00"))
    let quotePath = try #require(
      quote.text.range(of: #"/app/quotes/\d+/accept"#, options: .regularExpression))
    let accepted = try browser.follow(try browser.submit(String(quote.text[quotePath]), []))
    #expect(accepted.text.contains("已接受"))
    let withQuote = try browser.get("/app/inquiries/\(inquiryID)")
    #expect(withQuote.text.contains("¥189.00 · 已接受"))
    let pipeline = try browser.get("/app/inquiries?stage=won")
    #expect(pipeline.text.contains("李女士"))
    #expect(pipeline.text.contains("100.00 %"))
  }
}
