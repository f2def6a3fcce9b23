import CRM
import Foundation
import TestSupport
import Testing

@Suite struct CommercialDemoTests {
  @Test(arguments: Backend.allCases)
  func theDemoCompanyGetsPricesAndAPipelineOnce(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    for _ in 0..<2 {
      try CommercialPart.addDemoData(
        services: app.application.services, tenant: company.tenant, timeZone: shanghai)
    }
    let cards = try app.call("GET", "/api/v1/rate-cards", as: .viewer, of: company)
    #expect((cards.json["items"] as? [Any])?.count == 1)
    let inquiries = try app.call("GET", "/api/v1/inquiries", as: .viewer, of: company)
    let stages = (inquiries.json["items"] as? [[String: Any]])?.compactMap {
      $0["stage"] as? String
    }
    #expect(stages?.sorted() == ["new", "qualified", "quoted"])
    let price = try app.call(
      "POST", "/api/v1/prices",
      #"{"origin": "上海市", "destination": "广东省/深圳市/福田区", "weight_kg": 600, "segment": "tmall"}"#,
      as: .sales, of: company)
    #expect(price.json["promotion_code"] as? String == "TMALL12")
    // 600 kg × ¥1.50 = ¥900.00; fuel 5 % = ¥45.00; 12 % off the freight = −¥108.00.
    #expect((price.json["total_fen"] as? NSNumber)?.intValue == 90_000 + 4_500 - 10_800)
  }
}
