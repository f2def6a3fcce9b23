import CRM
import Foundation
import TestSupport
import Testing

@Suite struct PricingAPITests {
  @Test(arguments: Backend.allCases)
  func aPriceIsComputedWithItsBreakdownAndNothingIsSaved(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let response = try app.call(
      "POST", "/api/v1/prices",
      """
      {"origin": "上海市/浦东新区", "destination": "广东省/广州市", "weight_kg": 100,
       "volume_m3": 0.2, "services": ["cold_chain"], "declared_value_fen": 1000000}
      """, as: .sales, of: company)
    #expect(response.status == 200)
    let lines = try #require(response.json["lines"] as? [[String: Any]])
    #expect(
      lines.map { $0["code"] as? String } == [
        "freight", "surcharge.cold_chain", "insurance", "fuel",
      ])
    #expect(
      lines.map { ($0["amount_fen"] as? NSNumber)?.intValue } == [15_000, 12_000, 3_000, 750])
    #expect((response.json["total_fen"] as? NSNumber)?.intValue == 30_750)
    #expect(response.json["rate_source"] as? String == "list")
    #expect((response.json["chargeable_weight_kg"] as? NSNumber)?.doubleValue == 100)
    let quotes = try app.call("GET", "/api/v1/quotes", as: .sales, of: company)
    #expect((quotes.json["items"] as? [Any])?.isEmpty == true)
  }

  @Test(arguments: Backend.allCases)
  func aRouteWithoutALaneOrACompanyWithoutACardIsAClearError(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let body = #"{"origin": "北京市", "destination": "新疆维吾尔自治区", "weight_kg": 10}"#
    let none = try app.call("POST", "/api/v1/prices", body, as: .sales, of: company)
    #expect(none.status == 422)
    #expect(none.code == "no_list_rate_card")
    try app.createListCard(for: company)
    let unserved = try app.call("POST", "/api/v1/prices", body, as: .sales, of: company)
    #expect(unserved.status == 422)
    #expect(unserved.code == "no_rate_for_lane")
    #expect((unserved.json["detail"] as? String)?.contains("新疆维吾尔自治区") == true)
    let bad = try app.call(
      "POST", "/api/v1/prices", #"{"origin": "上海市", "destination": "广东省", "weight_kg": 0}"#,
      as: .sales, of: company)
    #expect(bad.status == 400)
  }

  @Test(arguments: Backend.allCases)
  func rateCardsAreVersionedAndChangedOnlyWithIfMatch(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let id = try app.createListCard(for: company)
    let path = "/api/v1/rate-cards/\(id)"
    let card = try app.call("GET", path, as: .viewer, of: company)
    #expect(card.headers["etag"] == "\"1\"")
    let priced = try app.call(
      "POST", "/api/v1/prices", #"{"origin": "上海市", "destination": "广东省", "weight_kg": 10}"#,
      as: .sales, of: company)
    #expect(priced.status == 200)
    let update = """
      {"name": "2027 标准价", "is_list": true, "fuel_basis_points": 0, "surcharges": [],
       "lanes": [{"origin": "*", "destination": "*", "minimum_charge_fen": 0,
         "breaks": [{"basis": "weight", "from": 0, "rate_fen": 300}]}]}
      """
    #expect(try app.call("PUT", path, update, as: .admin, of: company).status == 428)
    let saved = try app.call(
      "PUT", path, update, as: .finance, of: company, headers: ["If-Match": "\"1\""])
    #expect(saved.status == 200)
    #expect((saved.json["version"] as? NSNumber)?.intValue == 2)
    // Pricing keeps compiled cards by version: the next price uses the new rates.
    let repriced = try app.call(
      "POST", "/api/v1/prices", #"{"origin": "上海市", "destination": "广东省", "weight_kg": 10}"#,
      as: .sales, of: company)
    #expect(
      (repriced.json["lines"] as? [[String: Any]])?.first?["amount_fen"] as? NSNumber == 3_000)
    let first = try app.call("GET", "\(path)/versions/1", as: .viewer, of: company)
    #expect((first.json["definition"] as? [String: Any])?["name"] as? String == "标准价")
    #expect(
      try app.call("PUT", path, update, as: .admin, of: company, headers: ["If-Match": "\"1\""])
        .status == 412)
    #expect(
      try app.call("PUT", path, update, as: .sales, of: company, headers: ["If-Match": "\"2\""])
        .status == 403)
    let invalid = try app.call(
      "POST", "/api/v1/rate-cards",
      #"{"name": "", "is_list": false, "fuel_basis_points": 0, "surcharges": [], "lanes": []}"#,
      as: .admin, of: company)
    #expect(invalid.status == 400)
  }

  @Test(arguments: Backend.allCases)
  func aContractCardOverridesTheListAndPromotionsApplyInTheirPeriod(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let contractCard = try app.createListCard(for: company, isList: false, perKgFen: 100)
    let contract = try app.call(
      "POST", "/api/v1/contracts",
      """
      {"customer_id": \(company.customerID), "title": "2026 年度运输合同", "rate_card_id": \(contractCard),
       "valid_from": "2026-01-01", "valid_through": "2026-12-20", "settlement": "monthly",
       "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
      """, as: .sales, of: company)
    #expect(contract.status == 201)
    #expect(contract.json["due_for_renewal"] as? Bool == true)
    let promotion = try app.call(
      "POST", "/api/v1/promotions",
      """
      {"code": "WINTER", "name": "冬季立减", "fixed_fen": 1000, "valid_from": "2026-12-01",
       "valid_through": "2026-12-31"}
      """, as: .finance, of: company)
    #expect(promotion.status == 201)
    let price = try app.call(
      "POST", "/api/v1/prices",
      #"{"origin": "上海市", "destination": "广东省", "weight_kg": 50, "customer_id": \#(company.customerID)}"#,
      as: .sales, of: company)
    #expect(price.json["rate_source"] as? String == "contract")
    #expect(price.json["promotion_code"] as? String == "WINTER")
    #expect((price.json["total_fen"] as? NSNumber)?.intValue == 5_000 + 250 - 1_000)
    let later = try app.call(
      "POST", "/api/v1/prices",
      """
      {"origin": "上海市", "destination": "广东省", "weight_kg": 50, "customer_id": \(company.customerID),
       "ship_date": "2027-01-05"}
      """, as: .sales, of: company)
    #expect(later.json["rate_source"] as? String == "list")
    #expect(later.json["promotion_code"] == nil)
  }
}

@Suite struct CommercialRegistryTests {
  @Test func theAPIReferenceDescribesEveryCommercialRoute() throws {
    let app = try TestApp.commercial(.primary)
    let document = try app.client.get("/api/openapi.json")
    #expect(document.status == 200)
    let paths = try #require(document.json["paths"] as? [String: Any])
    for path in [
      "/api/v1/prices", "/api/v1/rate-cards/{id}", "/api/v1/inquiries/{id}/transitions",
      "/api/v1/quotes/{id}/accept", "/api/v1/contracts", "/api/v1/credit-holds/{id}/approve",
    ] {
      #expect(paths[path] != nil, "\(path)")
    }
  }
}
