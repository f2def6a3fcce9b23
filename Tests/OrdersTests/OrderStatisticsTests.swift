import Foundation
import FreightdeskCore
import Orders
import Storage
import TestSupport
import Testing
import Web

@Suite struct OrderStatisticsTests {
  /// Moves order `id` with `steps` as the dispatcher.
  func move(_ id: Int64, _ steps: [String], app: TestApp, company: TestCompany) throws {
    for step in steps {
      let moved = try app.api(
        "POST", "/orders/\(id)/events", #"{"type": "\#(step)"}"#, as: .dispatcher, of: company)
      guard moved.status == 200 else { throw HTTPClient.Failure.malformedResponse(moved.text) }
    }
  }

  @Test(arguments: Backend.allCases)
  func figuresCountOrdersDeliveriesLatenessRevenueAndExposure(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let other = try app.makeCustomer("源华食品", rating: "A", limitFen: 10_000_000, of: company)
    let periodStart = app.clock.now()
    var ids: [Int64] = []
    for (index, owner) in [customer, customer, customer, other].enumerated() {
      let created = try app.api(
        "POST", "/orders", orderJSON(customer: owner, services: index == 0 ? ["night"] : []),
        as: .sales, of: company)
      ids.append(try #require(created.int("id")))
    }
    let draft = try app.api(
      "POST", "/orders", orderJSON(customer: customer), as: .sales, of: company)
    #expect(draft.status == 201)
    for id in ids[0...2] {
      try move(id, ["confirm", "plan", "pick_up", "depart"], app: app, company: company)
    }
    try move(ids[3], ["cancel"], app: app, company: company)
    try move(ids[0], ["deliver"], app: app, company: company)
    // The consignee's window ends 2026-12-08 14:00 China time; deliver one after it.
    app.clock.advance(seconds: 5 * 86_400)
    try move(ids[1], ["deliver"], app: app, company: company)
    let periodEnd = app.clock.now().adding(seconds: 1)
    let figures = try app.database.read(for: company.tenant) {
      try OrderStatistics.figures(from: periodStart, to: periodEnd, $0)
    }
    let mine = try #require(figures[Identifier(rawValue: customer)])
    #expect(mine.orders == 3)
    #expect(mine.deliveredOrders == 2)
    #expect(mine.nightDeliveries == 1)
    #expect(mine.lateDeliveries == 1)
    #expect(mine.onTimeRateBasisPoints == 5_000)
    // Two plain orders at ¥126.00 and a night one at ¥156.00.
    #expect(mine.revenue == Money(minorUnits: 2 * 12_600 + 15_600))
    #expect(mine.urgentOrders == 0)
    #expect(mine.lastOrderAt == periodStart)
    #expect(figures[Identifier(rawValue: other)]?.orders == 0)
    let exposure = try app.database.read(for: company.tenant) {
      try OrderExposure.openOrders(of: Identifier(rawValue: customer), $0)
    }
    #expect(exposure == Money(minorUnits: 2 * 12_600 + 15_600))
    try move(ids[0], ["bill"], app: app, company: company)
    let afterBilling = try app.database.read(for: company.tenant) {
      try OrderExposure.openOrders(of: Identifier(rawValue: customer), $0)
    }
    #expect(afterBilling == Money(minorUnits: 2 * 12_600))
    let later = try app.database.read(for: company.tenant) {
      try OrderStatistics.figures(
        of: [Identifier(rawValue: customer)], from: periodEnd,
        to: periodEnd.adding(seconds: 86_400), $0)
    }
    #expect(later.isEmpty)
    let onlyOther = try app.database.read(for: company.tenant) {
      try OrderStatistics.figures(
        of: [Identifier(rawValue: other)], from: periodStart, to: periodEnd, $0)
    }
    #expect(Array(onlyOther.keys) == [Identifier(rawValue: other)])
  }

  @Test func theUrgentRuleComparesRatingsAndHistory() throws {
    let rule = UrgentRule.standard
    #expect(rule.allows(rating: "A", delivered: 3))
    #expect(rule.allows(rating: "B", delivered: 7))
    #expect(!rule.allows(rating: "B", delivered: 2))
    #expect(!rule.allows(rating: "C", delivered: 100))
    #expect(!rule.allows(rating: "Z", delivered: 100))
    #expect(throws: ValidationFailure.self) {
      try UrgentRule(ratingMin: "B", deliveredMin: -1, periodDays: 0).validate()
    }
  }
}
