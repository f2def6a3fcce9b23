import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@testable import CRM

/// RFM scores as pure functions, and saved segments over HTTP with live counts.
@Suite struct CustomerSegmentTests {
  let history = OrderHistoryFixture()

  func ids(_ values: [Int64]) -> [Identifier] { values.map(Identifier.init(rawValue:)) }

  @Test func rfmScoresRankCustomersByFifthsAndTiesScoreAlike() {
    let base = Instant(epochMilliseconds: 1_796_342_400_000)
    var figures: [Identifier: CustomerOrderFigures] = [:]
    for index in 0..<10 {
      figures[Identifier(rawValue: Int64(index + 1))] = CustomerOrderFigures(
        orders: index + 1, revenue: Money(minorUnits: Int64(index < 5 ? 100 : 900)),
        lastOrderAt: base.adding(seconds: Int64(index) * 86_400))
    }
    figures[Identifier(rawValue: 99)] = CustomerOrderFigures.none
    let scores = RFMScore.scores(of: figures)
    #expect(scores[Identifier(rawValue: 1)] == RFMScore.lowest)
    #expect(scores[Identifier(rawValue: 10)] == RFMScore(recency: 5, frequency: 5, monetary: 3))
    #expect(scores[Identifier(rawValue: 3)]?.frequency == 2)
    #expect(scores[Identifier(rawValue: 6)]?.monetary == 3)
    #expect(scores[Identifier(rawValue: 99)] == nil)
  }

  @Test func aFilterAdmitsOnlyWithinItsRevenueBandAndScores() {
    let filter = CustomerSegmentFilter(
      revenueMinFen: 10_000, revenueMaxFen: 50_000, frequencyMin: 3)
    let score = RFMScore(recency: 1, frequency: 3, monetary: 1)
    #expect(
      filter.admits(
        CustomerOrderFigures(orders: 2, revenue: Money(minorUnits: 10_000)), score: score))
    #expect(
      !filter.admits(
        CustomerOrderFigures(orders: 2, revenue: Money(minorUnits: 9_999)), score: score))
    #expect(
      !filter.admits(
        CustomerOrderFigures(orders: 2, revenue: Money(minorUnits: 50_001)), score: score))
    #expect(
      !filter.admits(
        CustomerOrderFigures(orders: 2, revenue: Money(minorUnits: 20_000)), score: .lowest))
    #expect(!CustomerSegmentFilter().readsHistory)
    #expect(filter.readsHistory)
  }

  @Test func badFiltersNameTheirFields() {
    let filter = CustomerSegmentFilter(
      tags: [""], revenueMinFen: 500, revenueMaxFen: 100, recencyMin: 6, monetaryMin: 0)
    #expect(
      Set(filter.problems().map { "\($0.pointer) \($0.code)" }) == [
        "/filter/tags/0 required", "/filter/revenue_max_fen below_minimum",
        "/filter/recency_min out_of_range", "/filter/monetary_min out_of_range",
      ])
  }

  func start(_ backend: Backend) throws -> (TestApp, TestCompany) {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    return (app, try app.makeCompany("acme"))
  }

  /// Three customers: two on 淘宝 in 浙江 (one 高价值 by its orders, one tagged by hand), one
  /// on 京东 in 上海 without orders.
  func seed(_ app: TestApp, _ company: TestCompany) throws -> [Customer] {
    let audit = testAudit(app)
    let crm = app.crm
    let customers = try [
      ("杭州新禾服饰有限公司", "taobao", "浙江省", "杭州市"),
      ("宁波海曙电器有限公司", "taobao", "浙江省", "宁波市"),
      ("上海明达电子有限公司", "jd", "上海市", "上海市"),
    ].map { name, platform, province, city in
      let customer = try crm.createCustomer(
        CustomerInput(name: name, segmentCode: platform, status: .active), in: company.tenant,
        audit: audit)
      try crm.addAddress(
        AddressInput(province: province, city: city, detail: "1号"), to: customer.id,
        in: company.tenant, audit: audit)
      return customer
    }
    try crm.addTag(
      TagInput(tag: "冷链", reason: "生鲜"), to: customers[1].id,
      by: StaffMember(id: company.userIDs[.owner]!, name: "王"), in: company.tenant, audit: audit)
    history.addOrders(60, of: customers[0].id, before: app.clock.now())
    history.addOrders(3, of: customers[1].id, before: app.clock.now())
    try app.database.write(for: company.tenant) {
      try AutomaticTagging(services: app.application.services, history: history)
        .recompute(customers.map(\.id), audit: audit, in: $0)
    }
    return customers
  }

  @discardableResult
  func create(_ app: TestApp, _ company: TestCompany, _ name: String, _ filter: String) throws
    -> HTTPClient.Response
  {
    try app.api(
      "POST", "/segments", #"{"name": "\#(name)", "filter": \#(filter)}"#,
      token: company.tokens[.sales])
  }

  @Test(arguments: Backend.allCases)
  func savedSegmentsCountTheirCustomersLive(backend: Backend) throws {
    let (app, company) = try start(backend)
    let customers = try seed(app, company)
    let zhejiang = try create(
      app, company, "浙江淘宝", #"{"platform": "taobao", "province": "浙江省", "tags": []}"#)
    #expect(zhejiang.status == 201)
    try create(app, company, "高价值", #"{"tags": ["高价值"]}"#)
    try create(app, company, "宁波冷链", #"{"tags": ["冷链"], "city": "宁波市"}"#)
    try create(app, company, "大客户", #"{"tags": [], "revenue_min_fen": 100000, "frequency_min": 3}"#)
    let list = try app.api("GET", "/segments", token: company.tokens[.viewer])
    #expect(list.status == 200)
    let counts = Dictionary(
      uniqueKeysWithValues: list.items.map {
        (
          ($0["segment"] as? [String: Any])?["name"] as? String ?? "",
          $0["customer_count"] as? Int ?? -1
        )
      })
    #expect(counts == ["浙江淘宝": 2, "高价值": 1, "宁波冷链": 1, "大客户": 1])
    let id = try #require((zhejiang.json["id"] as? Int64))
    let members = try app.api("GET", "/segments/\(id)/customers", token: company.tokens[.viewer])
    #expect(
      Set(members.items.compactMap { $0["name"] as? String })
        == Set(customers.prefix(2).map(\.name)))
    let third = customers[2]
    try app.crm.addAddress(
      AddressInput(province: "浙江省", city: "温州市", detail: "2号"), to: third.id,
      in: company.tenant, audit: testAudit(app))
    let unchanged = try app.api("GET", "/segments/\(id)", token: company.tokens[.viewer])
    #expect(unchanged.json["customer_count"] as? Int == 2)
    let csv = try app.api(
      "GET", "/segments/\(id)/export?format=csv", token: company.tokens[.viewer])
    #expect(csv.status == 200)
    #expect(csv.text.contains("杭州新禾服饰有限公司"))
    #expect(!csv.text.contains("上海明达电子有限公司"))
    let xlsx = try app.api(
      "GET", "/segments/\(id)/export?format=xlsx", token: company.tokens[.viewer])
    #expect(xlsx.body.starts(with: [0x50, 0x4B]))
  }

  @Test(arguments: Backend.allCases)
  func badOrDuplicateSegmentsAreRefusedAndDeletionIsAudited(backend: Backend) throws {
    let (app, company) = try start(backend)
    let bad = try create(app, company, "", #"{"tags": [], "recency_min": 9}"#)
    #expect(bad.status == 400)
    #expect(bad.text.contains("/filter/recency_min"))
    #expect(bad.text.contains("\"/name\""))
    let first = try create(app, company, "华东", #"{"tags": [], "province": "浙江省"}"#)
    #expect(first.status == 201)
    let again = try create(app, company, "华东", #"{"tags": []}"#)
    #expect(again.status == 409)
    #expect(again.json["code"] as? String == "customer_segment_name_taken")
    let id = try #require(first.json["id"] as? Int64)
    #expect(try app.api("DELETE", "/segments/\(id)", token: company.tokens[.viewer]).status == 403)
    #expect(try app.api("DELETE", "/segments/\(id)", token: company.tokens[.sales]).status == 204)
    #expect(try app.api("GET", "/segments/\(id)", token: company.tokens[.sales]).status == 404)
    let audited = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        "SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'customer_segment' ORDER BY id"
      ).map { try $0.string("action") }
    }
    #expect(audited == ["create", "delete"])
  }

  @Test(arguments: Backend.allCases)
  func staffSaveASegmentOnThePageAndSeeItsCustomers(backend: Backend) throws {
    let (app, company) = try start(backend)
    _ = try seed(app, company)
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    #expect(try browser.get("/app/segments").status == 200)
    let refused = try browser.submit(
      "/app/segments", [("name", "浙江"), ("revenue_min", "abc")])
    #expect(refused.status == 400)
    let saved = try browser.submit(
      "/app/segments", [("name", "浙江"), ("province", "浙江省"), ("tags", "冷链，")])
    #expect(saved.status == 303)
    let detail = try browser.follow(saved)
    #expect(detail.text.contains("宁波海曙电器有限公司"))
    #expect(!detail.text.contains("杭州新禾服饰有限公司"))
    let list = try browser.get("/app/segments")
    #expect(list.text.contains("浙江"))
    let export = try browser.get(
      (detail.text.range(of: #"/app/segments/\d+/export\.csv"#, options: .regularExpression))
        .map { String(detail.text[$0]) } ?? "/missing")
    #expect(export.status == 200)
    #expect(export.text.contains("宁波海曙电器有限公司"))
  }
}
