import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@testable import CRM

/// Campaigns aimed at a saved segment: recipients per channel, and the orders that used the
/// campaign's promotion in its period.
@Suite struct CampaignTests {
  let history = OrderHistoryFixture()
  let promotion = Identifier(rawValue: 7_001)

  @Test func resultsCountOnlyTheCampaignsPromotionAndSplitTargetsFromEveryone() {
    let campaign = Campaign(
      id: Identifier(rawValue: 1), name: "双十一", segmentID: Identifier(rawValue: 2),
      promotionID: promotion, message: "满减", startsOn: "2026-11-01", endsOn: "2026-11-11",
      createdAt: Instant(epochMilliseconds: 0))
    let target = Identifier(rawValue: 10)
    let other = Identifier(rawValue: 11)
    let result = CampaignResult.measure(
      campaign, targets: [target],
      recipients: [
        CampaignRecipient(
          customerID: target, customerName: "甲", contactName: "张", email: "a@b.cn", mobile: nil,
          wechat: "zhang")
      ],
      figures: [
        target: CustomerOrderFigures(
          orders: 5, ordersByPromotion: [promotion: 3, Identifier(rawValue: 9): 2]),
        other: CustomerOrderFigures(orders: 2, ordersByPromotion: [promotion: 2]),
      ])
    #expect(result.ordersFromTargets == 3)
    #expect(result.ordersTotal == 5)
    #expect(result.recipientsByChannel == ["email": 1, "sms": 0, "wechat": 1])
  }

  @Test func aCampaignEndsNoEarlierThanItStarts() {
    let input = CampaignInput(
      name: "", segmentID: Identifier(rawValue: 1), promotionID: promotion, message: "hi",
      startsOn: "2026-11-11", endsOn: "2026-11-01")
    #expect(
      Set(input.problems().map { "\($0.pointer) \($0.code)" }) == [
        "/name required", "/ends_on below_minimum",
      ])
  }

  /// Two customers in 浙江 with contacts, one in 上海; promotion 7001; a segment of 浙江.
  func seed(_ app: TestApp, _ company: TestCompany) throws -> (
    segment: Int64, customers: [Customer]
  ) {
    let audit = testAudit(app)
    let crm = app.crm
    let customers = try [
      (
        "杭州新禾服饰有限公司", "浙江省", ContactInput(name: "李娜", mobile: "13800138000", email: "lina@xinhe.cn")
      ),
      ("宁波海曙电器有限公司", "浙江省", ContactInput(name: "周强", wechat: "zhouqiang88")),
      ("上海明达电子有限公司", "上海市", ContactInput(name: "陈静", mobile: "13900139000")),
    ].map { name, province, contact in
      let customer = try crm.createCustomer(
        CustomerInput(name: name), in: company.tenant, audit: audit)
      try crm.addAddress(
        AddressInput(province: province, city: "市区", detail: "1号"), to: customer.id,
        in: company.tenant, audit: audit)
      try crm.addContact(contact, to: customer.id, in: company.tenant, audit: audit)
      return customer
    }
    try app.database.write(for: company.tenant) { scope in
      try PromotionStore.create(
        Promotion(
          code: "DOUBLE11", name: "双十一", discount: .percent(basisPoints: 1_000), segment: nil,
          validFrom: CivilDate("2026-11-01")!, validThrough: CivilDate("2026-12-31")!),
        id: promotion, audit: audit, scope)
    }
    let segment = try app.api(
      "POST", "/segments", #"{"name": "浙江", "filter": {"tags": [], "province": "浙江省"}}"#,
      token: company.tokens[.sales])
    let start = CivilDate("2026-12-01")!.start(in: DisplayFormat.defaultTimeZone)
    history.add([
      HistoricOrder(
        customer: customers[0].id, placedAt: start.adding(seconds: 3_600), promotion: promotion),
      HistoricOrder(
        customer: customers[0].id, placedAt: start.adding(seconds: 7_200), promotion: promotion),
      HistoricOrder(
        customer: customers[0].id, placedAt: start.adding(seconds: -60), promotion: promotion),
      HistoricOrder(
        customer: customers[2].id, placedAt: start.adding(seconds: 60), promotion: promotion),
      HistoricOrder(customer: customers[1].id, placedAt: start.adding(seconds: 60)),
    ])
    return (try #require(segment.json["id"] as? Int64), customers)
  }

  @Test(arguments: Backend.allCases)
  func aCampaignListsItsRecipientsAndMeasuresTheOrdersItBrought(backend: Backend) throws {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    let company = try app.makeCompany("acme")
    let (segment, _) = try seed(app, company)
    let bad = try app.api(
      "POST", "/campaigns",
      #"{"name": "双十二", "segment_id": 1, "promotion_id": 7001, "message": "满 500 减 50", "starts_on": "2026-12-01", "ends_on": "2026-12-12"}"#,
      token: company.tokens[.sales])
    #expect(bad.status == 400)
    #expect(bad.text.contains("/segment_id"))
    let created = try app.api(
      "POST", "/campaigns",
      #"{"name": "双十二", "segment_id": \#(segment), "promotion_id": 7001, "message": "满 500 减 50", "starts_on": "2026-12-01", "ends_on": "2026-12-12"}"#,
      token: company.tokens[.sales])
    #expect(created.status == 201)
    let id = try #require(created.json["id"] as? Int64)
    let result = try app.api("GET", "/campaigns/\(id)", token: company.tokens[.viewer])
    #expect(result.json["customers"] as? Int == 2)
    #expect(result.json["orders_from_targets"] as? Int == 2)
    #expect(result.json["orders_total"] as? Int == 3)
    #expect(
      result.json["recipients_by_channel"] as? [String: Int] == ["email": 1, "sms": 1, "wechat": 1])
    let wechat = try app.api(
      "GET", "/campaigns/\(id)/recipients?channel=wechat", token: company.tokens[.viewer])
    #expect(wechat.items.compactMap { $0["wechat"] as? String } == ["zhouqiang88"])
    let sms = try app.api(
      "GET", "/campaigns/\(id)/recipients/export?channel=sms&format=csv",
      token: company.tokens[.viewer])
    #expect(sms.status == 200)
    #expect(sms.text.contains("13800138000"))
    #expect(!sms.text.contains("13900139000"))
    let unknown = try app.api(
      "GET", "/campaigns/\(id)/recipients?channel=fax", token: company.tokens[.viewer])
    #expect(unknown.status == 400)
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    let page = try browser.get("/app/campaigns/\(id)")
    #expect(page.status == 200)
    #expect(page.text.contains("双十一 (DOUBLE11)"))
    let xlsx = try browser.get("/app/campaigns/\(id)/recipients.xlsx?channel=email")
    #expect(xlsx.body.starts(with: [0x50, 0x4B]))
  }

  @Test(arguments: Backend.allCases)
  func staffStartACampaignOnThePage(backend: Backend) throws {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    let company = try app.makeCompany("acme")
    let (segment, _) = try seed(app, company)
    let browser = Browser(app.client)
    try browser.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    let form = try browser.get("/app/campaigns")
    #expect(form.text.contains("双十一 (DOUBLE11)"))
    let fields = [
      ("name", "双十二"), ("segment_id", String(segment)), ("promotion_id", "7001"),
      ("message", "满 500 减 50"), ("starts_on", "2026-12-01"),
    ]
    let refused = try browser.submit("/app/campaigns", fields + [("ends_on", "someday")])
    #expect(refused.status == 400)
    let saved = try browser.submit("/app/campaigns", fields + [("ends_on", "2026-12-12")])
    #expect(saved.status == 303)
    let detail = try browser.follow(saved)
    #expect(detail.text.contains("满 500 减 50"))
    #expect(try browser.get("/app/campaigns").text.contains("双十二"))
  }

  @Test(arguments: Backend.allCases)
  func startingACampaignFreezesTheCustomersItTargets(backend: Backend) throws {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    let company = try app.makeCompany("acme")
    let (segment, customers) = try seed(app, company)
    let created = try app.api(
      "POST", "/campaigns",
      #"{"name": "双十二", "segment_id": \#(segment), "promotion_id": 7001, "message": "满 500 减 50", "starts_on": "2026-12-01", "ends_on": "2026-12-12"}"#,
      token: company.tokens[.sales])
    let id = try #require(created.json["id"] as? Int64)
    #expect(created.json["started_at"] == nil)
    let audit = testAudit(app)
    // A draft follows the segment: a customer moving to 浙江 joins it at once.
    try app.crm.addAddress(
      AddressInput(province: "浙江省", city: "杭州市", detail: "2号"), to: customers[2].id,
      in: company.tenant, audit: audit)
    #expect(
      try app.api("GET", "/campaigns/\(id)", token: company.tokens[.viewer]).json["customers"]
        as? Int == 3)
    let viewer = try app.api("POST", "/campaigns/\(id)/start", token: company.tokens[.viewer])
    #expect(viewer.status == 403)
    let started = try app.api("POST", "/campaigns/\(id)/start", token: company.tokens[.sales])
    #expect(started.status == 200, "\(started.text)")
    #expect(started.json["started_at"] as? Int64 == app.clock.now().epochMilliseconds)
    let again = try app.api("POST", "/campaigns/\(id)/start", token: company.tokens[.sales])
    #expect(again.status == 409)
    #expect(again.json["code"] as? String == "campaign_already_started")
    // Once started, a customer joining the segment is not a recipient, and the targets'
    // orders are counted for the frozen customers only.
    let late = try app.crm.createCustomer(
      CustomerInput(name: "温州瓯江鞋业有限公司"), in: company.tenant, audit: audit)
    try app.crm.addAddress(
      AddressInput(province: "浙江省", city: "温州市", detail: "3号"), to: late.id,
      in: company.tenant, audit: audit)
    try app.crm.addContact(
      ContactInput(name: "黄磊", mobile: "13700137000"), to: late.id, in: company.tenant,
      audit: audit)
    let result = try app.api("GET", "/campaigns/\(id)", token: company.tokens[.viewer])
    #expect(result.json["customers"] as? Int == 3)
    #expect(result.json["orders_from_targets"] as? Int == 3)
    let sms = try app.api(
      "GET", "/campaigns/\(id)/recipients?channel=sms", token: company.tokens[.viewer])
    #expect(
      Set(sms.items.compactMap { $0["mobile"] as? String }) == ["13800138000", "13900139000"])
    let actions = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        """
        SELECT action, after FROM audit_log WHERE tenant_id = $1 AND entity = 'campaign'
        ORDER BY sequence
        """
      ).map { "\(try $0.string("action")) \(try $0.optionalString("after") ?? "")" }
    }
    #expect(actions.last == #"start {"customers":"3"}"#)
  }

  @Test(arguments: Backend.allCases)
  func thePageSaysWhetherRecipientsAreLiveOrFrozen(backend: Backend) throws {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    let company = try app.makeCompany("acme")
    let (segment, _) = try seed(app, company)
    let created = try app.api(
      "POST", "/campaigns",
      #"{"name": "双十二", "segment_id": \#(segment), "promotion_id": 7001, "message": "满 500 减 50", "starts_on": "2026-12-01", "ends_on": "2026-12-12"}"#,
      token: company.tokens[.sales])
    let id = try #require(created.json["id"] as? Int64)
    let viewer = Browser(app.client)
    try viewer.signIn(slug: company.slug, login: "user-viewer", password: company.ownerPassword)
    let draft = try viewer.get("/app/campaigns/\(id)").text
    #expect(draft.contains("草稿：收件人为客户分群此刻的成员"))
    #expect(!draft.contains("/app/campaigns/\(id)/start"))
    let sales = Browser(app.client)
    try sales.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    #expect(try sales.get("/app/campaigns/\(id)").text.contains("/app/campaigns/\(id)/start"))
    let started = try sales.follow(try sales.submit("/app/campaigns/\(id)/start", []))
    #expect(started.text.contains("活动已开始，收件人已锁定。"))
    #expect(started.text.contains("目标客户在开始时已锁定"))
    #expect(!started.text.contains("/app/campaigns/\(id)/start"))
  }
}
