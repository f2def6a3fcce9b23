import CRM
import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing

/// Pricing remembers the company's cards (the list card and contract cards), contracts,
/// promotions and chargeable-weight rule between prices; every change to one of those tables,
/// however it is made, shows in the next price.
@Suite struct PricingBasisTests {
  @Test(arguments: Backend.allCases)
  func everyChangeToWhatPricingReadsShowsInTheNextPrice(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    try app.createListCard(for: company)
    let contractCard = try app.createListCard(for: company, isList: false, perKgFen: 100)
    let customer = company.customerID.rawValue
    func price() throws -> (source: String?, lines: [String: Int]) {
      let response = try app.call(
        "POST", "/api/v1/prices",
        """
        {"origin": "上海市", "destination": "广东省", "weight_kg": 50, "volume_m3": 0.5,
         "customer_id": \(customer), "ship_date": "2026-12-10"}
        """, as: .sales, of: company)
      #expect(response.status == 200, "\(response.text)")
      let lines = (response.json["lines"] as? [[String: Any]] ?? []).map {
        ($0["code"] as? String ?? "", ($0["amount_fen"] as? NSNumber)?.intValue ?? 0)
      }
      return (response.json["rate_source"] as? String, Dictionary(uniqueKeysWithValues: lines))
    }
    func change(_ sql: String, _ parameters: [SQLValue] = []) throws {
      try app.database.write(for: company.tenant) { try $0.execute(sql, parameters) }
    }

    // 50 kg, or 0.5 m³ at the standard 250 kg per m³ (125 kg), at 1.50 yuan a kilogram.
    #expect(try price().lines["freight"] == 18_750)

    try change(
      """
      INSERT INTO pricing_settings (tenant_id, id, kilograms_per_cubic_metre, weight_rounding)
      VALUES ($1, $1, 300, 'gram_up')
      """)
    #expect(try price().lines["freight"] == 22_500, "150 kg at 1.50 yuan")

    try change(
      """
      INSERT INTO promotions (tenant_id, id, code, name, percent_basis_points, valid_from,
        valid_through)
      VALUES ($1, 1, 'WINTER', '冬季优惠', 1000, '2026-12-01', '2026-12-31')
      """)
    #expect(try price().lines["promotion"] == -2_250)

    try change(
      """
      INSERT INTO contracts (tenant_id, id, number, customer_id, title, rate_card_id, valid_from,
        valid_through, settlement, on_time_target_basis_points, renewal_reminder_days,
        created_at)
      VALUES ($1, 2, 'HT-1', $2, '年度合同', $3, '2026-01-01', '2026-12-31', 'monthly', 9500, 30,
        0)
      """, [.integer(customer), .integer(contractCard)])
    let contracted = try price()
    #expect(contracted.source == "contract")

    // The contract's card edited (a new version, as the card editor saves it): twice the fuel.
    let edited = try app.call(
      "PUT", "/api/v1/rate-cards/\(contractCard)",
      """
      {"name": "合同价", "is_list": false, "fuel_basis_points": 1000, "surcharges": [],
       "lanes": [{"origin": "上海市", "destination": "广东省", "minimum_charge_fen": 5000,
         "breaks": [{"basis": "weight", "from": 0, "rate_fen": 100},
                    {"basis": "weight", "from": 100, "rate_fen": 150}]}]}
      """, as: .admin, of: company, headers: ["If-Match": "\"1\""])
    #expect(edited.status == 200, "\(edited.text)")
    let fuel = try #require(contracted.lines["fuel"])
    #expect(try price().lines["fuel"] == 2 * fuel)

    try change("UPDATE contracts SET valid_through = '2026-12-09' WHERE tenant_id = $1")
    #expect(try price().source == "list")

    try change("DELETE FROM promotions WHERE tenant_id = $1")
    #expect(try price().lines["promotion"] == nil)

    try change("DELETE FROM pricing_settings WHERE tenant_id = $1")
    #expect(try price().lines["freight"] == 18_750)

    try change("UPDATE rate_cards SET is_list = 0 WHERE tenant_id = $1")
    let none = try app.call(
      "POST", "/api/v1/prices", #"{"origin": "上海市", "destination": "广东省", "weight_kg": 10}"#,
      as: .sales, of: company)
    #expect(none.code == "no_list_rate_card")
  }
}
