import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@testable import CRM

/// `/api/v1/tags` and `/app/customers/tags`: the company's tags with how many customers carry
/// each, and renaming or removing a tag given by hand across customers, audited.
@Suite struct CompanyTagTests {
  let history = OrderHistoryFixture()

  /// A company with three customers: 冷链 on the first two, 冷藏 also on the second, 大客户 on
  /// the third, and the rule-given 高价值 (by 60 orders) on the first, which also has it by
  /// hand.
  func start(_ backend: Backend) throws -> (TestApp, TestCompany, [Identifier]) {
    let history = self.history
    let app = try TestApp(backend) { $0.customerHistory = history }
    let company = try app.makeCompany("acme")
    let audit = testAudit(app)
    let owner = StaffMember(id: company.userIDs[.owner]!, name: "王")
    let ids = try ["福州顺达物流有限公司", "厦门海联贸易有限公司", "泉州安溪茶叶有限公司"].map {
      try app.crm.createCustomer(CustomerInput(name: $0), in: company.tenant, audit: audit).id
    }
    for (index, tag, reason) in [
      (0, "冷链", "生鲜"), (1, "冷链", "冻品"), (1, "冷藏", "药品"), (2, "大客户", "年货量大"),
      (0, "高价值", "老客户"),
    ] {
      try app.crm.addTag(
        TagInput(tag: tag, reason: reason), to: ids[index], by: owner, in: company.tenant,
        audit: audit)
    }
    history.addOrders(60, of: ids[0], before: app.clock.now())
    try app.database.write(for: company.tenant) {
      try AutomaticTagging(services: app.application.services, history: history)
        .recompute([ids[0]], audit: audit, in: $0)
    }
    return (app, company, ids)
  }

  func counts(_ answer: HTTPClient.Response) -> [String] {
    answer.items.map { item in
      let numbers = ["manual_customers", "automatic_customers", "customers"].map {
        String(item[$0] as? Int64 ?? -1)
      }
      return ([item["tag"] as? String ?? ""] + numbers).joined(separator: " ")
    }
  }

  func tagged(_ app: TestApp, _ tag: String, token: String?) throws -> Set<Int64> {
    let query = tag.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    return Set(
      try app.api("GET", "/customers?tag=\(query)", token: token).items.compactMap {
        $0["id"] as? Int64
      })
  }

  @Test(arguments: Backend.allCases)
  func theListCountsCustomersByHandAndByRulesMostUsedFirst(backend: Backend) throws {
    let (app, company, _) = try start(backend)
    let answer = try app.api("GET", "/tags", token: company.tokens[.viewer])
    #expect(answer.status == 200)
    #expect(counts(answer) == ["冷链 2 0 2", "冷藏 1 0 1", "大客户 1 0 1", "高价值 1 1 1"])
    let other = try app.makeCompany("other")
    #expect(try app.api("GET", "/tags", token: other.tokens[.viewer]).items.isEmpty)
  }

  @Test(arguments: Backend.allCases)
  func renamingAManualTagMovesItOnEveryCustomerAndIsAudited(backend: Backend) throws {
    let (app, company, ids) = try start(backend)
    let token = company.tokens[.sales]
    let renamed = try app.api(
      "POST", "/tags/rename", #"{"tag": "冷链", "new_tag": "冷藏"}"#, token: token)
    #expect(renamed.status == 200, "\(renamed.text)")
    #expect(renamed.json["tag"] as? String == "冷藏")
    #expect(renamed.json["customers"] as? Int64 == 2)
    #expect(try tagged(app, "冷链", token: token).isEmpty)
    #expect(try tagged(app, "冷藏", token: token) == [ids[0].rawValue, ids[1].rawValue])
    // The second customer had 冷藏 already: it keeps that one with its reason.
    #expect(
      try app.crm.tags(of: ids[1], in: company.tenant).map { "\($0.tag) \($0.reason)" }
        == ["冷藏 药品"])
    #expect(
      try app.crm.tags(of: ids[0], in: company.tenant).map { "\($0.tag) \($0.reason)" }
        == ["冷藏 生鲜", "高价值 老客户"])
    let actions = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        """
        SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'customer_tag'
          AND action <> 'create' ORDER BY sequence
        """
      ).map { try $0.string("action") }
    }
    #expect(actions == ["rename", "delete"])
    #expect(try AuditLog.verify(database: app.database).isIntact)
  }

  @Test(arguments: Backend.allCases)
  func removingAManualTagTakesItOffEveryCustomerButLeavesRuleTags(backend: Backend) throws {
    let (app, company, ids) = try start(backend)
    let token = company.tokens[.sales]
    let removed = try app.api("POST", "/tags/remove", #"{"tag": "高价值"}"#, token: token)
    #expect(removed.status == 200, "\(removed.text)")
    #expect(removed.json["customers"] as? Int64 == 1)
    #expect(counts(try app.api("GET", "/tags", token: token)).contains("高价值 0 1 1"))
    #expect(try tagged(app, "高价值", token: token) == [ids[0].rawValue])
    // Only the rule gives it now, so there is nothing by hand to remove or rename.
    let again = try app.api("POST", "/tags/remove", #"{"tag": "高价值"}"#, token: token)
    #expect(again.status == 404)
    #expect(again.json["code"] as? String == "manual_tag_not_found")
    #expect(again.json["detail"] as? String == "No customer carries the tag 高价值 given by hand.")
  }

  @Test(arguments: Backend.allCases)
  func badRequestsAreRefusedAndChangeNothing(backend: Backend) throws {
    let (app, company, _) = try start(backend)
    let viewer = try app.api(
      "POST", "/tags/rename", #"{"tag": "冷链", "new_tag": "冷藏"}"#,
      token: company.tokens[.viewer])
    #expect(viewer.status == 403)
    let tooLong = try app.api(
      "POST", "/tags/rename", #"{"tag": "冷链", "new_tag": "一二三四五六七八九十一二三四五六七八九十一"}"#,
      token: company.tokens[.sales])
    #expect(tooLong.status == 400)
    let pointers = (tooLong.json["errors"] as? [[String: Any]])?.compactMap {
      $0["pointer"] as? String
    }
    #expect(pointers == ["/new_tag"])
    let other = try app.makeCompany("other")
    let elsewhere = try app.api(
      "POST", "/tags/remove", #"{"tag": "冷链"}"#, token: other.tokens[.sales])
    #expect(elsewhere.status == 404)
    #expect(counts(try app.api("GET", "/tags", token: company.tokens[.sales])).first == "冷链 2 0 2")
  }

  @Test(arguments: Backend.allCases)
  func thePageListsTagsAndRenamesThem(backend: Backend) throws {
    let (app, company, _) = try start(backend)
    let viewer = try app.signIn(company, login: "user-viewer")
    let read = try viewer.get("/app/customers/tags")
    #expect(read.status == 200)
    #expect(read.text.contains("href=\"/app/customers?tag=%E5%86%B7%E9%93%BE\""))
    #expect(!read.text.contains("/app/customers/tags/rename"))
    let sales = try app.signIn(company, login: "user-sales")
    #expect(try sales.get("/app/customers/tags").text.contains("/app/customers/tags/rename"))
    let empty = try sales.submit("/app/customers/tags/rename", [("tag", "冷链"), ("new_tag", " ")])
    #expect(empty.status == 400)
    let done = try sales.follow(
      try sales.submit("/app/customers/tags/rename", [("tag", "大客户"), ("new_tag", "重点客户")]))
    #expect(done.text.contains("已将 1 个客户的标签改为“重点客户”。"))
    #expect(done.text.contains(">重点客户</a>"))
    #expect(!done.text.contains(">大客户</a>"))
  }
}
