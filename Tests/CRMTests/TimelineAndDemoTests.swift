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
    let (app, company, customer) = try customerOfACompany(backend)
    let event = OutboxEvent(
      id: Identifier(rawValue: 42), tenant: company.tenant, topic: "order.created",
      payload: #"{"customer_id": \#(customer.id), "reference": "TO20261204-0007"}"#,
      createdAt: Instant(epochMilliseconds: 1_796_342_400_000))
    let handler = CustomerTimelineTopic.orderCreated.handler
    for _ in 0..<2 {
      try app.database.write(for: company.tenant) { try handler.handle(event, $0) }
    }
    let timeline = try app.crm.timeline(of: customer.id, in: company.tenant).entries
    #expect(timeline.count == 1)
    guard case .event(let recorded) = timeline.first else {
      Issue.record("expected the order event")
      return
    }
    #expect(recorded.reference == "TO20261204-0007")
  }

  /// A fresh app with one company and one of its customers.
  private func customerOfACompany(_ backend: Backend) throws -> (TestApp, TestCompany, Customer) {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "郑州源华食品有限公司"), in: company.tenant, audit: testAudit(app))
    return (app, company, customer)
  }

  /// Records `count` order events for `customer`, three to a millisecond (so that pages must
  /// break ties by id), the newest at `start`.
  private func recordOrders(
    _ count: Int, of customer: Identifier, _ app: TestApp, _ company: TestCompany,
    start: Int64 = 1_796_342_400_000
  ) throws {
    let handler = CustomerTimelineTopic.orderCreated.handler
    try app.database.write(for: company.tenant) { scope in
      for index in 0..<count {
        try handler.handle(
          OutboxEvent(
            id: Identifier(rawValue: Int64(1_000 + index)), tenant: company.tenant,
            topic: "order.created",
            payload: #"{"customer_id": \#(customer), "reference": "TO-\#(index)"}"#,
            createdAt: Instant(epochMilliseconds: start - Int64(index / 3))), scope)
      }
    }
  }

  @Test(arguments: Backend.allCases)
  func theTimelineIsReadPageByPageWithNothingSkippedOrRepeated(backend: Backend) throws {
    let (app, company, customer) = try customerOfACompany(backend)
    try recordOrders(250, of: customer.id, app, company)
    var pages: [TimelinePage] = []
    var position: TimelinePosition?
    repeat {
      let page = try app.crm.timeline(of: customer.id, in: company.tenant, after: position)
      pages.append(page)
      position = page.next
    } while position != nil && pages.count < 5
    #expect(pages.map(\.entries.count) == [100, 100, 50])
    let entries = pages.flatMap(\.entries)
    #expect(Set(entries.map(\.id)).count == 250)
    #expect(
      zip(entries, entries.dropFirst()).allSatisfy {
        ($0.occurredAt, $0.id.rawValue) > ($1.occurredAt, $1.id.rawValue)
      })
    #expect(
      try app.crm.timeline(of: customer.id, in: company.tenant, after: nil, limit: 250).next
        == nil)
    #expect(TimelinePosition(text: pages[0].next!.text) == pages[0].next)
    for malformed in ["", "12", "a-1", "1-0", "-5-3", "1-2-3"] {
      #expect(TimelinePosition(text: malformed) == nil, "\(malformed)")
    }
  }

  @Test func theCustomerPageLeadsToOlderTimelineEntriesAndBack() throws {
    let (app, company, customer) = try customerOfACompany(.primary)
    try recordOrders(120, of: customer.id, app, company)
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    let first = try browser.get("/app/customers/\(customer.id)")
    // Newest first, and within a millisecond the larger id first: the hundredth entry is
    // TO-101 (TO-99, TO-100 and TO-101 share a millisecond).
    #expect(first.text.contains("TO-0<"))
    #expect(first.text.contains("TO-101<"))
    #expect(!first.text.contains("TO-99<"))
    #expect(!first.text.contains("最新动态"))
    let older = try #require(
      first.text.range(
        of: #"href="/app/customers/\d+\?timeline_after=[0-9-]+#timeline""#,
        options: .regularExpression))
    let link = String(first.text[older].dropFirst(6).prefix { $0 != "#" })
    let second = try browser.get(link)
    #expect(second.status == 200)
    #expect(second.text.contains("TO-99<"))
    #expect(second.text.contains("TO-119<"))
    #expect(!second.text.contains("TO-101<"))
    #expect(second.text.contains("最新动态"))
    #expect(!second.text.contains("更早的动态"))
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
