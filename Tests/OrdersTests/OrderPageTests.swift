import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@Suite struct OrderPageTests {
  /// The order form's fields for `customer`: Shanghai → Shenzhen, two cargo lines.
  func fields(customer: Int64, weight: String = "30") -> [(String, String)] {
    [
      ("customer_id", String(customer)), ("service_type", "ltl"), ("settlement", ""),
      ("contact_name", "李女士"),
      ("stops/0/region", "上海市/浦东新区"), ("stops/0/address", "张江路 88 号"),
      ("stops/0/contact_name", "王师傅"), ("stops/0/contact_phone", "13800001111"),
      ("stops/0/windows/0/start", "2026-12-07T10:00"),
      ("stops/0/windows/0/end", "2026-12-07T14:00"),
      ("stops/1/region", "广东省/深圳市"), ("stops/1/address", "南山区科技园 1 号"),
      ("stops/1/contact_name", "陈先生"), ("stops/1/contact_phone", "13912345678"),
      ("stops/1/windows/0/start", "2026-12-08T21:00"),
      ("stops/1/windows/0/end", "2026-12-08T23:00"),
      ("cargo/0/description", "服装"), ("cargo/0/packages", "2"), ("cargo/0/weight_kg", weight),
      ("cargo/0/volume_m3", "0.05"), ("cargo/1/description", "鞋"), ("cargo/1/packages", "1"),
      ("cargo/1/weight_kg", weight), ("cargo/1/volume_m3", "0.05"),
      ("cargo/1/declared_value_fen", "1000.00"), ("services/insurance", "1"), ("notes", "到了打电话"),
    ]
  }

  @Test(arguments: Backend.allCases)
  func aClerkTypesAnOrderSeesItsLivePriceAndMovesItWithButtons(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let clerk = try app.browser(company, as: .customerService)
    let form = try clerk.get("/app/orders/new?customer_id=\(customer)")
    #expect(form.status == 200)
    #expect(form.text.contains(#"data-order-price="/app/orders/price""#))
    #expect(form.text.contains(#"<script src="/assets/orders.js""#))
    let price = try clerk.submit("/app/orders/price", fields(customer: customer))
    #expect(price.status == 200, "\(price.text)")
    // 60 kg at ¥2.00 = ¥120.00, insurance 0.3 % of ¥1,000 = ¥3.00, fuel ¥6.00.
    #expect(price.json["total"] as? String == "¥129.00", "\(price.text)")
    let incomplete = try clerk.submit(
      "/app/orders/price", fields(customer: customer).filter { $0.0 != "stops/1/region" })
    #expect(incomplete.json["problem"] as? String == "此项为必填项。")
    let bad = try clerk.submit(
      "/app/orders", fields(customer: customer).filter { $0.0 != "stops/1/contact_phone" })
    #expect(bad.status == 400)
    #expect(bad.text.contains("is-invalid"))
    #expect(bad.text.contains("南山区科技园 1 号"))
    let created = try clerk.submit("/app/orders", fields(customer: customer))
    #expect(created.status == 303, "\(created.text)")
    let location = try #require(created.headers["location"])
    let detail = try clerk.follow(created)
    #expect(detail.text.contains("TO20261204-0001"))
    #expect(detail.text.contains("¥129.00"))
    #expect(detail.text.contains(#"value="confirm""#))
    #expect(!detail.text.contains(#"value="deliver""#))
    let edited = try clerk.submit(
      "\(location)/edit", fields(customer: customer, weight: "60") + [("version", "1")])
    #expect(edited.status == 303, "\(edited.text)")
    try clerk.get(location)
    let confirmed = try clerk.submit("\(location)/events", [("type", "confirm")])
    #expect(confirmed.status == 303)
    let page = try clerk.follow(confirmed)
    #expect(page.text.contains("订单状态已更新为 已确认。"), "the flash names the status in Chinese")
    #expect(page.text.contains(#"value="plan""#))
    let refused = try clerk.submit("\(location)/events", [("type", "close")])
    #expect(refused.status == 409)
    try clerk.get(location)
    try clerk.submit("\(location)/events", [("type", "flag_exception"), ("reason", "客户改期")])
    let flagged = try clerk.get(location)
    #expect(flagged.text.contains("客户改期"))
    #expect(flagged.text.contains(#"value="clear_exception""#))
    let viewer = try app.browser(company, as: .viewer)
    let readOnly = try viewer.get(location)
    #expect(readOnly.status == 200)
    #expect(!readOnly.text.contains(#"value="plan""#))
  }

  @Test(arguments: Backend.allCases)
  func theListFiltersSavesViewsAndConfirmsInBulk(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    var ids: [Int64] = []
    for _ in 0..<3 {
      let created = try app.api(
        "POST", "/orders", orderJSON(customer: customer), as: .sales, of: company)
      ids.append(try #require(created.int("id")))
    }
    _ = try app.api(
      "POST", "/orders/\(ids[2])/events", #"{"type": "cancel"}"#, as: .sales, of: company)
    let clerk = try app.browser(company, as: .sales)
    let list = try clerk.get("/app/orders?status=draft")
    #expect(list.status == 200)
    #expect(list.text.contains("TO20261204-0001") && list.text.contains("TO20261204-0002"))
    #expect(!list.text.contains("TO20261204-0003"))
    #expect(list.text.contains("云舟电商"))
    let saved = try clerk.submit(
      "/app/orders/views",
      [
        ("name", "草稿"), ("status", "draft"), ("customer_id", ""), ("service_type", ""),
        ("from", ""), ("to", ""),
      ])
    #expect(saved.headers["location"] == "/app/orders?status=draft")
    let withView = try clerk.follow(saved)
    #expect(withView.text.contains(#"href="/app/orders?status=draft""#))
    let bulk = try clerk.submit(
      "/app/orders/bulk", [("action", "confirm")] + ids.map { ("order_id", String($0)) })
    #expect(bulk.status == 303)
    let after = try clerk.follow(bulk)
    #expect(after.text.contains("已处理 2 单，1 单"))
    let confirmed = try app.api("GET", "/orders?status=confirmed", as: .viewer, of: company)
    #expect((confirmed.json["items"] as? [[String: Any]])?.count == 2)
    let badFilter = try clerk.get("/app/orders?from=2026-13-40")
    #expect(badFilter.status == 200)
    #expect(badFilter.text.contains("is-invalid"))
  }

  @Test(arguments: Backend.allCases)
  func theOrderPageSpellsAColdChainRangeAsTheWaybillDoes(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let frozen = orderJSON(customer: customer).replacingOccurrences(
      of: #""volume_m3": 0.05}"#,
      with: #""volume_m3": 0.05, "temperature_min_c": -18, "temperature_max_c": -12}"#)
    let created = try app.api("POST", "/orders", frozen, as: .sales, of: company)
    let id = try #require(created.int("id"), "\(created.text)")
    let page = try app.browser(company, as: .sales).get("/app/orders/\(id)")
    #expect(page.status == 200)
    #expect(page.text.contains("温控 −18 ~ −12 °C"), "\(page.text)")
  }

  @Test(arguments: Backend.allCases)
  func adminsChangeTheUrgentRuleOnTheSettingsPage(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let admin = try app.browser(company, as: .admin)
    let page = try admin.get("/app/orders/settings")
    #expect(page.status == 200)
    let invalid = try admin.submit(
      "/app/orders/settings", [("rating_min", "A"), ("delivered_min", "x"), ("period_days", "30")])
    #expect(invalid.status == 400)
    let saved = try admin.submit(
      "/app/orders/settings", [("rating_min", "A"), ("delivered_min", "5"), ("period_days", "30")])
    #expect(saved.status == 303)
    let rule = try app.api("GET", "/orders/settings/urgent-rule", as: .viewer, of: company)
    #expect(rule.json["rating_min"] as? String == "A")
    #expect(rule.json["delivered_min"] as? Int == 5)
    let sales = try app.browser(company, as: .sales)
    #expect(try sales.get("/app/orders/settings").status == 403)
  }

  @Test(arguments: Backend.allCases)
  func theCustomerPageShowsItsOrders(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let id = try app.placeOrder(for: customer, of: company)
    for step in ["confirm", "plan", "pick_up", "depart"] {
      _ = try app.api(
        "POST", "/orders/\(id)/events", #"{"type": "\#(step)"}"#, as: .sales, of: company)
    }
    let sales = try app.browser(company, as: .sales)
    let page = try sales.get("/app/customers/\(customer)")
    #expect(page.status == 200)
    #expect(page.text.contains("在途运单"))
    #expect(page.text.contains("TO20261204-0001"))
    #expect(page.text.contains("¥126.00"))
  }
}
