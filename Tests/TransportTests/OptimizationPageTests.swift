import Foundation
import Identity
import TestSupport
import Testing

/// Route optimisation from the staff app: a dispatcher uploads a VROOM problem file, a bad
/// file is refused with the reader's field and rule in the user's language and nothing is
/// queued, a good one is queued and its page shows the routes once solved; the demo company
/// has one solved run.
@Suite struct OptimizationPageTests {
  static func signedIn(_ app: TestApp, _ company: TestCompany) throws -> Browser {
    let browser = Browser(app.client)
    browser.acceptLanguage = "en"
    try browser.signIn(
      slug: company.slug, login: "user-dispatcher", password: company.ownerPassword)
    return browser
  }

  static func upload(_ browser: Browser, _ problem: String, timeLimit: String = "1") throws
    -> HTTPClient.Response
  {
    try browser.upload(
      "/app/optimizations", fields: [("time_limit", timeLimit)],
      file: ("file", "day.json", "application/json", Array(problem.utf8)))
  }

  /// Reloads the run's page until it no longer asks to reload (the job has finished).
  static func finishedPage(_ browser: Browser, _ path: String) throws -> HTTPClient.Response {
    for _ in 0..<200 {
      let page = try browser.get(path)
      if page.text.contains(#"data-reload-after="""#) { return page }
      usleep(50_000)
    }
    return try browser.get(path)
  }

  static func jobCount(_ app: TestApp, _ company: TestCompany) throws -> Int {
    try app.database.read(for: company.tenant) {
      try $0.query("SELECT COUNT(*) AS n FROM jobs WHERE tenant_id = $1")[0].int("n")
    }
  }

  @Test(arguments: Backend.allCases)
  func theFormRefusesABadFileWithTheFieldAndRuleAndQueuesNothing(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("form-\(backend)")
    let browser = try Self.signedIn(app, company)
    let page = try browser.get("/app/optimizations")
    #expect(page.status == 200)
    #expect(page.text.contains(#"enctype="multipart/form-data""#))
    #expect(page.text.contains(#"name="time_limit""#) && page.text.contains(#"max="300""#))
    let negative = OptimizationAPITests.problem.replacing(
      #""delivery": [5]"#, with: #""delivery": [-5]"#)
    let refused = try Self.upload(browser, negative)
    #expect(refused.status == 422)
    #expect(refused.text.contains("<code>/jobs/1/delivery</code>"))
    #expect(refused.text.contains("Must not be negative: job 12: delivery is negative"))
    browser.acceptLanguage = "zh-CN"
    let chinese = try Self.upload(browser, #"{"jobs": [1,]}"#)
    #expect(chinese.status == 422)
    #expect(chinese.text.contains("文件未加入队列") && chinese.text.contains("不是格式正确的 JSON。"))
    let tooLong = try Self.upload(browser, OptimizationAPITests.problem, timeLimit: "301")
    #expect(tooLong.status == 422)
    #expect(tooLong.text.contains("时间限制须为 1 到 300 之间的整数秒。"))
    #expect(try Self.jobCount(app, company) == 0)
    let sales = Browser(app.client)
    try sales.signIn(slug: company.slug, login: "user-sales", password: company.ownerPassword)
    #expect(try sales.get("/app/optimizations").status == 403)
  }

  @Test(arguments: Backend.allCases)
  func anUploadedFileIsQueuedAndItsPageShowsTheRoutesAndReasons(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("upload-\(backend)")
    let browser = try Self.signedIn(app, company)
    _ = try browser.get("/app/optimizations")
    let oneVan = """
      {"vehicles": [{"id": 1, "start_index": 0, "end_index": 0, "capacity": [10]}],
       "jobs": [{"id": 11, "location_index": 1, "delivery": [4]},
         {"id": 12, "location_index": 2, "delivery": [5]},
         {"id": 13, "location_index": 3, "delivery": [3]}],
       "matrices": {"car": {"durations": [[0, 900, 1200, 600], [900, 0, 700, 1000],
         [1200, 700, 0, 800], [600, 1000, 800, 0]]}}}
      """
    let queued = try Self.upload(browser, oneVan)
    #expect(queued.status == 303, "\(queued.text)")
    let location = try #require(queued.headers["location"])
    #expect(location.hasPrefix("/app/optimizations/"))
    #expect(try Self.jobCount(app, company) == 1)
    let page = try Self.finishedPage(browser, location)
    #expect(page.status == 200)
    #expect(page.text.contains("Done · progress 100%"))
    #expect(page.text.contains("Vehicle 1: cost"))
    #expect(page.text.contains("<td>Start</td>") && page.text.contains("<td>End</td>"))
    #expect(page.text.contains(": no vehicle had room for the load"))
    #expect(!page.text.contains("Vehicle 2:"))
    let file = try browser.get(location + "/solution.json")
    #expect(file.status == 200)
    let solution = try #require(
      try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any])
    let routes = try #require(solution["routes"] as? [[String: Any]])
    #expect(routes.map { $0["vehicle"] as? Int } == [1])
    let list = try browser.get("/app/optimizations")
    #expect(list.text.contains(#"href="\#(location)""#))
    #expect(try browser.get("/app/optimizations/1").status == 404)
  }

  @Test func theDemoCompanyHasOneSolvedRunAroundShanghai() throws {
    let app = try TestApp(.primary)
    let started = Date()
    let demo = try app.application.createDemo()
    let seconds = Date().timeIntervalSince(started)
    let rows = try app.database.read(for: demo.company.tenant) {
      try $0.query(
        """
        SELECT o.id, o.stops, o.vehicles, o.routes, o.unassigned, j.status
        FROM transport_optimizations o JOIN jobs j ON j.tenant_id = o.tenant_id AND j.id = o.job_id
        WHERE o.tenant_id = $1
        """)
    }
    #expect(rows.count == 1)
    let run = try #require(rows.first)
    #expect(try run.int("stops") == 40 && run.int("vehicles") == 5)
    #expect(try run.string("status") == "succeeded")
    #expect(try run.int("unassigned") == 0 && run.int("routes") > 0)
    let browser = Browser(app.client)
    let owner = try #require(demo.logins.first { $0.role == .owner })
    try browser.signIn(slug: demo.company.slug, login: owner.login, password: demo.password)
    let page = try browser.get("/app/optimizations/\(try run.identifier("id"))")
    #expect(page.status == 200)
    #expect(page.text.contains("车辆 1：成本"))
    #expect(page.text.contains(#"data-reload-after="""#))
    print("transport demo: 40 stops solved and stored in \(seconds) s with the whole demo")
  }
}
