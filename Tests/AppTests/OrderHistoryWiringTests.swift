import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

/// CRM reads the order history the orders module keeps, through the adapter `App` wires: the
/// customer page's figures count the customer's real orders.
@Suite struct OrderHistoryWiringTests {
  @Test func theCustomerPageCountsTheOrdersTheOrdersModuleKeeps() throws {
    let app = try TestApp(.primary)
    let demo = try app.application.createDemo()
    let portalUser = try #require(
      try app.identity.users(demo.company.tenant).first { $0.login == "customer" })
    let customer = try #require(portalUser.customerID)
    let now = app.clock.now()
    let yearAgo = now.adding(milliseconds: -365 * 86_400_000)
    let placed = try app.database.read(for: demo.company.tenant) { scope in
      try scope.query(
        """
        SELECT COUNT(*) AS n FROM orders WHERE tenant_id = $1 AND customer_id = $2
          AND created_at >= $3 AND created_at < $4 AND status NOT IN ('draft', 'cancelled')
        """,
        [
          .integer(customer.rawValue), .integer(yearAgo.epochMilliseconds),
          .integer(now.epochMilliseconds),
        ])[0].int("n")
    }
    #expect(placed > 0, "the demo gives its portal customer orders")
    let browser = Browser(app.client)
    browser.acceptLanguage = "en"
    try browser.signIn(slug: demo.company.slug, login: "owner", password: demo.password)
    let page = try browser.get("/app/customers/\(customer)")
    #expect(page.status == 200)
    #expect(page.text.contains("Last 365 days"))
    #expect(page.text.contains("\(placed) orders, "))
    #expect(page.text.contains("Credit used"))
    // The orders panel's tables span the page; the other panels take half of it.
    let sections = page.text.components(separatedBy: "<section class=\"").dropFirst()
    let orders = sections.first { $0.contains(">Orders</h2>") }
    #expect(orders?.hasPrefix("col-12\"") == true, "\(orders?.prefix(80) ?? "no orders panel")")
    #expect(sections.filter { $0.hasPrefix("col-lg-6\"") }.count == sections.count - 1)
  }
}

/// The demo company shows what segments and campaigns are for.
@Suite struct DemoSegmentTests {
  @Test func theDemoHasSavedSegmentsWithMembersAndAStartedCampaign() throws {
    let app = try TestApp(.primary)
    let demo = try app.application.createDemo()
    let headers = ["Authorization": "Bearer \(demo.apiToken)", "Accept-Language": "en"]
    let segments = try app.client.send("GET", "/api/v1/segments", headers: headers)
    let items = try #require(segments.json["items"] as? [[String: Any]])
    #expect(items.count == 3)
    #expect(items.contains { ($0["customer_count"] as? Int ?? 0) > 0 })
    let campaigns = try app.client.send("GET", "/api/v1/campaigns", headers: headers)
    let listed = try #require(campaigns.json["items"] as? [[String: Any]])
    #expect(listed.count == 1)
    let campaign = try #require(listed.first?["campaign"] as? [String: Any] ?? listed.first)
    #expect(campaign["started_at"] != nil && !(campaign["started_at"] is NSNull))
  }
}
