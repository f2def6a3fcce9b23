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
  }
}
