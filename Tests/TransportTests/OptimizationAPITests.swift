import Foundation
import TestSupport
import Testing
import Web

/// Route optimisation over HTTP: a dispatcher posts a VROOM problem, a job solves it, the
/// result comes back in VROOM's format; bad problems are refused before anything is queued.
@Suite struct OptimizationAPITests {
  static let problem = """
    {"vehicles": [
       {"id": 1, "start_index": 0, "end_index": 0, "capacity": [10], "time_window": [28800, 64800],
        "breaks": [{"id": 1, "time_windows": [[43200, 46800]], "service": 1800}]},
       {"id": 2, "start_index": 0, "end_index": 0, "capacity": [6], "skills": [3]}],
     "jobs": [
       {"id": 11, "location_index": 1, "delivery": [4], "service": 300},
       {"id": 12, "location_index": 2, "delivery": [5], "time_windows": [[30000, 40000]]},
       {"id": 13, "location_index": 3, "delivery": [3], "skills": [3]}],
     "matrices": {"car": {"durations": [[0, 900, 1200, 600], [900, 0, 700, 1000],
       [1200, 700, 0, 800], [600, 1000, 800, 0]]}}}
    """

  static func call(
    _ app: TestApp, _ method: String, _ path: String, _ body: String = "", token: String?
  ) throws -> HTTPClient.Response {
    var headers = ["Accept-Language": "en"]
    if let token { headers["Authorization"] = "Bearer \(token)" }
    return body.isEmpty
      ? try app.client.send(method, path, headers: headers)
      : try app.client.sendJSON(method, path, body, headers: headers)
  }

  /// Polls the run until its job has finished (the job runner works in the background).
  static func finished(_ app: TestApp, _ location: String, token: String?) throws
    -> HTTPClient.Response
  {
    for _ in 0..<200 {
      let answer = try call(app, "GET", location, token: token)
      if ["succeeded", "failed"].contains(answer.json["status"] as? String) { return answer }
      usleep(50_000)
    }
    return try call(app, "GET", location, token: token)
  }

  @Test(arguments: Backend.allCases)
  func aDispatcherQueuesARunAndReadsTheVROOMSolution(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("opt-\(backend)")
    let token = company.tokens[.dispatcher]
    let queued = try Self.call(
      app, "POST", "/api/v1/optimizations?time_limit=1", Self.problem, token: token)
    #expect(queued.status == 202)
    let location = try #require(queued.headers["location"] ?? queued.headers["Location"])
    #expect(queued.json["stops"] as? Int == 3 && queued.json["vehicles"] as? Int == 2)
    let done = try Self.finished(app, location, token: token)
    #expect(done.json["status"] as? String == "succeeded")
    #expect(done.json["progress"] as? Double == 1)
    let solution = try #require(done.json["solution"] as? [String: Any])
    #expect(solution["code"] as? Int == 0)
    #expect((solution["summary"] as? [String: Any])?["unassigned"] as? Int == 0)
    let routes = try #require(solution["routes"] as? [[String: Any]])
    let served = routes.flatMap { ($0["steps"] as? [[String: Any]]) ?? [] }
      .filter { $0["type"] as? String == "job" }.compactMap { $0["id"] as? Int }
    #expect(served.sorted() == [11, 12, 13])
    let audited = try app.database.read(for: company.tenant) {
      try $0.query(
        """
        SELECT action, actor_kind, actor_name, after FROM audit_log
        WHERE tenant_id = $1 AND entity = 'optimization' ORDER BY sequence
        """)
    }
    #expect(try audited.map { try $0.string("action") } == ["requested", "solved"])
    let solved = try #require(audited.last)
    #expect(try solved.string("actor_kind") == "system")
    #expect(try solved.string("actor_name") == "optimization")
    let stored = try app.database.read(for: company.tenant) {
      try $0.query("SELECT cost FROM transport_optimizations WHERE tenant_id = $1")[0].int("cost")
    }
    let after = try JSONSerialization.jsonObject(with: Data(try solved.string("after").utf8))
    #expect(
      after as? [String: String] == [
        "cost": "\(stored)", "routes": "\(routes.count)",
        "unassigned": "0",
      ])
  }

  @Test(arguments: Backend.allCases)
  func aProblemThatCannotBeSolvedIsRefusedWithItsFieldBeforeQueueing(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("bad-\(backend)")
    let token = company.tokens[.dispatcher]
    let negative = Self.problem.replacing(#""delivery": [5]"#, with: #""delivery": [-5]"#)
    let refused = try Self.call(app, "POST", "/api/v1/optimizations", negative, token: token)
    #expect(refused.status == 422)
    #expect(
      refused.headers["content-type"] ?? refused.headers["Content-Type"]
        == "application/problem+json")
    #expect(refused.json["code"] as? String == "optimization_problem_invalid")
    let field = try #require((refused.json["errors"] as? [[String: Any]])?.first)
    #expect(field["pointer"] as? String == "/jobs/1/delivery")
    #expect(field["code"] as? String == "routing_value_negative")
    #expect((field["detail"] as? String)?.contains("job 12: delivery is negative") == true)
    let unknown = Self.problem.replacing(#""id": 13,"#, with: #""id": 13, "colour": 1,"#)
    let unknownField = try Self.call(app, "POST", "/api/v1/optimizations", unknown, token: token)
    #expect(unknownField.status == 422)
    #expect(
      (unknownField.json["errors"] as? [[String: Any]])?.first?["pointer"] as? String
        == "/jobs/2/colour")
    let twice = Self.problem.replacing(#""id": 13,"#, with: #""id": 13, "id": 14,"#)
    let repeated = try Self.call(app, "POST", "/api/v1/optimizations", twice, token: token)
    let repeatedField = try #require((repeated.json["errors"] as? [[String: Any]])?.first)
    #expect(repeated.status == 422 && repeatedField["pointer"] as? String == "/jobs/2/id")
    #expect(repeatedField["code"] as? String == "routing_key_repeated")
    #expect(
      (repeatedField["detail"] as? String)?.contains("field \"id\" is given twice") == true)
    let malformed = try Self.call(
      app, "POST", "/api/v1/optimizations", #"{"jobs": [1,]}"#, token: token)
    #expect(malformed.status == 422)
    #expect(
      (malformed.json["errors"] as? [[String: Any]])?.first?["code"] as? String
        == "routing_json_invalid")
    let jobs = try Self.call(app, "GET", "/api/v1/jobs", token: company.tokens[.owner])
    #expect((jobs.json["items"] as? [[String: Any]])?.isEmpty == true)
    let tooLong = try Self.call(
      app, "POST", "/api/v1/optimizations?time_limit=100000", Self.problem, token: token)
    #expect(tooLong.status == 400)
    #expect(tooLong.json["code"] as? String == "optimization_time_limit_invalid")
  }

  @Test(arguments: Backend.allCases)
  func onlyDispatchersAndManagersRunOptimisationsAndTheStaffPageListsThem(backend: Backend)
    throws
  {
    let app = try TestApp(backend)
    let company = try app.makeCompany("perm-\(backend)")
    let sales = try Self.call(
      app, "POST", "/api/v1/optimizations", Self.problem, token: company.tokens[.sales])
    #expect(sales.status == 403)
    let queued = try Self.call(
      app, "POST", "/api/v1/optimizations?time_limit=1", Self.problem,
      token: company.tokens[.owner])
    #expect(queued.status == 202)
    let id = try #require(queued.json["id"] as? String)
    _ = try Self.finished(app, "/api/v1/optimizations/\(id)", token: company.tokens[.dispatcher])
    #expect(
      try Self.call(app, "GET", "/api/v1/optimizations/\(id)", token: company.tokens[.viewer])
        .status == 403)
    #expect(
      try Self.call(app, "GET", "/api/v1/optimizations/1", token: company.tokens[.dispatcher])
        .status == 404)
    let other = try app.makeCompany("other-\(backend)")
    #expect(
      try Self.call(app, "GET", "/api/v1/optimizations/\(id)", token: other.tokens[.dispatcher])
        .status == 404)
    let browser = Browser(app.client)
    try browser.signIn(
      slug: company.slug, login: "user-dispatcher", password: company.ownerPassword)
    let page = try browser.get("/app/optimizations")
    #expect(page.status == 200)
    #expect(page.text.contains("Route optimisations") || page.text.contains("路线优化"))
    #expect(page.text.contains("3 stops, 2 vehicles") || page.text.contains("3 个站点，2 辆车"))
  }
}
