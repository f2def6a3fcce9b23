import CRM
import Foundation
import FreightdeskCore
import Identity
import TestSupport
import Testing

@Suite struct CustomerAPITests {
  private let newCustomer = """
    {"name": "杭州星途服饰有限公司", "short_name": "星途服饰", "credit_code": "91350100m000100y43",
     "segment_code": "taobao", "status": "active",
     "preferences": {"cold_chain": true, "time_windows": "09:00–12:00"},
     "contact": {"name": "陈静", "title": "物流经理", "mobile": "+86 139-1234-5678"}}
    """

  @Test(arguments: Backend.allCases)
  func creatingACustomerHonoursTheIdempotencyKey(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    let headers = ["Idempotency-Key": "create-xingtu-1"]
    let created = try app.api("POST", "/customers", newCustomer, token: token, headers: headers)
    #expect(created.status == 201, "\(created.text)")
    #expect(created.json["credit_code"] as? String == validCreditCode)
    #expect(created.json["short_name"] as? String == "星途服饰")
    #expect((created.json["preferences"] as? [String: Any])?["cold_chain"] as? Bool == true)
    #expect((created.json["terms"] as? [String: Any])?["settlement"] as? String == "prepaid")
    let replayed = try app.api("POST", "/customers", newCustomer, token: token, headers: headers)
    #expect(replayed.status == 201)
    #expect(replayed.headers["idempotent-replayed"] == "true")
    #expect(replayed.json["id"] as? Int64 == created.json["id"] as? Int64)
    let id = try #require(created.json["id"] as? Int64)
    let contacts = try app.api("GET", "/customers/\(id)/contacts", token: token)
    #expect(contacts.items.map { $0["mobile"] as? String } == ["13912345678"])
    let again = try app.api("POST", "/customers", newCustomer, token: token)
    #expect(again.status == 409)
    #expect(again.json["code"] as? String == "possible_duplicate_customer")
    let candidates = try app.api(
      "GET", "/customers/duplicates?mobile=13912345678&name=%E6%97%A0%E5%85%B3", token: token)
    #expect(candidates.items.map { $0["id"] as? Int64 } == [id])
  }

  @Test(arguments: Backend.allCases)
  func updatesNeedTheCurrentVersionInIfMatch(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    let created = try app.api("POST", "/customers", newCustomer, token: token)
    let id = try #require(created.json["id"] as? Int64)
    let etag = try #require(created.headers["etag"])
    let change = #"{"name": "杭州星途服饰有限公司", "status": "dormant"}"#
    let missing = try app.api("PUT", "/customers/\(id)", change, token: token)
    #expect(missing.status == 428)
    let updated = try app.api(
      "PUT", "/customers/\(id)", change, token: token, headers: ["If-Match": etag])
    #expect(updated.status == 200, "\(updated.text)")
    #expect(updated.json["status"] as? String == "dormant")
    let stale = try app.api(
      "PUT", "/customers/\(id)", change, token: token, headers: ["If-Match": etag])
    #expect(stale.status == 412)
    let terms =
      #"{"settlement": "monthly", "billing_day": 5, "payment_days": 30, "credit_rating": "B", "credit_limit_fen": 5000000}"#
    let forbidden = try app.api(
      "PUT", "/customers/\(id)/terms", terms, token: token,
      headers: ["If-Match": updated.headers["etag"] ?? ""])
    #expect(forbidden.status == 403)
    let financed = try app.api(
      "PUT", "/customers/\(id)/terms", terms, token: company.tokens[.finance],
      headers: ["If-Match": updated.headers["etag"] ?? ""])
    #expect(financed.status == 200, "\(financed.text)")
    #expect((financed.json["terms"] as? [String: Any])?["billing_day"] as? Int == 5)
  }

  @Test(arguments: Backend.allCases)
  func theListFiltersAndPagesByCursor(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    let names = ["北京鼎盛汽车配件", "广州优品化妆品", "深圳嘉禾电子科技", "临沂隆泰商贸", "郑州源华食品"]
    for (index, name) in names.enumerated() {
      let status = index.isMultiple(of: 2) ? "active" : "lost"
      let mobile = "1380000000\(index)"
      let answer = try app.api(
        "POST", "/customers",
        #"{"name": "\#(name)有限公司", "status": "\#(status)", "segment_code": "jd", "contact": {"name": "联系人", "mobile": "\#(mobile)"}}"#,
        token: token)
      #expect(answer.status == 201, "\(answer.text)")
    }
    let active = try app.api("GET", "/customers?status=active", token: token)
    #expect(active.items.count == 3)
    let byPhone = try app.api("GET", "/customers?q=13800000003", token: token)
    #expect(byPhone.items.map { $0["name"] as? String } == ["临沂隆泰商贸有限公司"])
    let byName = try app.api("GET", "/customers?q=%E4%BC%98%E5%93%81", token: token)
    #expect(byName.items.map { $0["short_name"] as? String } == ["广州优品化妆品有限公司"])
    var seen: [String] = []
    var cursor: String?
    repeat {
      let page = try app.api(
        "GET", "/customers?limit=2&segment=jd" + (cursor.map { "&cursor=\($0)" } ?? ""),
        token: token)
      #expect(page.items.count <= 2)
      seen += page.items.compactMap { $0["name"] as? String }
      cursor = page.json["next_cursor"] as? String
    } while cursor != nil
    #expect(seen == names.reversed().map { $0 + "有限公司" })
    let wrong = try app.api("GET", "/customers?status=gone", token: token)
    #expect(wrong.status == 400)
  }

  @Test(arguments: Backend.allCases)
  func unknownFieldsAndBadValuesAreRefusedWithPointers(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    let unknown = try app.api(
      "POST", "/customers", #"{"name": "某公司", "nmae": "typo"}"#, token: token)
    #expect(unknown.status == 400)
    let errors = unknown.json["errors"] as? [[String: Any]] ?? []
    #expect(errors.first?["pointer"] as? String == "/nmae")
    let invalid = try app.api(
      "POST", "/customers",
      #"{"name": "", "credit_code": "91350100M000100Y44", "contact": {"name": "王", "mobile": "12345"}}"#,
      token: token)
    #expect(invalid.status == 400)
    let pointers = (invalid.json["errors"] as? [[String: Any]] ?? []).compactMap {
      $0["pointer"] as? String
    }
    #expect(Set(pointers) == ["/name", "/credit_code", "/contact/mobile"])
  }

  @Test(arguments: Backend.allCases)
  func anotherCompanysCustomerIsNotFound(backend: Backend) throws {
    let app = try TestApp(backend)
    let victim = try app.makeCompany("victim")
    let intruder = try app.makeCompany("intruder")
    let created = try app.api("POST", "/customers", newCustomer, token: victim.tokens[.sales])
    let id = try #require(created.json["id"] as? Int64)
    let token = intruder.tokens[.owner]
    #expect(try app.api("GET", "/customers/\(id)", token: token).status == 404)
    #expect(try app.api("GET", "/customers/\(id)/contacts", token: token).status == 404)
    let note = #"{"kind": "note", "summary": "试探"}"#
    #expect(try app.api("POST", "/customers/\(id)/interactions", note, token: token).status == 404)
    let merge = try app.api(
      "POST", "/customers/\(id)/merge", #"{"duplicate_id": \#(id)}"#, token: token)
    #expect(merge.status == 400 || merge.status == 404)
    let visible = try app.api("GET", "/customers", token: token).items.map { $0["id"] as? Int64 }
    #expect(visible == [intruder.customerID.rawValue])
  }

  @Test(arguments: Backend.allCases)
  func interactionsAndFollowUpsBelongToTheCaller(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.customerService]
    let created = try app.api("POST", "/customers", newCustomer, token: token)
    let id = try #require(created.json["id"] as? Int64)
    let logged = try app.api(
      "POST", "/customers/\(id)/interactions",
      #"{"kind": "wechat", "summary": "询问冷链线路", "reference": "TO20261204-0007"}"#,
      token: token)
    #expect(logged.status == 201, "\(logged.text)")
    #expect(logged.json["author_name"] as? String == "customer_service")
    let badDate = try app.api(
      "POST", "/customers/\(id)/follow-ups", #"{"title": "回访", "due_on": "2026-02-30"}"#,
      token: token)
    #expect(badDate.status == 400)
    let added = try app.api(
      "POST", "/customers/\(id)/follow-ups", #"{"title": "回访", "due_on": "2026-12-08"}"#,
      token: token)
    #expect(added.status == 201, "\(added.text)")
    let mine = try app.api("GET", "/follow-ups", token: token)
    #expect(mine.items.map { $0["title"] as? String } == ["回访"])
    #expect(try app.api("GET", "/follow-ups", token: company.tokens[.sales]).items.isEmpty)
    let followUp = try #require(mine.items.first?["id"] as? Int64)
    #expect(try app.api("POST", "/follow-ups/\(followUp)/done", "{}", token: token).status == 204)
    #expect(try app.api("GET", "/follow-ups", token: token).items.isEmpty)
  }

  @Test(arguments: Backend.allCases)
  func contactsAndAddressesAreAddedChangedAndRemoved(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    let created = try app.api("POST", "/customers", newCustomer, token: token)
    let id = try #require(created.json["id"] as? Int64)
    let address = try app.api(
      "POST", "/customers/\(id)/addresses",
      #"{"label": "华东仓", "province": "浙江省", "city": "杭州市", "district": "余杭区", "detail": "仓前街道 8 号", "map_point": {"latitude_microdegrees": 30274084, "longitude_microdegrees": 120155070}}"#,
      token: token)
    #expect(address.status == 201, "\(address.text)")
    let addressID = try #require(address.json["id"] as? Int64)
    let moved = try app.api(
      "PUT", "/customers/\(id)/addresses/\(addressID)",
      #"{"province": "浙江省", "city": "义乌市", "detail": "国际商贸城 5 区"}"#, token: token)
    #expect(moved.status == 200, "\(moved.text)")
    let addresses = try app.api("GET", "/customers/\(id)/addresses", token: token)
    #expect(addresses.items.map { $0["city"] as? String } == ["义乌市"])
    #expect(addresses.items.first?["map_point"] == nil)
    let contact = try #require(
      try app.api("GET", "/customers/\(id)/contacts", token: token).items.first?["id"] as? Int64)
    let renamed = try app.api(
      "PUT", "/customers/\(id)/contacts/\(contact)",
      #"{"name": "陈静", "mobile": "abc"}"#, token: token)
    #expect(renamed.status == 400)
    let changed = try app.api(
      "PUT", "/customers/\(id)/contacts/\(contact)",
      #"{"name": "陈静", "title": "仓储主管", "email": "chen@example.com"}"#, token: token)
    #expect(changed.json["title"] as? String == "仓储主管")
    #expect(changed.json["mobile"] == nil)
    let removed = try app.api(
      "DELETE", "/customers/\(id)/contacts/\(contact)", token: token)
    #expect(removed.status == 204)
    #expect(try app.api("GET", "/customers/\(id)/contacts", token: token).items.isEmpty)
    let viewer = try app.api(
      "DELETE", "/customers/\(id)/addresses/\(addressID)", token: company.tokens[.viewer])
    #expect(viewer.status == 403)
  }

  @Test(arguments: Backend.allCases)
  func tagsCarryTheirReasonAndFilterTheList(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let token = company.tokens[.sales]
    let created = try app.api("POST", "/customers", newCustomer, token: token)
    let id = try #require(created.json["id"] as? Int64)
    try app.api("POST", "/customers", #"{"name": "郑州源华食品有限公司"}"#, token: token)
    let tag = #"{"tag": "冷链", "reason": "经营生鲜食品，全程需冷藏运输"}"#
    let added = try app.api("POST", "/customers/\(id)/tags", tag, token: token)
    #expect(added.status == 201, "\(added.text)")
    #expect(added.json["added_by_name"] as? String == "sales")
    #expect(try app.api("POST", "/customers/\(id)/tags", tag, token: token).status == 409)
    let noReason = try app.api(
      "POST", "/customers/\(id)/tags", #"{"tag": "大客户", "reason": " "}"#, token: token)
    #expect(noReason.status == 400)
    let tagged = try app.api("GET", "/customers?tag=%E5%86%B7%E9%93%BE", token: token)
    #expect(tagged.items.map { $0["id"] as? Int64 } == [id])
    let tags = try app.api("GET", "/customers/\(id)/tags", token: token)
    #expect(tags.items.map { $0["reason"] as? String } == ["经营生鲜食品，全程需冷藏运输"])
    let tagID = try #require(tags.items.first?["id"] as? Int64)
    #expect(try app.api("DELETE", "/customers/\(id)/tags/\(tagID)", token: token).status == 204)
    #expect(try app.api("GET", "/customers?tag=%E5%86%B7%E9%93%BE", token: token).items.isEmpty)
  }
}
