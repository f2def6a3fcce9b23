import Foundation
import FreightdeskCore
import Identity
import TestSupport
import Testing
import Web

/// Signing up, in and out through the pages, as a person does.
@Suite struct SignInTests {
  @Test(arguments: Backend.allCases)
  func signingUpCreatesACompanyOnTrialAndSignsTheOwnerIn(backend: Backend) throws {
    let app = try TestApp(backend)
    let browser = Browser(app.client)
    try browser.get("/signup")
    let answer = try browser.submit(
      "/signup",
      [
        ("company_name", "上海快运有限公司"), ("slug", "kuaiyun"), ("credit_code", ""),
        ("owner_name", "李雷"), ("owner_login", "lilei"), ("owner_email", ""),
        ("owner_password", "Blue-Harbour-88"),
      ])
    #expect(answer.status == 303)
    let home = try browser.follow(answer)
    #expect(home.status == 200)
    #expect(home.text.contains("欢迎，李雷"))
    #expect(home.text.contains("免费试用剩余 15 天"))
    let company = try #require(try app.identity.company(slug: "kuaiyun"))
    #expect(company.trialEndsAt == app.clock.now().adding(seconds: 15 * 86_400))
  }

  @Test func badSignUpInputShowsEveryFieldErrorAndCreatesNothing() throws {
    let app = try TestApp(.primary)
    let browser = Browser(app.client)
    browser.acceptLanguage = "en"
    try browser.get("/signup")
    let answer = try browser.submit(
      "/signup",
      [
        ("company_name", ""), ("slug", "-Bad Code"), ("credit_code", "91350100M000100Y44"),
        ("owner_name", "Li"), ("owner_login", "li"), ("owner_password", "123456"),
      ])
    #expect(answer.status == 422)
    #expect(answer.text.contains("This field is required."))
    #expect(answer.text.contains("3 to 32 lower-case letters"))
    #expect(answer.text.contains("Not a valid unified social credit code"))
    #expect(answer.text.contains("At least 8 characters."))
    #expect(try app.identity.hasCompanies() == false)
  }

  @Test(arguments: Backend.allCases)
  func signOutEndsTheSessionOnTheServer(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    let signedIn = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    #expect(signedIn.headers["location"] == "/app")
    let session = try #require(browser.cookies["fd_session"])
    #expect(try browser.get("/app").status == 200)
    try browser.get("/app")
    let out = try browser.submit("/logout", [])
    #expect(out.status == 303)
    let replayed = try app.client.get("/app", headers: ["Cookie": "fd_session=\(session)"])
    #expect(replayed.status == 302 || replayed.status == 303)
    #expect(replayed.headers["location"]?.hasPrefix("/login") == true)
  }

  /// A page asked for with a query (a filtered list, a later page of a timeline) comes back
  /// whole: after signing in, and after switching the language on it, not as its bare path.
  @Test func signingInAndSwitchingLanguageComeBackToTheAddressWithItsQuery() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    // q is 顺达+物流: non-ASCII and a plus sign that must not turn into a space.
    let address = "/app/customers?q=%E9%A1%BA%E8%BE%BE%2B%E7%89%A9%E6%B5%81&status=active"
    let away = try browser.get(address)
    let login = try #require(away.headers["location"])
    #expect(login.removingPercentEncoding == "/login?return_to=\(address)")
    try browser.get(login)
    let signedIn = try browser.submit(
      "/login",
      [
        ("company", "acme"), ("login", "owner"), ("password", company.ownerPassword),
        ("return_to", address),
      ])
    #expect(signedIn.headers["location"] == address)
    let page = try browser.follow(signedIn)
    #expect(
      page.text.contains(
        #"name="return_to" value="\#(address.replacingOccurrences(of: "&", with: "&amp;"))""#))
    let switched = try browser.submit(
      "/app/profile/locale", [("locale", "en"), ("return_to", address)])
    #expect(switched.headers["location"] == address)
    // A form shown again after a failed post returns to the page it names, not to the post.
    try browser.get("/app/customers/new")
    let refused = try browser.submit("/app/customers?from=form", [("name", "")])
    #expect(refused.status == 400)
    #expect(refused.text.contains(#"name="return_to" value="/app/customers""#))
  }

  @Test func wrongCredentialsSayNothingAboutWhichPartWasWrong() throws {
    let app = try TestApp(.primary)
    _ = try app.makeCompany("acme")
    let browser = Browser(app.client)
    let wrongPassword = try browser.signIn(slug: "acme", login: "owner", password: "nope-nope-1")
    let wrongUser = try browser.signIn(slug: "acme", login: "nobody", password: "nope-nope-1")
    let wrongCompany = try browser.signIn(slug: "nowhere", login: "owner", password: "x")
    for answer in [wrongPassword, wrongUser, wrongCompany] {
      #expect(answer.status == 401)
      #expect(answer.text.contains("公司代码、账号或密码错误。"))
    }
  }

  @Test(arguments: Backend.allCases)
  func repeatedWrongPasswordsLockTheAccountForAWhile(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    for _ in 0..<IdentityLimits.loginFailuresPerAccountMax {
      #expect(
        try browser.signIn(slug: "acme", login: "owner", password: "wrong-pass-1").status == 401)
    }
    let locked = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    #expect(locked.status == 429)
    #expect(Int(locked.headers["retry-after"] ?? "") ?? 0 > 0)
    #expect(locked.text.contains("登录失败次数过多"))
    app.clock.advance(seconds: IdentityLimits.loginWindowSeconds + 1)
    let later = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    #expect(later.status == 303)
  }

  @Test func aFormPostWithoutItsTokenIsRefused() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    let browser = Browser(app.client)
    _ = try browser.signIn(slug: "acme", login: "owner", password: company.ownerPassword)
    try browser.get("/app/users")
    let forged = try browser.submit(
      "/app/users",
      [
        ("login", "mallory"), ("display_name", "M"), ("password", "Green-Lorry-77"),
        ("roles", "admin"),
      ],
      csrf: false)
    #expect(forged.status == 403)
    #expect(try app.identity.users(company.tenant).allSatisfy { $0.login != "mallory" })
  }

  @Test func anAdministratorAddsAUserWhoCanThenSignIn() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    let admin = Browser(app.client)
    _ = try admin.signIn(slug: "acme", login: "user-admin", password: company.ownerPassword)
    try admin.get("/app/users")
    let added = try admin.submit(
      "/app/users",
      [
        ("login", "xiaoming"), ("display_name", "小明"), ("email", ""),
        ("password", "Green-Lorry-77"), ("roles", "dispatcher"),
      ])
    #expect(added.status == 303)
    #expect(try admin.follow(added).text.contains("小明 现在可以登录了。"))
    let newcomer = Browser(app.client)
    let signedIn = try newcomer.signIn(slug: "acme", login: "xiaoming", password: "Green-Lorry-77")
    #expect(signedIn.status == 303)
    #expect(try newcomer.get("/app/users").status == 200)
    #expect(try newcomer.get("/app/company").status == 403)
  }

  @Test func deactivatingAUserEndsTheirSessionsAtOnce() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    let driver = Browser(app.client)
    _ = try driver.signIn(slug: "acme", login: "user-driver", password: company.ownerPassword)
    #expect(try driver.get("/app").status == 200)
    try app.identity.deactivate(
      company.userIDs[.driver]!, in: company.tenant,
      audit: AuditContext.system("test", log: app.identity.auditLog))
    #expect(try driver.get("/app").headers["location"]?.hasPrefix("/login") == true)
    #expect(
      try driver.signIn(slug: "acme", login: "user-driver", password: company.ownerPassword).status
        == 401)
  }

  @Test func theLastOwnerCannotBeDeactivated() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    #expect(throws: IdentityError.lastOwner) {
      try app.identity.deactivate(
        company.userIDs[.owner]!, in: company.tenant,
        audit: AuditContext.system("test", log: app.identity.auditLog))
    }
  }

  @Test func customersLandOnThePortalAndNeverInTheStaffApp() throws {
    let app = try TestApp(.primary)
    let company = try app.makeCompany("acme")
    let customer = Browser(app.client)
    let landed = try customer.signIn(
      slug: "acme", login: "user-customer", password: company.ownerPassword)
    #expect(landed.headers["location"] == "/portal")
    #expect(try customer.get("/portal").status == 200)
    #expect(try customer.get("/app").status == 403)
    let staff = Browser(app.client)
    _ = try staff.signIn(slug: "acme", login: "user-sales", password: company.ownerPassword)
    #expect(try staff.get("/portal").status == 403)
  }
}
