import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@testable import CRM

/// Automatic tags recomputed by jobs from order events, nightly and after a change of rules,
/// over a history that aggregates real orders.
@Suite struct AutomaticTagJobTests {
  let history = OrderHistoryFixture()

  func start(_ backend: Backend) throws -> (TestApp, TestCompany) {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    return (app, try app.makeCompany("acme"))
  }

  func tagging(_ app: TestApp) -> AutomaticTagging {
    AutomaticTagging(services: app.application.services, history: history)
  }

  func customer(_ app: TestApp, _ company: TestCompany, _ name: String) throws -> Customer {
    try app.crm.createCustomer(
      CustomerInput(name: name), in: company.tenant, audit: testAudit(app))
  }

  /// The company's jobs of `kind`, newest first.
  func jobs(_ app: TestApp, _ company: TestCompany, kind: String) throws -> [JobProgress] {
    try app.database.read(for: company.tenant) {
      try app.application.services.jobs.recent(limit: 50, in: $0)
    }.filter { $0.kind == kind }
  }

  /// How many events of `topic` every handler has finished with (on SQLite, an event all of
  /// whose handlers succeeded at once leaves no delivery record, only its settling).
  func settled(_ app: TestApp, _ company: TestCompany, topic: String) throws -> Int {
    try app.database.read(for: company.tenant) { scope in
      try scope.query(
        """
        SELECT COUNT(*) AS n FROM outbox_events
        WHERE tenant_id = $1 AND topic = $2 AND settled_at IS NOT NULL
        """, [.text(topic)]
      ).first?.int("n") ?? 0
    }
  }

  /// Waits (at most 10 s) until `done` holds, running due jobs meanwhile.
  func waitUntil(_ app: TestApp, _ done: () throws -> Bool) throws {
    let runner = JobRunner(
      database: app.database, queue: app.application.services.jobs,
      handlers: tagging(app).jobHandlers, workerName: "test")
    for _ in 0..<500 {
      if try done() { return }
      try runner.runNext()
      Thread.sleep(forTimeInterval: 0.02)
    }
    Issue.record("timed out")
  }

  @Test(arguments: Backend.allCases)
  func anOrderEventTagsItsCustomerShortlyAfterWithTheFiguresAsReason(backend: Backend) throws {
    let (app, company) = try start(backend)
    let busy = try customer(app, company, "郑州源华食品有限公司")
    try app.crm.addTag(
      TagInput(tag: "冷链", reason: "经营生鲜食品"), to: busy.id,
      by: StaffMember(id: company.userIDs[.owner]!, name: "王"), in: company.tenant,
      audit: testAudit(app))
    history.addOrders(62, of: busy.id, before: app.clock.now())
    try app.database.write(for: company.tenant) { scope in
      for reference in ["TO20261204-0001", "TO20261204-0002"] {
        try app.application.services.outbox.enqueue(
          topic: "order.created",
          payload: #"{"customer_id": \#(busy.id), "reference": "\#(reference)"}"#, in: scope)
      }
    }
    let kind = AutomaticTagging.customerJobKind
    try waitUntil(app) {
      try settled(app, company, topic: "order.created") == 2
    }
    #expect(try tagging(app).tags(of: busy.id, in: company.tenant).isEmpty)
    app.clock.advance(milliseconds: CRMLimits.automaticTagDebounceMilliseconds + 1)
    try waitUntil(app) { try jobs(app, company, kind: kind).first?.status == .succeeded }
    #expect(try jobs(app, company, kind: kind).count == 1)
    let tags = try tagging(app).tags(of: busy.id, in: company.tenant)
    #expect(tags.map(\.tag) == ["高价值"])
    #expect(tags.first?.finding.evidence == ["days": "30", "orders": "62", "threshold": "50"])
    #expect(try app.crm.tags(of: busy.id, in: company.tenant).map(\.tag) == ["冷链"])
    let nightly = try jobs(app, company, kind: AutomaticTagging.allJobKind)
    #expect(nightly.map(\.status) == [.queued])
    let audited = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        """
        SELECT COUNT(*) AS n FROM audit_log
        WHERE tenant_id = $1 AND entity = 'customer' AND action = 'automatic_tags'
        """
      ).first?.int("n")
    }
    #expect(audited == 1)
  }

  @Test(arguments: Backend.allCases)
  func theNightlyRunRetagsEveryCustomerAndQueuesTheNextNight(backend: Backend) throws {
    let (app, company) = try start(backend)
    let steady = try customer(app, company, "上海明达电子有限公司")
    let fading = try customer(app, company, "杭州新禾服饰有限公司")
    let now = app.clock.now()
    history.addOrders(55, of: steady.id, before: now)
    history.addOrders(12, of: fading.id, before: now.adding(seconds: -31 * 86_400))
    history.addOrders(2, of: fading.id, before: now)
    try app.database.write(for: company.tenant) { try tagging(app).scheduleNightly(in: $0) }
    let night = AutomaticTagging.nextNight(after: now, in: DisplayFormat.defaultTimeZone)
    app.clock.set(night)
    let kind = AutomaticTagging.allJobKind
    try waitUntil(app) { try jobs(app, company, kind: kind).contains { $0.status == .succeeded } }
    let all = try jobs(app, company, kind: kind)
    #expect(all.map(\.status) == [.queued, .succeeded])
    #expect(all.last?.done == 3, "the two customers and the portal user's")
    #expect(try tagging(app).tags(of: steady.id, in: company.tenant).map(\.tag) == ["高价值"])
    let churn = try tagging(app).tags(of: fading.id, in: company.tenant)
    #expect(churn.map(\.tag) == ["流失风险"])
    #expect(churn.first?.finding.evidence["previous"] == "12")
  }

  @Test(arguments: Backend.allCases)
  func tagsThatNoLongerApplyAreTakenOffAndComplaintsCount(backend: Backend) throws {
    let (app, company) = try start(backend)
    let client = try customer(app, company, "广州华南冷链有限公司")
    let tagging = tagging(app)
    let audit = testAudit(app)
    history.addOrders(50, of: client.id, before: app.clock.now())
    try app.database.write(for: company.tenant) {
      try tagging.recompute([client.id], audit: audit, in: $0)
    }
    #expect(try tagging.tags(of: client.id, in: company.tenant).map(\.tag) == ["高价值"])
    for _ in 0..<2 {
      try app.crm.logInteraction(
        InteractionInput(kind: .complaint, summary: "到货晚了两天"), customer: client.id,
        by: StaffMember(id: company.userIDs[.owner]!, name: "王"), in: company.tenant,
        audit: audit)
    }
    app.clock.advance(seconds: 20 * 86_400)
    let changed = try app.database.write(for: company.tenant) {
      try tagging.recompute([client.id], audit: audit, in: $0)
    }
    #expect(changed == 1)
    let tags = try tagging.tags(of: client.id, in: company.tenant)
    #expect(tags.map(\.tag) == ["时效敏感"])
    #expect(tags.first?.finding.basis == "time_sensitive.complaints")
    let unchanged = try app.database.write(for: company.tenant) {
      try tagging.recompute([client.id], audit: audit, in: $0)
    }
    #expect(unchanged == 0)
  }

  @Test(arguments: Backend.allCases)
  func staffChangeTheRulesThroughTheAPIAndBadRulesAreRefusedField(backend: Backend) throws {
    let (app, company) = try start(backend)
    let rules = try app.api("GET", "/automatic-tag-rules", token: company.tokens[.sales])
    #expect(rules.status == 200)
    #expect((rules.json["high_value"] as? [String: Any])?["count_min"] as? Int == 50)
    var settings = AutomaticTagSettings.defaults
    settings.highValue.countMin = 0
    let bad = try app.api(
      "PUT", "/automatic-tag-rules", try json(settings), token: company.tokens[.owner])
    #expect(bad.status == 400)
    #expect(bad.text.contains("/high_value/count_min"))
    settings.highValue.countMin = 20
    let denied = try app.api(
      "PUT", "/automatic-tag-rules", try json(settings), token: company.tokens[.sales])
    #expect(denied.status == 403)
    let client = try customer(app, company, "成都天府快消品有限公司")
    history.addOrders(25, of: client.id, before: app.clock.now())
    let saved = try app.api(
      "PUT", "/automatic-tag-rules", try json(settings), token: company.tokens[.owner])
    #expect(saved.status == 200)
    let job = try #require(saved.json["recompute_job_id"] as? Int64)
    try waitUntil(app) {
      try jobs(app, company, kind: AutomaticTagging.allJobKind).contains {
        $0.id.rawValue == job && $0.status == .succeeded
      }
    }
    let tags = try app.api(
      "GET", "/customers/\(client.id)/automatic-tags", token: company.tokens[.sales])
    #expect(tags.items.first?["tag"] as? String == "高价值")
    #expect(tags.items.first?["reason"] as? String == "25 orders in the last 30 days ≥ 20")
    let listed = try app.api("GET", "/customers?tag=高价值", token: company.tokens[.sales])
    #expect(listed.items.compactMap { $0["name"] as? String } == ["成都天府快消品有限公司"])
  }

  @Test(arguments: Backend.allCases)
  func theCustomerPageShowsWhyAnAutomaticTagApplies(backend: Backend) throws {
    let (app, company) = try start(backend)
    let client = try customer(app, company, "武汉长江建材有限公司")
    history.addOrders(51, of: client.id, before: app.clock.now())
    try app.database.write(for: company.tenant) {
      try tagging(app).recompute([client.id], audit: testAudit(app), in: $0)
    }
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    let page = try browser.get("/app/customers/\(client.id)")
    #expect(page.status == 200)
    #expect(page.text.contains("近 30 天 51 单 ≥ 50 单"))
    let rules = try browser.get("/app/customers/tag-rules")
    #expect(rules.status == 200)
    #expect(rules.text.contains("value=\"高价值\""))
    #expect(!rules.text.contains("保存并重新计算"))
  }

  @Test(arguments: Backend.allCases)
  func theOwnerChangesTheRulesOnThePage(backend: Backend) throws {
    let (app, company) = try start(backend)
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "owner", password: company.ownerPassword)
    try browser.get("/app/customers/tag-rules")
    var fields = AutomaticTagRulesPage.values(of: .defaults).map { ($0.key, $0.value) }
      .filter { !$0.1.isEmpty }
    fields.removeAll { $0.0 == "high_value/count_min" }
    let refused = try browser.submit(
      "/app/customers/tag-rules", fields + [("high_value/count_min", "lots")])
    #expect(refused.status == 400)
    #expect(refused.text.contains("is-invalid"))
    let saved = try browser.submit(
      "/app/customers/tag-rules", fields + [("high_value/count_min", "30")])
    #expect(saved.status == 303)
    #expect(try tagging(app).settings(in: company.tenant).highValue.countMin == 30)
  }

  private func json(_ settings: AutomaticTagSettings) throws -> String {
    String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
  }
}
