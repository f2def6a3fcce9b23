import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

@testable import CRM

/// The figures panel of the 360° page: orders and revenue by window, on-time rate, credit used.
@Suite struct CustomerFiguresTests {
  @Test func figuresTakeEachWindowTheYearsOnTimeRateAndTheShareOfTheLimit() {
    let figures = CustomerFigures(
      figures: [
        30: CustomerOrderFigures(orders: 4, revenue: Money(minorUnits: 40_000)),
        365: CustomerOrderFigures(
          orders: 40, deliveries: 20, lateDeliveries: 1, revenue: Money(minorUnits: 400_000)),
      ], creditUsed: Money(minorUnits: 25_000), creditLimit: Money(minorUnits: 100_000))
    #expect(figures.windows.map(\.orders) == [4, 0, 40])
    #expect(figures.windows.map(\.revenue.minorUnits) == [40_000, 0, 400_000])
    #expect(figures.onTimeBasisPoints == 9_500)
    #expect(figures.creditUsedBasisPoints == 2_500)
    let unknown = CustomerFigures(figures: [:], creditUsed: nil, creditLimit: .zero())
    #expect(unknown.onTimeBasisPoints == nil)
    #expect(unknown.creditUsedBasisPoints == nil)
  }

  @Test(arguments: Backend.allCases)
  func theCustomerPageShowsOrdersRevenueOnTimeRateAndCreditUsed(backend: Backend) throws {
    let history = OrderHistoryFixture()
    let app = try TestApp(backend) {
      $0.customerHistory = history
      $0.customerExposure = FixedExposure(
        figures: CreditExposure(
          openReceivables: Money(minorUnits: 300_000), openOrders: Money(minorUnits: 200_000)))
    }
    let company = try app.makeCompany("acme")
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "郑州源华食品有限公司"), in: company.tenant, audit: testAudit(app))
    try app.crm.updateTerms(
      customer.id,
      CommercialTerms(
        settlement: .monthly, billingDay: 25, paymentDays: 30, creditRating: .a,
        creditLimitFen: 2_000_000), version: customer.version, in: company.tenant,
      audit: testAudit(app))
    let now = app.clock.now()
    history.add(
      (1...12).map { index in
        HistoricOrder(
          customer: customer.id, placedAt: now.adding(seconds: -Int64(index) * 5 * 86_400),
          deliveredAt: now.adding(seconds: -Int64(index) * 5 * 86_400 + 86_400),
          late: index == 1, revenueFen: 50_000)
      })
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    let page = try browser.get("/app/customers/\(customer.id)")
    #expect(page.status == 200)
    #expect(page.text.contains("6 单，¥3,000.00"))
    #expect(page.text.contains("12 单，¥6,000.00"))
    #expect(page.text.contains("91.66 %"))
    #expect(page.text.contains("25.00 %"))
  }
}
