import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

/// Portal users act for exactly one of the company's customers: the rule on every way in (API,
/// the customer page's form), and the context a portal user's requests carry.
@Suite struct PortalAccessTests {
  private func post(_ app: TestApp, _ json: String, token: String?) throws -> HTTPClient.Response {
    try app.client.sendJSON(
      "POST", "/api/v1/users", json,
      headers: ["Authorization": "Bearer \(token ?? "")", "Accept-Language": "en"])
  }

  private func pointersAndCodes(_ answer: HTTPClient.Response) -> [String] {
    (answer.json["errors"] as? [[String: Any]] ?? []).map {
      "\($0["pointer"] as? String ?? "") \($0["code"] as? String ?? "")"
    }
  }

  @Test(arguments: Backend.allCases)
  func thePortalLinkRuleHoldsOnTheAPI(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let other = try app.makeCompany("other")
    let owner = company.tokens[.owner]
    let base = #""login": "kehu", "display_name": "客户甲", "password": "Blue-Lorry-77""#
    let cases: [(String, String)] = [
      (#"{\#(base), "roles": ["customer"]}"#, "/customer_id portal_user_needs_customer"),
      (
        #"{\#(base), "roles": ["customer", "sales"], "customer_id": \#(company.customerID)}"#,
        "/roles customer_role_exclusive"
      ),
      (
        #"{\#(base), "roles": ["sales"], "customer_id": \#(company.customerID)}"#,
        "/customer_id customer_link_needs_customer_role"
      ),
      (
        #"{\#(base), "roles": ["customer"], "customer_id": \#(other.customerID)}"#,
        "/customer_id customer_not_found"
      ),
    ]
    for (json, expected) in cases {
      let answer = try post(app, json, token: owner)
      #expect(answer.status == 400, "\(json)")
      #expect(pointersAndCodes(answer) == [expected])
    }
    #expect(try app.identity.users(company.tenant).allSatisfy { $0.login != "kehu" })
    let created = try post(
      app, #"{\#(base), "roles": ["customer"], "customer_id": \#(company.customerID)}"#,
      token: owner)
    #expect(created.status == 201)
    #expect(created.json["customer_id"] as? Int64 == company.customerID.rawValue)
  }

  @Test(arguments: Backend.allCases)
  func aPortalUserKeepsTheCustomerRoleAlone(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let portalUser = try #require(company.userIDs[.customer])
    let audit = AuditContext.system("test", log: app.identity.auditLog)
    let salesUser = try #require(company.userIDs[.sales])
    for (roles, user) in [
      (["sales"], portalUser), (["customer", "sales"], portalUser), (["customer"], salesUser),
    ] {
      #expect(throws: ValidationFailure.self, "\(roles)") {
        try app.identity.setRoles(roles, of: user, in: company.tenant, audit: audit)
      }
    }
    #expect(try app.identity.user(portalUser, in: company.tenant).roles == ["customer"])
  }

  @Test(arguments: Backend.allCases)
  func staffAddAPortalUserOnTheCustomerPageWhoThenActsForThatCustomer(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let staff = Browser(app.client)
    staff.acceptLanguage = "en"
    try staff.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    let page = try staff.get("/app/customers/\(company.customerID)")
    #expect(page.text.contains("Portal access"))
    #expect(page.text.contains("action=\"/app/users/portal\""))
    let refused = try staff.submit(
      "/app/users/portal",
      [
        ("customer_id", String(company.customerID.rawValue)),
        ("return_to", "/app/customers/\(company.customerID)"), ("login", "kehu"),
        ("display_name", "客户乙"), ("password", "short"),
      ])
    #expect(refused.headers["location"] == "/app/customers/\(company.customerID)")
    #expect(try staff.follow(refused).text.contains("The portal user was not created"))
    let created = try staff.submit(
      "/app/users/portal",
      [
        ("customer_id", String(company.customerID.rawValue)),
        ("return_to", "https://evil.example/"), ("login", "kehu"), ("display_name", "客户乙"),
        ("password", "Blue-Lorry-77"),
      ])
    #expect(created.status == 303)
    #expect(created.headers["location"] == "/app/users")
    #expect(try staff.get("/app/customers/\(company.customerID)").text.contains("客户乙"))

    let customer = Browser(app.client)
    let signedIn = try customer.signIn(slug: "acme", login: "kehu", password: "Blue-Lorry-77")
    #expect(signedIn.headers["location"] == "/portal")
    let me = try customer.get("/api/v1/me")
    #expect(me.json["customer_id"] as? Int64 == company.customerID.rawValue)
    #expect(me.json["roles"] as? [String] == ["customer"])
  }

  @Test func theDemoPortalUserActsForADemoCustomer() throws {
    let app = try TestApp(.primary)
    let demo = try app.application.createDemo()
    #expect(demo.logins.contains { $0.login == "customer" && $0.role == .customer })
    let portalUser = try #require(
      try app.identity.users(demo.company.tenant).first { $0.login == "customer" })
    let customer = try #require(portalUser.customerID)
    #expect(try app.identity.customerName(of: customer, in: demo.company.tenant) != nil)
  }
}
