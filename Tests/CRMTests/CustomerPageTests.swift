import CRM
import Foundation
import FreightdeskCore
import Identity
import TestSupport
import Testing

@Suite struct CustomerPageTests {
  private let fields = [
    ("name", "武汉佳禾母婴用品有限公司"), ("short_name", "佳禾母婴"), ("industry", "母婴"),
    ("segment_code", "pinduoduo"), ("source", "展会"), ("owner_id", ""), ("status", "prospect"),
    ("contact/name", "刘洋"), ("contact/title", "采购经理"),
    ("preferences/time_windows", "13:00–18:00"), ("preferences/receipt_return", "1"),
  ]

  @Test(arguments: Backend.allCases)
  func aCustomerIsCreatedThroughTheFormWithErrorsInChinese(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    try browser.signIn(slug: "acme", login: "user-sales", password: company.ownerPassword)
    let form = try browser.get("/app/customers/new")
    #expect(form.status == 200)
    #expect(form.text.contains("统一社会信用代码"))
    let wrong = try browser.submit(
      "/app/customers",
      fields + [("credit_code", "91350100M000100Y44"), ("contact/mobile", "1380013800")])
    #expect(wrong.status == 400)
    #expect(wrong.text.contains("最后一位应为 3，而不是 4。"))
    #expect(wrong.text.contains("请输入 11 位中国大陆手机号"))
    #expect(wrong.text.contains("武汉佳禾母婴用品有限公司"))
    let created = try browser.submit(
      "/app/customers",
      fields + [("credit_code", validCreditCode), ("contact/mobile", "13912345678")])
    #expect(created.status == 303)
    let page = try browser.follow(created)
    #expect(page.status == 200)
    #expect(page.text.contains("客户「佳禾母婴」已创建。"))
    #expect(page.text.contains("刘洋"))
    #expect(page.text.contains("签收回单"))
    let list = try browser.get("/app/customers?q=%E4%BD%B3%E7%A6%BE")
    #expect(list.text.contains("武汉佳禾母婴用品有限公司"))
  }

  @Test(arguments: Backend.allCases)
  func aSimilarCustomerIsWarnedAboutAndCanBeConfirmed(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    try browser.signIn(slug: "acme", login: "user-sales", password: company.ownerPassword)
    try browser.get("/app/customers/new")
    try browser.submit("/app/customers", fields + [("contact/mobile", "")])
    try browser.get("/app/customers/new")
    let similar = fields.map { $0.0 == "name" ? ($0.0, "佳禾母婴用品有限公司") : $0 }
    let warned = try browser.submit("/app/customers", similar + [("contact/mobile", "")])
    #expect(warned.status == 409)
    #expect(warned.text.contains("已有相似的客户：武汉佳禾母婴用品有限公司"))
    #expect(warned.text.contains("confirm_duplicate"))
    let confirmed = try browser.submit(
      "/app/customers", similar + [("contact/mobile", ""), ("confirm_duplicate", "1")])
    #expect(confirmed.status == 303)
    let survivor = try browser.follow(confirmed)
    #expect(survivor.text.contains("合并到当前客户"))
  }

  @Test(arguments: Backend.allCases)
  func the360PageCollectsContactsTimelineAndFollowUps(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "泉州锦盛茶业有限公司", shortName: "锦盛茶业"), in: company.tenant,
      audit: testAudit(app))
    let browser = Browser(app.client)
    try browser.signIn(
      slug: "acme", login: "user-customer_service", password: company.ownerPassword)
    try browser.get("/app/customers/\(customer.id)")
    let badContact = try browser.submit(
      "/app/customers/\(customer.id)/contacts", [("contact/name", "林霞"), ("contact/mobile", "110")])
    #expect(badContact.status == 400)
    #expect(badContact.text.contains("请输入 11 位中国大陆手机号"))
    let contact = try browser.submit(
      "/app/customers/\(customer.id)/contacts",
      [("contact/name", "林霞"), ("contact/mobile", "150-1234-5678")])
    #expect(contact.status == 303)
    try browser.follow(contact)
    let logged = try browser.submit(
      "/app/customers/\(customer.id)/interactions",
      [("interaction/kind", "visit"), ("interaction/summary", "上门了解春茶发货计划")])
    #expect(logged.status == 303)
    try browser.follow(logged)
    let tagged = try browser.submit(
      "/app/customers/\(customer.id)/tags", [("tag/tag", "茶叶"), ("tag/reason", "")])
    #expect(tagged.status == 400)
    #expect(tagged.text.contains("此项为必填项。"))
    let followUp = try browser.submit(
      "/app/customers/\(customer.id)/follow-ups",
      [("follow_up/title", "确认春茶发货量"), ("follow_up/due_on", "2026-12-10")])
    #expect(followUp.status == 303)
    let page = try browser.follow(followUp)
    #expect(page.text.contains("15012345678"))
    #expect(page.text.contains("上门了解春茶发货计划"))
    #expect(page.text.contains("确认春茶发货量"))
    #expect(!page.text.contains("保存结算条款"))
    let mine = try browser.get("/app/follow-ups")
    #expect(mine.text.contains("确认春茶发货量"))
    #expect(mine.text.contains("锦盛茶业"))
  }

  @Test(arguments: Backend.allCases)
  func financeSetsMonthlyTermsThroughTheForm(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "成都嘉禾家居用品有限公司"), in: company.tenant, audit: testAudit(app))
    let browser = Browser(app.client)
    try browser.signIn(slug: "acme", login: "user-finance", password: company.ownerPassword)
    let page = try browser.get("/app/customers/\(customer.id)")
    #expect(page.text.contains("保存结算条款"))
    #expect(!page.text.contains("添加联系人"))
    let terms = [
      ("version", String(customer.version)), ("terms/settlement", "monthly"),
      ("terms/payment_days", "30"), ("terms/credit_rating", "A"),
    ]
    let wrong = try browser.submit(
      "/app/customers/\(customer.id)/terms",
      terms + [("terms/billing_day", "31"), ("terms/credit_limit", "12,500.5")])
    #expect(wrong.status == 400)
    #expect(wrong.text.contains("应在 1 到 28 之间。"))
    let badAmount = try browser.submit(
      "/app/customers/\(customer.id)/terms",
      terms + [("terms/billing_day", "25"), ("terms/credit_limit", "-3")])
    #expect(badAmount.text.contains("请输入不小于 0 的金额"))
    let saved = try browser.submit(
      "/app/customers/\(customer.id)/terms",
      terms + [("terms/billing_day", "25"), ("terms/credit_limit", "12,500.5")])
    #expect(saved.status == 303)
    let shown = try browser.follow(saved)
    #expect(shown.text.contains("月结（每月 25 日对账，30 天内付款）"))
    #expect(shown.text.contains("¥12,500.50"))
    let stale = try browser.submit(
      "/app/customers/\(customer.id)/terms",
      terms + [("terms/billing_day", "10"), ("terms/credit_limit", "0")])
    #expect(stale.status == 412)
    #expect(stale.text.contains("数据已被他人修改"))
  }

  @Test(arguments: Backend.allCases)
  func aFollowUpIsDoneAndReopenedFromTheCustomerPage(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let audit = testAudit(app)
    let customer = try app.crm.createCustomer(
      CustomerInput(name: "北京鼎盛汽车配件有限公司"), in: company.tenant, audit: audit)
    let followUp = try app.crm.addFollowUp(
      FollowUpInput(title: "催收上月运费", dueOn: "2026-11-30"), customer: customer.id,
      by: try #require(company.userIDs[.sales]), in: company.tenant, audit: audit)
    let browser = Browser(app.client)
    try browser.signIn(slug: "acme", login: "user-sales", password: company.ownerPassword)
    let mine = try browser.get("/app/follow-ups")
    #expect(mine.text.contains("已逾期（2026-11-30）"))
    let back = "/app/customers/\(customer.id)"
    let done = try browser.submit("/app/follow-ups/\(followUp)/done", [("back", back)])
    #expect(done.headers["location"] == back)
    #expect(try browser.follow(done).text.contains("/app/follow-ups/\(followUp)/reopen"))
    #expect(!(try browser.get("/app/follow-ups").text.contains("催收上月运费")))
    let reopened = try browser.submit(
      "/app/follow-ups/\(followUp)/reopen", [("back", "https://evil.example/")])
    #expect(reopened.headers["location"] == "/app/follow-ups")
    #expect(try browser.follow(reopened).text.contains("催收上月运费"))
  }
}
