import CRM
import Foundation
import Storage
import TestSupport
import Testing

@Suite struct QuoteAPITests {
  static let inquiry = """
    {"contact_name": "李女士", "contact_phone": "13800000000", "origin": "上海市/浦东新区",
     "destination": "广东省/深圳市", "cargo": "服装", "weight_kg": 120, "volume_m3": 0.4,
     "ready_on": "2026-12-06", "services": ["urgent"], "customer_id": 7}
    """

  @Test(arguments: Backend.allCases)
  func anInquiryIsQuotedAndWonAndTheAcceptedQuoteIsAnnounced(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let created = try app.call("POST", "/api/v1/inquiries", Self.inquiry, as: .sales, of: company)
    #expect(created.status == 201)
    #expect(created.json["stage"] as? String == "new")
    let inquiry = try #require(created.json["id"] as? NSNumber).int64Value
    let early = try app.call(
      "POST", "/api/v1/inquiries/\(inquiry)/transitions", #"{"event": "win"}"#, as: .sales,
      of: company)
    #expect(early.status == 409)
    #expect(early.code == "inquiry_transition_not_allowed")
    // The message names the stage and the step in words, not codes.
    #expect((early.json["detail"] as? String)?.contains("「成交」") == true)
    let quote = try app.call(
      "POST", "/api/v1/quotes", #"{"inquiry_id": \#(inquiry), "valid_days": 3}"#, as: .sales,
      of: company)
    #expect(quote.status == 201)
    #expect(quote.json["valid_through"] as? String == "2026-12-06")
    let price = try #require(quote.json["price"] as? [String: Any])
    // 120 kg at ¥1.50 = ¥180.00; urgent 20 % = ¥36.00; fuel 5 % = ¥9.00.
    #expect((price["total_fen"] as? NSNumber)?.intValue == 22_500)
    let quoteID = try #require(quote.json["id"] as? NSNumber).int64Value
    let accepted = try app.call("POST", "/api/v1/quotes/\(quoteID)/accept", as: .sales, of: company)
    #expect(accepted.json["status"] as? String == "accepted")
    let again = try app.call("POST", "/api/v1/quotes/\(quoteID)/accept", as: .sales, of: company)
    #expect(again.status == 409)
    #expect(again.code == "quote_not_open")
    let won = try app.call("GET", "/api/v1/inquiries/\(inquiry)", as: .viewer, of: company)
    #expect(won.json["stage"] as? String == "won")
    let events = try app.database.read(for: company.tenant) {
      try $0.query("SELECT topic, payload FROM outbox_events WHERE tenant_id = $1", [])
    }
    #expect(try events.map { try $0.string("topic") } == ["quote.accepted"])
    #expect(try events[0].string("payload").contains(#""total_fen":22500"#))
    let conversion = try app.call("GET", "/api/v1/inquiries/conversion", as: .viewer, of: company)
    let period = try #require((conversion.json["items"] as? [[String: Any]])?.first)
    #expect(period["period"] as? String == "2026-12")
    #expect((period["won_rate_basis_points"] as? NSNumber)?.intValue == 10_000)
  }

  @Test(arguments: Backend.allCases)
  func aQuoteIsFrozenAndCannotBeAcceptedAfterItsLastDay(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let card = try app.createListCard(for: company)
    let quote = try app.call(
      "POST", "/api/v1/quotes",
      #"{"price": {"origin": "上海市", "destination": "广东省", "weight_kg": 10}, "valid_days": 1}"#,
      as: .sales, of: company)
    #expect(quote.status == 201)
    let id = try #require(quote.json["id"] as? NSNumber).int64Value
    let update = """
      {"name": "涨价", "is_list": true, "fuel_basis_points": 0, "surcharges": [],
       "lanes": [{"origin": "*", "destination": "*", "minimum_charge_fen": 99900,
         "breaks": [{"basis": "weight", "from": 0, "rate_fen": 300}]}]}
      """
    _ = try app.call(
      "PUT", "/api/v1/rate-cards/\(card)", update, as: .admin, of: company,
      headers: ["If-Match": "\"1\""])
    app.clock.advance(seconds: 86_400)
    let read = try app.call("GET", "/api/v1/quotes/\(id)", as: .viewer, of: company)
    #expect(((read.json["price"] as? [String: Any])?["total_fen"] as? NSNumber)?.intValue == 5_250)
    let late = try app.call("POST", "/api/v1/quotes/\(id)/accept", as: .sales, of: company)
    #expect(late.status == 409)
    #expect(late.code == "quote_expired")
    let swept = try app.call("POST", "/api/v1/quotes/expire-overdue", as: .sales, of: company)
    #expect((swept.json["expired"] as? NSNumber)?.intValue == 1)
    let expired = try app.call("GET", "/api/v1/quotes/\(id)", as: .sales, of: company)
    #expect(expired.json["status"] as? String == "expired")
    let again = try app.call("POST", "/api/v1/quotes/\(id)/expire", as: .sales, of: company)
    #expect(again.code == "quote_not_open")
    #expect(
      try app.call("POST", "/api/v1/quotes/\(id)/expire", as: .viewer, of: company).status == 403)
  }

  @Test(arguments: Backend.allCases)
  func losingAnInquiryNeedsAReason(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let created = try app.call("POST", "/api/v1/inquiries", Self.inquiry, as: .sales, of: company)
    let id = try #require(created.json["id"] as? NSNumber).int64Value
    let path = "/api/v1/inquiries/\(id)/transitions"
    #expect(
      try app.call("POST", path, #"{"event": "lose"}"#, as: .sales, of: company).status == 400)
    let lost = try app.call(
      "POST", path, #"{"event": "lose", "reason": "价格太高"}"#, as: .sales, of: company)
    #expect(lost.json["stage"] as? String == "lost")
    #expect(lost.json["lost_reason"] as? String == "价格太高")
    let listed = try app.call("GET", "/api/v1/inquiries?stage=lost", as: .viewer, of: company)
    #expect((listed.json["items"] as? [Any])?.count == 1)
  }

  @Test(arguments: Backend.allCases)
  func inquiriesPageByCursorNewestFirst(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    for _ in 0..<3 {
      _ = try app.call("POST", "/api/v1/inquiries", Self.inquiry, as: .sales, of: company)
    }
    let first = try app.call("GET", "/api/v1/inquiries?limit=2", as: .viewer, of: company)
    let numbers = (first.json["items"] as? [[String: Any]])?.compactMap { $0["number"] as? String }
    #expect(numbers?.count == 2)
    #expect(numbers == numbers?.sorted(by: >))
    let cursor = try #require(first.json["next_cursor"] as? String)
    let second = try app.call(
      "GET", "/api/v1/inquiries?limit=2&cursor=\(cursor)", as: .viewer, of: company)
    #expect((second.json["items"] as? [Any])?.count == 1)
    #expect(second.json["next_cursor"] == nil)
    #expect(
      try app.call("GET", "/api/v1/inquiries?cursor=x", as: .viewer, of: company).status == 400)
  }
}
