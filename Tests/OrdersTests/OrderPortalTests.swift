import Foundation
import FreightdeskCore
import Orders
import Storage
import TestSupport
import Testing
import Web

@Suite struct OrderPortalTests {
  /// The portal's order form for the signed-in customer: Shanghai → Shenzhen, 2 × 30 kg.
  let fields: [(String, String)] = [
    ("service_type", "city_delivery"), ("settlement", ""), ("contact_name", "赵经理"),
    ("stops/0/region", "上海市/浦东新区"), ("stops/0/address", "张江路 88 号"),
    ("stops/0/contact_name", "王师傅"), ("stops/0/contact_phone", "13800001111"),
    ("stops/0/windows/0/start", "2026-12-07T10:00"), ("stops/0/windows/0/end", "2026-12-07T14:00"),
    ("stops/1/region", "广东省/深圳市"), ("stops/1/address", "南山区科技园 1 号"),
    ("stops/1/contact_name", "陈先生"), ("stops/1/contact_phone", "139-1234-5678"),
    ("stops/1/windows/0/start", "2026-12-08T10:00"), ("stops/1/windows/0/end", "2026-12-08T14:00"),
    ("cargo/0/description", "服装"), ("cargo/0/packages", "2"), ("cargo/0/weight_kg", "60"),
    ("cargo/0/volume_m3", "0.1"),
  ]

  @Test(arguments: Backend.allCases)
  func aCustomerPricesPlacesAndFollowsItsOwnOrdersOnly(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let stranger = try app.makeCustomer("别家公司", rating: "A", limitFen: 10_000_000, of: company)
    let foreignID = try app.placeOrder(for: stranger, of: company)
    let portal = try app.browser(company, as: .customer)
    // The portal's home leads to the customer's pages, as the staff home leads to theirs.
    let home = try portal.get("/portal")
    let card = #"class="card card-body text-decoration-none h-100" href="#
    #expect(home.text.contains(card + #""/portal/orders""#), "\(home.text)")
    #expect(!home.text.contains(card + #""/portal""#))
    #expect(!home.text.contains(card + #""/app"#))
    let form = try portal.get("/portal/orders/new")
    #expect(form.status == 200)
    #expect(!form.text.contains(#"name="customer_id""#))
    let price = try portal.submit(
      "/portal/orders/price", fields + [("customer_id", String(stranger))])
    // 60 kg at ¥2.00 = ¥120.00, fuel ¥6.00; a customer_id in the form is ignored.
    #expect(price.json["total"] as? String == "¥126.00", "\(price.text)")
    let placed = try portal.submit("/portal/orders", fields + [("customer_id", String(stranger))])
    #expect(placed.status == 303, "\(placed.text)")
    let tracking = try portal.follow(placed)
    #expect(tracking.text.contains("已提交"))
    #expect(tracking.text.contains("TO20261204-0002"))
    let mine = try app.api(
      "GET", "/orders?customer_id=\(company.customerID)", as: .viewer, of: company)
    let items = try #require(mine.json["items"] as? [[String: Any]])
    #expect(items.count == 1)
    #expect(items.first?["status"] as? String == "submitted")
    let list = try portal.get("/portal/orders")
    #expect(list.text.contains("TO20261204-0002"))
    #expect(!list.text.contains("TO20261204-0001"))
    #expect(try portal.get("/portal/orders/\(foreignID)").status == 404)
    #expect(try portal.get("/app/orders").status == 403)
    let staff = Browser(app.client)
    try staff.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    #expect(try staff.get("/portal/orders").status == 403)
  }

  @Test(arguments: Backend.allCases)
  func aComplaintFromThePortalIsKeptAsAnInteraction(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let portal = try app.browser(company, as: .customer)
    try portal.get("/portal/messages/new?reference=TO20261204-0001")
    let empty = try portal.submit(
      "/portal/messages", [("kind", "complaint"), ("reference", ""), ("text", "")])
    #expect(empty.status == 400)
    let sent = try portal.submit(
      "/portal/messages",
      [("kind", "complaint"), ("reference", "TO20261204-0001"), ("text", "货到了但外箱破损")])
    #expect(sent.status == 303, "\(sent.text)")
    let interactions = try app.api(
      "GET", "/customers/\(company.customerID)/interactions", as: .sales, of: company)
    let first = try #require((interactions.json["items"] as? [[String: Any]])?.first)
    #expect(first["kind"] as? String == "complaint")
    #expect(first["summary"] as? String == "货到了但外箱破损")
    #expect(first["reference"] as? String == "TO20261204-0001")
  }

  @Test(arguments: Backend.allCases)
  func publicTrackingShowsOnlyTheStatusAndThrottlesGuessing(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let id = try app.placeOrder(for: customer, of: company)
    _ = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "confirm"}"#, as: .sales, of: company)
    let visitor = Browser(app.client)
    let page = try visitor.get("/track?company=\(company.slug)")
    #expect(page.status == 200)
    let found = try visitor.submit(
      "/track",
      [("company", company.slug), ("waybill", "to20261204-0001"), ("phone_last4", "5678")])
    #expect(found.status == 200)
    #expect(found.text.contains("已确认"))
    #expect(!found.text.contains("南山区"))
    let wrongDigits = try visitor.submit(
      "/track",
      [("company", company.slug), ("waybill", "TO20261204-0001"), ("phone_last4", "0000")])
    let noSuchWaybill = try visitor.submit(
      "/track",
      [("company", company.slug), ("waybill", "TO20261204-0099"), ("phone_last4", "5678")])
    #expect(wrongDigits.status == 404 && noSuchWaybill.status == 404)
    let message = "运单号与收货人电话后四位不匹配。"
    #expect(wrongDigits.text.contains(message) && noSuchWaybill.text.contains(message))
    #expect(!wrongDigits.text.contains("已确认"))
    for _ in 0..<8 {
      try visitor.submit(
        "/track",
        [("company", company.slug), ("waybill", "TO20261204-0001"), ("phone_last4", "1111")])
    }
    let throttled = try visitor.submit(
      "/track",
      [("company", company.slug), ("waybill", "TO20261204-0001"), ("phone_last4", "5678")])
    #expect(throttled.status == 429)
    app.clock.advance(seconds: OrdersLimits.trackingWindowSeconds + 1)
    let later = try visitor.submit(
      "/track",
      [("company", company.slug), ("waybill", "TO20261204-0001"), ("phone_last4", "5678")])
    #expect(later.status == 200)
    let withoutToken = try visitor.submit(
      "/track",
      [("company", company.slug), ("waybill", "TO20261204-0001"), ("phone_last4", "5678")],
      csrf: false)
    #expect(withoutToken.status == 403)
  }
}
