import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

@testable import CRM
@testable import Storage

@Suite struct TimelineAndDemoTests {
  @Test(arguments: Backend.allCases)
  func ordersPlacedElsewhereAppearInTheTimelineOnce(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "郑州源华食品有限公司"), in: company.tenant, audit: testAudit(app))
    let event = OutboxEvent(
      id: Identifier(rawValue: 42), tenant: company.tenant, topic: "order.created",
      payload: #"{"customer_id": \#(customer.id), "reference": "TO20261204-0007"}"#,
      createdAt: Instant(epochMilliseconds: 1_796_342_400_000))
    let handler = CustomerTimelineTopic.orderCreated.handler
    for _ in 0..<2 {
      try app.database.write(for: company.tenant) { try handler.handle(event, $0) }
    }
    let timeline = try app.crm.timeline(of: customer.id, in: company.tenant)
    #expect(timeline.count == 1)
    guard case .event(let recorded) = timeline.first else {
      Issue.record("expected the order event")
      return
    }
    #expect(recorded.reference == "TO20261204-0007")
  }

  @Test func theDemoIsTheSameEveryTime() throws {
    var totals: [[String]] = []
    for _ in 0..<2 {
      let app = try TestApp(.primary)
      let company = try app.makeCompany("demo")
      try CRMDemo(service: app.crm).seed(company.tenant)
      var names: [String] = []
      var page = PageRequest(limit: 200)
      repeat {
        let list = try app.crm.customers(CustomerFilter(), page: page, in: company.tenant)
        names += list.items.filter { $0.id != company.customerID }.map(\.name)
        page.cursor = try list.nextCursor.map(Cursor.init(token:))
      } while page.cursor != nil
      totals.append(names)
    }
    #expect(totals[0].count == CRMDemo.customerCount)
    #expect(totals[0] == totals[1])
  }
}
