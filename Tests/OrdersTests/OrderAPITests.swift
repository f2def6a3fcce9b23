import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@Suite struct OrderAPITests {
  @Test(arguments: Backend.allCases)
  func aNewOrderReadsBackWithTheStopsAndPriceItWasAnsweredWith(backend: Backend) throws {
    // The stops and price columns of a new order are encoded while it is prepared, before the
    // write: what is stored must be what the answer showed.
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let created = try app.api(
      "POST", "/orders", orderJSON(customer: customer, weightKg: 35),
      as: .sales, of: company, headers: ["Idempotency-Key": "read-back-1"])
    #expect(created.status == 201, "\(created.text)")
    let id = try #require(created.int("id"))
    let read = try app.api("GET", "/orders/\(id)", as: .sales, of: company)
    #expect(read.status == 200)
    for field in ["stops", "price"] {
      let answered = try JSONSerialization.data(
        withJSONObject: try #require(created.json[field]), options: [.sortedKeys])
      let stored = try JSONSerialization.data(
        withJSONObject: try #require(read.json[field]), options: [.sortedKeys])
      #expect(answered == stored, "\(field)")
    }
    #expect((read.json["stops"] as? [Any])?.count == 2)
    #expect(((read.json["price"] as? [String: Any])?["lines"] as? [Any])?.isEmpty == false)
  }

  @Test(arguments: Backend.allCases)
  func anOrderIsCreatedOnceEditedAsADraftAndFollowedToDelivery(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let key = ["Idempotency-Key": "shop-order-1"]
    let body = orderJSON(customer: customer)
    let created = try app.api("POST", "/orders", body, as: .sales, of: company, headers: key)
    #expect(created.status == 201, "\(created.text)")
    #expect(created.json["waybill"] as? String == "TO20261204-0001")
    #expect(created.json["status"] as? String == "draft")
    #expect(created.json["settlement"] as? String == "monthly")
    // 60 kg at ¥2.00 = ¥120.00, fuel 5 % = ¥6.00.
    #expect((created.json["price"] as? [String: Any])?["total_fen"] as? Int == 12_600)
    let replayed = try app.api("POST", "/orders", body, as: .sales, of: company, headers: key)
    #expect(replayed.headers["idempotent-replayed"] == "true")
    #expect(replayed.int("id") == created.int("id"))
    let id = try #require(created.int("id"))
    let stale = try app.api(
      "PUT", "/orders/\(id)", orderJSON(customer: customer, weightKg: 40), as: .sales,
      of: company, headers: ["If-Match": "\"7\""])
    #expect(stale.status == 412)
    let edited = try app.api(
      "PUT", "/orders/\(id)", orderJSON(customer: customer, weightKg: 40), as: .sales,
      of: company, headers: ["If-Match": created.headers["etag"] ?? ""])
    #expect(edited.status == 200, "\(edited.text)")
    // 120 kg: ¥1.50 × 120 = ¥180.00, fuel ¥9.00.
    #expect((edited.json["price"] as? [String: Any])?["total_fen"] as? Int == 18_900)
    #expect(edited.headers["etag"] == "\"2\"")
    let early = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "deliver"}"#, as: .sales, of: company)
    #expect(early.status == 409)
    #expect(early.code == "invalid_transition")
    #expect(
      early.json["detail"] as? String
        == "The order is Draft: the step “Delivered” to Delivered is not possible now.")
    let inChinese = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "deliver"}"#, as: .sales, of: company,
      headers: ["Accept-Language": "zh-CN"])
    #expect(inChinese.json["detail"] as? String == "订单当前为「草稿」，不能执行「签收」变为「已签收」。")
    let confirmed = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "confirm"}"#, as: .sales, of: company)
    #expect(confirmed.json["status"] as? String == "confirmed", "\(confirmed.text)")
    #expect(confirmed.json["price_frozen"] as? Bool == true)
    let locked = try app.api(
      "PUT", "/orders/\(id)", body, as: .sales, of: company,
      headers: ["If-Match": confirmed.headers["etag"] ?? ""])
    #expect(locked.status == 409)
    #expect(locked.code == "order_not_draft")
    let planned = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "plan", "eta": 1796706000000}"#, as: .dispatcher,
      of: company)
    #expect(planned.int("eta") == 1_796_706_000_000)
    for step in ["pick_up", "depart"] {
      let moved = try app.api(
        "POST", "/orders/\(id)/events", #"{"type": "\#(step)"}"#, as: .dispatcher, of: company)
      #expect(moved.status == 200, "\(moved.text)")
    }
    let flagged = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "flag_exception", "reason": "高速封路"}"#,
      as: .dispatcher, of: company)
    #expect(flagged.json["exception"] as? String == "高速封路")
    let delivered = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "deliver"}"#, as: .dispatcher, of: company)
    #expect(delivered.json["status"] as? String == "delivered")
    #expect(delivered.int("delivered_at") == app.clock.now().epochMilliseconds)
    let timeline = try app.api("GET", "/orders/\(id)/timeline", as: .viewer, of: company)
    let events = (timeline.json["items"] as? [[String: Any]])?.compactMap { $0["event"] as? String }
    #expect(
      events == ["created", "confirm", "plan", "pick_up", "depart", "flag_exception", "deliver"])
    let topics = try app.database.read(for: company.tenant) {
      try $0.query(
        "SELECT topic FROM outbox_events WHERE tenant_id = $1 AND topic LIKE 'order.%' ORDER BY id"
      )
      .map { try $0.string("topic") }
    }
    #expect(
      topics == [
        "order.created", "order.confirmed", "order.planned", "order.picked_up",
        "order.in_transit", "order.exception_flagged", "order.delivered",
      ])
    let audited = try app.database.read(for: company.tenant) {
      try $0.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE tenant_id = $1 AND entity = 'order'")[0].int("n")
    }
    #expect(audited == 8)
  }

  @Test(arguments: Backend.allCases)
  func anOrderOverTheLimitWaitsForFinanceWhoseApprovalConfirmsIt(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeCustomer("源华食品", rating: "C", limitFen: 20_000, of: company)
    var ids: [Int64] = []
    for _ in 0..<3 {
      let created = try app.api(
        "POST", "/orders", orderJSON(customer: customer), as: .sales, of: company)
      ids.append(try #require(created.int("id")))
    }
    let first = try app.api(
      "POST", "/orders/\(ids[0])/events", #"{"type": "confirm"}"#, as: .sales, of: company)
    #expect(first.json["status"] as? String == "confirmed")
    // ¥126 open + ¥126 new > ¥200 limit.
    let second = try app.api(
      "POST", "/orders/\(ids[1])/events", #"{"type": "confirm"}"#, as: .sales, of: company)
    #expect(second.json["status"] as? String == "on_hold")
    let third = try app.api(
      "POST", "/orders/\(ids[2])/events", #"{"type": "confirm"}"#, as: .sales, of: company)
    #expect(third.json["status"] as? String == "on_hold")
    let holds = try app.api("GET", "/credit-holds?status=held", as: .finance, of: company)
    let items = try #require(holds.json["items"] as? [[String: Any]])
    let reference = { (id: Int64) in items.first { $0["reference"] as? String == "order:\(id)" } }
    let approve = try #require((reference(ids[1])?["id"] as? NSNumber)?.int64Value)
    let reject = try #require((reference(ids[2])?["id"] as? NSNumber)?.int64Value)
    _ = try app.api(
      "POST", "/credit-holds/\(approve)/approve", #"{"note": "老客户，已电话确认"}"#, as: .finance,
      of: company)
    _ = try app.api(
      "POST", "/credit-holds/\(reject)/reject", #"{"note": "超额太多"}"#, as: .finance, of: company)
    let settled = try app.eventually {
      let a = try app.api("GET", "/orders/\(ids[1])", as: .viewer, of: company)
      let b = try app.api("GET", "/orders/\(ids[2])", as: .viewer, of: company)
      return a.json["status"] as? String == "confirmed"
        && b.json["status"] as? String == "cancelled"
    }
    #expect(settled)
    let timeline = try app.api("GET", "/orders/\(ids[1])/timeline", as: .viewer, of: company)
    let lines = try #require(timeline.json["items"] as? [[String: Any]])
    #expect(lines.map { $0["event"] as? String } == ["created", "confirm", "approve_credit"])
    #expect(lines[1]["note"] as? String == "credit_limit_exceeded")
    #expect(lines[2]["note"] as? String == "老客户，已电话确认")
  }

  @Test(arguments: Backend.allCases)
  func ordersNotOnTheMonthlyStatementNeedNoCreditAndDoNotUseIt(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeCustomer("源华食品", rating: "C", limitFen: 20_000, of: company)
    for settlement in ["prepaid", "collect", "prepaid"] {
      let paidAnotherWay = orderJSON(customer: customer).replacingOccurrences(
        of: #""service_type": "ltl""#,
        with: #""service_type": "ltl", "settlement": "\#(settlement)""#)
      let created = try app.api("POST", "/orders", paidAnotherWay, as: .sales, of: company)
      let id = try #require(created.int("id"))
      let confirmed = try app.api(
        "POST", "/orders/\(id)/events", #"{"type": "confirm"}"#, as: .sales, of: company)
      #expect(confirmed.json["status"] as? String == "confirmed", "\(confirmed.text)")
    }
    // Three orders paid at handover or by the consignee (¥378) use none of the ¥200 limit: a
    // ¥126 order on the monthly statement fits.
    let onCredit = try app.api(
      "POST", "/orders", orderJSON(customer: customer), as: .sales, of: company)
    let id = try #require(onCredit.int("id"))
    let confirmed = try app.api(
      "POST", "/orders/\(id)/events", #"{"type": "confirm"}"#, as: .sales, of: company)
    #expect(confirmed.json["status"] as? String == "confirmed", "\(confirmed.text)")
  }

  @Test(arguments: Backend.allCases)
  func urgentServiceFollowsTheCompanysRule(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let good = try app.makeCustomer("好客户", rating: "A", limitFen: 10_000_000, of: company)
    let poor = try app.makeCustomer("新客户", rating: "C", limitFen: 10_000_000, of: company)
    let rule = try app.api("GET", "/orders/settings/urgent-rule", as: .viewer, of: company)
    #expect(rule.json["rating_min"] as? String == "B")
    #expect(rule.json["delivered_min"] as? Int == 3)
    let refused = try app.api(
      "POST", "/orders", orderJSON(customer: good, services: ["urgent"]), as: .sales, of: company)
    #expect(refused.status == 422)
    #expect(refused.code == "urgent_not_allowed")
    let forbidden = try app.api(
      "PUT", "/orders/settings/urgent-rule",
      #"{"rating_min": "B", "delivered_min": 0, "period_days": 90}"#, as: .sales, of: company)
    #expect(forbidden.status == 403)
    let invalid = try app.api(
      "PUT", "/orders/settings/urgent-rule",
      #"{"rating_min": "E", "delivered_min": 0, "period_days": 900}"#, as: .admin, of: company)
    #expect(invalid.status == 400)
    let changed = try app.api(
      "PUT", "/orders/settings/urgent-rule",
      #"{"rating_min": "B", "delivered_min": 0, "period_days": 90}"#, as: .admin, of: company)
    #expect(changed.status == 200)
    let urgent = try app.api(
      "POST", "/orders", orderJSON(customer: good, services: ["urgent"]), as: .sales, of: company)
    #expect(urgent.status == 201, "\(urgent.text)")
    // Freight ¥120, urgent 20 % ¥24, fuel ¥6.
    #expect((urgent.json["price"] as? [String: Any])?["total_fen"] as? Int == 15_000)
    let stillRefused = try app.api(
      "POST", "/orders", orderJSON(customer: poor, services: ["urgent"]), as: .sales, of: company)
    #expect(stillRefused.code == "urgent_not_allowed")
  }

  @Test(arguments: Backend.allCases)
  func badOrdersAreRefusedWithEveryFieldNamed(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let body = """
      {"customer_id": 42, "service_type": "ltl",
       "stops": [{"kind": "pickup", "region": "", "address": "x", "contact_phone": "12ab",
                  "contact_name": "", "windows": []}],
       "cargo": [{"description": "", "packages": 0, "weight_kg": -1, "volume_m3": 0}]}
      """
    let refused = try app.api("POST", "/orders", body, as: .sales, of: company)
    #expect(refused.status == 400)
    let pointers = Set(
      (refused.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["pointer"] as? String })
    #expect(
      pointers.isSuperset(of: [
        "/stops", "/stops/0/region", "/stops/0/contact_phone", "/stops/0/windows",
        "/cargo/0/description", "/cargo/0/packages", "/cargo/0/weight_kg",
      ]), "\(refused.text)")
    let unknown = try app.api("POST", "/orders", orderJSON(customer: 42), as: .sales, of: company)
    #expect(unknown.status == 400)
    let nothing = try app.database.read(for: company.tenant) {
      try $0.query("SELECT COUNT(*) AS n FROM orders WHERE tenant_id = $1")[0].int("n")
    }
    #expect(nothing == 0)
  }

  @Test(arguments: Backend.allCases)
  func cargoLinesAreStoredOneRowEachForTheModulesThatQueryThem(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let body = orderJSON(customer: customer).replacingOccurrences(
      of: #"{"description": "服装", "packages": 2, "weight_kg": 20.0, "volume_m3": 0.05}, "#
        + #"{"description": "服装", "packages": 2, "weight_kg": 20.0, "volume_m3": 0.05}"#,
      with: #"{"description": "冻品", "packages": 5, "weight_kg": 12.5, "volume_m3": 0.2, "#
        + #""temperature_min_c": -18, "temperature_max_c": -12, "fragile": true}, "#
        + #"{"description": "电池", "packages": 1, "weight_kg": 3, "volume_m3": 0, "#
        + #""dangerous_goods_class": "9", "declared_value_fen": 150000, "pallets": 1}"#)
    let created = try app.api("POST", "/orders", body, as: .sales, of: company)
    #expect(created.status == 201, "\(created.text)")
    let id = try #require(created.int("id"))
    let rows = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        """
        SELECT line_number, description, packages, weight_grams, volume_cm3, pallets,
          declared_value_fen, temperature_min_c, temperature_max_c, fragile,
          dangerous_goods_class
        FROM order_cargo_lines WHERE tenant_id = $1 AND order_id = $2 ORDER BY line_number
        """, [.integer(id)]
      ).map { row in
        [
          "\(try row.int64("line_number"))", try row.string("description"),
          "\(try row.int64("packages"))", "\(try row.int64("weight_grams"))",
          "\(try row.int64("volume_cm3"))", "\(try row.int64("pallets"))",
          "\(try row.int64("declared_value_fen"))",
          "\(try row.optionalInt64("temperature_min_c").map(String.init) ?? "-")",
          "\(try row.optionalInt64("temperature_max_c").map(String.init) ?? "-")",
          "\(try row.int64("fragile"))", try row.optionalString("dangerous_goods_class") ?? "-",
        ].joined(separator: " ")
      }
    }
    #expect(
      rows == [
        "1 冻品 5 12500 200000 0 0 -18 -12 1 -",
        "2 电池 1 3000 0 1 150000 - - 0 9",
        "3 服装 2 20000 50000 0 0 - - 0 -",
      ])
  }

  @Test(arguments: Backend.allCases)
  func theListFiltersAndPagesAndAnotherCompanySeesNothing(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let other = try app.makeOrdersCompany("other")
    let customer = try app.makeGoodCustomer(of: company)
    var ids: [Int64] = []
    for _ in 0..<5 {
      let created = try app.api(
        "POST", "/orders", orderJSON(customer: customer), as: .sales, of: company)
      ids.append(try #require(created.int("id")))
      app.clock.advance(seconds: 60)
    }
    _ = try app.api(
      "POST", "/orders/\(ids[1])/events", #"{"type": "cancel"}"#, as: .sales, of: company)
    var seen: [Int64] = []
    var cursor: String?
    repeat {
      let page = try app.api(
        "GET", "/orders?customer_id=\(customer)&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
        as: .viewer, of: company)
      seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap {
        ($0["id"] as? NSNumber)?.int64Value
      }
      cursor = page.json["next_cursor"] as? String
    } while cursor != nil
    #expect(seen == ids.reversed())
    let cancelled = try app.api("GET", "/orders?status=cancelled", as: .viewer, of: company)
    #expect((cancelled.json["items"] as? [[String: Any]])?.count == 1)
    let range = try app.api("GET", "/orders?from=2026-12-05", as: .viewer, of: company)
    #expect((range.json["items"] as? [[String: Any]])?.isEmpty == true)
    let badStatus = try app.api("GET", "/orders?status=lost", as: .viewer, of: company)
    #expect(badStatus.status == 400)
    let foreign = try app.api("GET", "/orders/\(ids[0])", as: .owner, of: other)
    #expect(foreign.status == 404)
    let foreignList = try app.api("GET", "/orders", as: .owner, of: other)
    #expect((foreignList.json["items"] as? [[String: Any]])?.isEmpty == true)
  }

  @Test(arguments: Backend.allCases)
  func anAcceptedQuoteBecomesADraftWithItsFrozenPrice(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let quote = try app.api(
      "POST", "/quotes",
      #"{"price": {"origin": "上海市", "destination": "广东省", "weight_kg": 10, "customer_id": \#(customer)}}"#,
      as: .sales, of: company)
    let quoteID = try #require(quote.int("id"))
    let number = try #require(quote.json["number"] as? String)
    _ = try app.api("POST", "/quotes/\(quoteID)/accept", as: .sales, of: company)
    var order: [String: Any] = [:]
    let made = try app.eventually {
      let list = try app.api("GET", "/orders?customer_id=\(customer)", as: .viewer, of: company)
      guard let first = (list.json["items"] as? [[String: Any]])?.first,
        let id = (first["id"] as? NSNumber)?.int64Value
      else { return false }
      order = try app.api("GET", "/orders/\(id)", as: .viewer, of: company).json
      return true
    }
    #expect(made)
    #expect(order["quote_number"] as? String == number)
    #expect(order["source"] as? String == "quote")
    #expect(order["price_frozen"] as? Bool == true)
    // The quote's minimum charge ¥50 plus fuel ¥2.50.
    #expect((order["price"] as? [String: Any])?["total_fen"] as? Int == 5_250)
  }
}
