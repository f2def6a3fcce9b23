import Foundation
import FreightdeskCore
import Identity
import Storage
import TestSupport
import Testing
import Web

/// Trials, API tokens, two-factor sign-in and the audit trail, over HTTP.
@Suite struct AccountSecurityTests {
  @Test(arguments: Backend.allCases)
  func anExpiredTrialLeavesTheCompanyReadOnlyUntilExtended(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let owner = ["Authorization": "Bearer \(company.tokens[.owner]!)", "Origin": "http://x"]
    let newUser =
      #"{"login": "late", "display_name": "迟到", "password": "Quiet-River-51", "roles": ["viewer"]}"#
    app.clock.advance(seconds: 16 * 86_400)
    let refused = try app.client.sendJSON("POST", "/api/v1/users", newUser, headers: owner)
    #expect(refused.status == 403)
    #expect(refused.json["code"] as? String == "trial_expired")
    #expect(try app.client.get("/api/v1/users", headers: owner).status == 200)
    _ = try app.identity.extendTrial(
      company.tenant, days: 30, audit: AuditContext.system("test", log: app.identity.auditLog))
    #expect(try app.client.sendJSON("POST", "/api/v1/users", newUser, headers: owner).status == 201)
  }

  @Test func theOwnerMayExtendAnExpiredTrialOnceFromTheCompanyPage() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    app.clock.advance(seconds: 16 * 86_400)
    let browser = Browser(app.client)
    _ = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    #expect(try browser.get("/app").text.contains("免费试用已结束"))
    try browser.get("/app/company")
    let extended = try browser.submit("/app/company/trial", [])
    #expect(extended.status == 303)
    #expect(try browser.follow(extended).text.contains("试用已延长，剩余 15 天"))
    try browser.get("/app/company")
    #expect(try browser.submit("/app/company/trial", []).status == 409)
  }

  @Test(arguments: Backend.allCases)
  func apiTokensWorkUntilRevokedAndStayWithinTheirScopes(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let owner = ["Authorization": "Bearer \(company.tokens[.owner]!)"]
    let created = try app.client.sendJSON(
      "POST", "/api/v1/tokens",
      #"{"name": "erp", "scopes": ["users.read"], "expires_in_days": 30}"#,
      headers: owner)
    #expect(created.status == 201)
    let token = try #require(created.json["token"] as? String)
    #expect(token.hasPrefix("fdk_"))
    let scoped = ["Authorization": "Bearer \(token)"]
    #expect(try app.client.get("/api/v1/users", headers: scoped).status == 200)
    #expect(try app.client.get("/api/v1/roles", headers: scoped).status == 200)
    #expect(try app.client.get("/api/v1/jobs", headers: scoped).status == 403)
    let listed =
      try app.client.get("/api/v1/tokens", headers: owner).json["items"] as? [[String: Any]]
    #expect(listed?.contains { $0["name"] as? String == "erp" && $0["token"] == nil } == true)
    let id = try #require((created.json["summary"] as? [String: Any])?["id"])
    #expect(try app.client.send("DELETE", "/api/v1/tokens/\(id)", headers: owner).status == 204)
    #expect(try app.client.get("/api/v1/users", headers: scoped).status == 401)
    app.clock.advance(seconds: 1)
    #expect(
      try app.client.get("/api/v1/me", headers: ["Authorization": "Bearer fdk_1_forged"]).status
        == 401)
  }

  @Test(arguments: Backend.allCases)
  func roleAndUserChangesApplyFromTheNextRequest(backend: Backend) throws {
    // Signing in remembers what it read about a user while nothing about identities changed;
    // every change must still be seen by the very next request, whoever made it.
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let sales = try #require(company.userIDs[.sales])
    let headers = ["Authorization": "Bearer \(company.tokens[.sales]!)"]
    let audit = AuditContext.system("test", log: app.identity.auditLog)
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 200)
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 200)
    try app.identity.setRoles(["warehouse"], of: sales, in: company.tenant, audit: audit)
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 403)
    try app.identity.setRoles(["sales"], of: sales, in: company.tenant, audit: audit)
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 200)
    try app.identity.deactivate(sales, in: company.tenant, audit: audit)
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 401)
    try app.identity.reactivate(sales, in: company.tenant, audit: audit)
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 200)
  }

  @Test(arguments: Backend.allCases)
  func aTokenRevokedByAnotherServerStopsAtTheNextRequest(backend: Backend) throws {
    // A token found once is remembered while the company's identity counter stays put; a
    // change made outside this process (another app server, an operator's SQL) moves the
    // counter by trigger, so the very next request reads the token again.
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let headers = ["Authorization": "Bearer \(company.tokens[.sales]!)"]
    for _ in 0..<3 { #expect(try app.client.get("/api/v1/users", headers: headers).status == 200) }
    try app.database.write(for: company.tenant) {
      try $0.execute(
        "UPDATE api_tokens SET expires_at = $2 WHERE tenant_id = $1",
        [.integer(app.clock.now().epochMilliseconds)])
    }
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 401)
    try app.database.write(for: company.tenant) {
      try $0.execute("UPDATE api_tokens SET expires_at = NULL WHERE tenant_id = $1")
    }
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 200)
    try app.database.write(for: company.tenant) {
      try $0.execute("DELETE FROM api_tokens WHERE tenant_id = $1")
    }
    #expect(try app.client.get("/api/v1/users", headers: headers).status == 401)
  }

  @Test func anExpiredTokenStopsWorking() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    let created = try app.identity.createToken(
      for: company.userIDs[.owner]!, name: "short", scopes: [], days: 1, in: company.tenant,
      audit: AuditContext.system("test", log: app.identity.auditLog))
    let headers = ["Authorization": "Bearer \(created.token)"]
    #expect(try app.client.get("/api/v1/me", headers: headers).status == 200)
    app.clock.advance(seconds: 86_400)
    #expect(try app.client.get("/api/v1/me", headers: headers).status == 401)
  }

  @Test(arguments: Backend.allCases)
  func twoFactorSignInNeedsAFreshCodeFromTheAuthenticator(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    _ = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    let setup = try browser.get("/app/profile/two-factor")
    #expect(setup.text.contains("data:image/svg+xml;base64,"))
    let secretText = try #require(setup.text.firstMatch(of: /name="secret" value="([A-Z2-7]+)"/)?.1)
    let secret = try TOTPSecret(base32: String(secretText))
    let wrong = try browser.submit(
      "/app/profile/two-factor", [("secret", String(secretText)), ("code", "000000")])
    #expect(wrong.status == 422)
    try browser.get("/app/profile/two-factor")
    let enabled = try browser.submit(
      "/app/profile/two-factor",
      [("secret", String(secretText)), ("code", TOTP().code(secret: secret, at: app.clock.now()))])
    #expect(enabled.status == 303)
    try browser.get("/app")
    _ = try browser.submit("/logout", [])
    let pending = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    #expect(pending.headers["location"] == "/login/two-factor")
    #expect(try browser.get("/app").status == 303)
    try browser.get("/login/two-factor")
    let replay = try browser.submit(
      "/login/two-factor", [("code", TOTP().code(secret: secret, at: app.clock.now()))])
    #expect(replay.status == 401)
    app.clock.advance(seconds: 30)
    try browser.get("/login/two-factor")
    let done = try browser.submit(
      "/login/two-factor", [("code", TOTP().code(secret: secret, at: app.clock.now()))])
    #expect(done.headers["location"] == "/app")
    #expect(try browser.get("/app").status == 200)
  }

  @Test(arguments: Backend.allCases)
  func everyChangeLeavesAnAuditRowAndTheChainVerifies(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    _ = try browser.signIn(slug: "acme", login: "owner", password: "wrong-pass-1")
    _ = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    try app.identity.deactivate(
      company.userIDs[.viewer]!, in: company.tenant,
      audit: AuditContext.system("test", log: app.identity.auditLog))
    let records = try app.database.read(for: company.tenant) {
      try AuditLog.records(matching: AuditQuery(), in: $0)
    }
    let actions = Set(records.map(\.entry.action))
    #expect(actions.isSuperset(of: ["create", "login", "login_failed", "deactivate"]))
    let login = try #require(records.first { $0.entry.action == "login" })
    #expect(login.entry.clientAddress == "127.0.0.1")
    #expect(login.entry.requestID?.isEmpty == false)
    #expect(try AuditLog.verify(database: app.database).isIntact)
  }

  @Test func aCompanyCanRequireTwoFactorForOwnersAndFinance() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    var settings = try app.identity.company(company.tenant)
    settings.twoFactorRequired = true
    try app.identity.updateCompany(
      settings, expectedVersion: settings.version,
      audit: AuditContext.system("test", log: app.identity.auditLog))
    let finance = Browser(app.client)
    _ = try finance.signIn(slug: "acme", login: "user-finance", password: company.ownerPassword)
    let sent = try finance.get("/app/users")
    #expect(sent.headers["location"] == "/app/profile/two-factor")
    #expect(try finance.get("/app/profile/two-factor").status == 200)
    let sales = Browser(app.client)
    _ = try sales.signIn(slug: "acme", login: "user-sales", password: company.ownerPassword)
    #expect(try sales.get("/app/users").status == 200)
  }

  @Test(arguments: Backend.allCases)
  func theOwnerUploadsALogoThatAppearsInTheTopBar(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    _ = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    try browser.get("/app/company")
    let png: [UInt8] =
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 300)
    let uploaded = try browser.upload(
      "/app/company/logo", file: ("logo", "标志.png", "image/png", png))
    #expect(uploaded.status == 303)
    let home = try browser.get("/app")
    let href = try #require(home.text.firstMatch(of: /src="(\/app\/company\/logo\?v=[0-9]+)"/)?.1)
    let logo = try browser.get(String(href))
    #expect(logo.headers["content-type"] == "image/png")
    #expect(logo.body == png)
    try browser.get("/app/company")
    let script = Array("<svg onload=alert(1)>".utf8)
    let refused = try browser.upload(
      "/app/company/logo", file: ("logo", "x.svg", "image/svg+xml", script))
    #expect(refused.status == 422)
    #expect(refused.text.contains("公司标志只能使用 PNG 或 JPEG 图片。"))
    let forged = try browser.upload(
      "/app/company/logo", fields: [("csrf_token", "wrong")],
      file: ("logo", "a.png", "image/png", png))
    #expect(forged.status == 403 || forged.status == 303)
  }
}
