import App
import Foundation
import TestSupport
import Testing
import Web

/// The HTTP server's behaviour a client notices: limits, methods, headers, assets, language,
/// health, metrics, the API description, event streams and graceful shutdown.
@Suite struct ServerTests {
  @Test(arguments: Backend.allCases)
  func healthAndReadinessAnswer(backend: Backend) throws {
    let app = try TestApp(backend)
    #expect(try app.client.get("/healthz").text == "ok\n")
    #expect(try app.client.get("/readyz").status == 200)
  }

  @Test(arguments: Backend.allCases)
  func readinessFailsWhenTheDatabaseIsGone(backend: Backend) throws {
    let app = try TestApp(backend)
    app.database.close()
    let response = try app.client.get("/readyz")
    #expect(response.status == 503)
    #expect(response.headers["content-type"] == "application/problem+json")
    #expect(response.json["code"] as? String == "database_unavailable")
    #expect(try app.client.get("/healthz").status == 200)
  }

  @Test func anOversizedDeclaredBodyIsRefusedBeforeItIsSent() throws {
    let app = try TestApp(.primary, adding: [notesModule()])
    let response = try app.client.send(
      "POST", "/api/v1/notes", headers: ["Content-Type": "application/json"],
      declaredLength: 10_000_000)
    #expect(response.status == 413)
    #expect(response.json["code"] as? String == "payload_too_large")
  }

  @Test func anOversizedBodyWithinTheDefaultLimitOfAnotherRouteIsStillRefused() throws {
    let app = try TestApp(.primary, adding: [notesModule()])
    let body = Array(#"{"text": ""#.utf8) + [UInt8](repeating: 65, count: 5000) + Array(#""}"#.utf8)
    let response = try app.client.send(
      "POST", "/api/v1/notes", headers: ["Content-Type": "application/json"], body: body)
    #expect(response.status == 413)
  }

  @Test func aWrongMethodListsTheAllowedOnes() throws {
    let app = try TestApp(.primary)
    let response = try app.client.send("DELETE", "/healthz")
    #expect(response.status == 405)
    #expect(response.headers["allow"] == "GET, HEAD")
    #expect(response.json["code"] as? String == "method_not_allowed")
    let unknownMethod = try app.client.send("BREW", "/healthz")
    #expect(unknownMethod.status == 405)
  }

  @Test func headAnswersWithoutABody() throws {
    let app = try TestApp(.primary)
    let response = try app.client.send("HEAD", "/healthz")
    #expect(response.status == 200)
    #expect(response.body.isEmpty)
  }

  @Test func aClientsRequestIDIsKeptAndAnUnsafeOneReplaced() throws {
    let app = try TestApp(.primary)
    let kept = try app.client.get("/healthz", headers: ["X-Request-ID": "trace-42"])
    #expect(kept.headers["x-request-id"] == "trace-42")
    let replaced = try app.client.get("/healthz", headers: ["X-Request-ID": "<script>"])
    #expect(replaced.headers["x-request-id"]?.count == 16)
  }

  @Test func everyResponseCarriesTheBrowserProtections() throws {
    let app = try TestApp(.primary)
    for path in ["/healthz", "/nowhere", "/api/docs"] {
      let response = try app.client.get(path)
      let policy = response.headers["content-security-policy"] ?? ""
      #expect(policy.contains("script-src 'self'"))
      #expect(!policy.contains("unsafe-inline"))
      #expect(policy.contains("frame-ancestors 'none'"))
      #expect(response.headers["x-content-type-options"] == "nosniff")
      #expect(response.headers["referrer-policy"] != nil)
    }
  }

  @Test func assetsAreServedWithValidatorsAndNothingOutsideTheirRoots() throws {
    let app = try TestApp(.primary)
    let css = try app.client.get("/assets/app.css")
    #expect(css.status == 200)
    #expect(css.headers["content-type"] == "text/css; charset=utf-8")
    let tag = try #require(css.headers["etag"])
    #expect(css.headers["cache-control"]?.contains("max-age") == true)
    #expect(try app.client.get("/assets/app.css", headers: ["If-None-Match": tag]).status == 304)
    let bootstrap = try app.client.get("/assets/vendor/bootstrap5/css/bootstrap.min.css")
    #expect(bootstrap.status == 200)
    #expect(try app.client.get("/assets/vendor/jquery/jquery.js").status == 404)
    #expect(try app.client.get("/assets/vendor/bootstrap5/../../../etc/passwd").status == 404)
    #expect(try app.client.get("/assets/..%2F..%2Fetc%2Fpasswd").status == 404)
  }

  @Test func theLanguageSwitchIsRememberedAndOnlyReturnsLocally() throws {
    let app = try TestApp(.primary)
    let browser = Browser(app.client)
    #expect(try browser.get("/api/docs").text.contains("API 参考"))
    let switched = try browser.submit(
      "/locale", [("locale", "en"), ("return_to", "/api/docs")])
    #expect(switched.status == 303)
    #expect(switched.headers["location"] == "/api/docs")
    let page = try browser.follow(switched)
    #expect(page.text.contains("<html lang=\"en\""))
    #expect(page.text.contains("API reference"))
    #expect(page.text.contains("The language has been changed."))
    #expect(page.setCookies.contains { $0.hasPrefix("fd_flash=; Path=/; Max-Age=0") })
    #expect(!(try browser.get("/api/docs").text.contains("The language has been changed.")))
    let offsite = try browser.submit(
      "/locale", [("locale", "en"), ("return_to", "//evil.example")])
    #expect(offsite.headers["location"] == "/")
    #expect(try browser.submit("/locale", [("locale", "fr")]).status == 400)
    let forged = try browser.submit("/locale", [("locale", "zh-CN")], csrf: false)
    #expect(forged.status == 403)
  }

  @Test func metricsCountRequestsByRouteAndStatus() throws {
    let app = try TestApp(.primary)
    _ = try app.client.get("/healthz")
    _ = try app.client.get("/nowhere")
    let metrics = try app.client.get("/metrics").text
    #expect(
      metrics.contains(
        #"freightdesk_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
    #expect(metrics.contains(#"route="unmatched",method="GET",status="404"}"#))
    #expect(metrics.contains("freightdesk_http_request_duration_seconds_bucket"))
    #expect(metrics.contains("freightdesk_db_connections"))
    #expect(metrics.contains("freightdesk_build_info{version="))
  }

  @Test func theOpenAPIDocumentDescribesEveryAPIRoute() throws {
    let app = try TestApp(.primary, adding: [notesModule()])
    let document = try app.client.get("/api/openapi.json").json
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = document["paths"] as? [String: Any] ?? [:]
    let notes = paths["/api/v1/notes"] as? [String: Any] ?? [:]
    let create = notes["post"] as? [String: Any] ?? [:]
    #expect(create["operationId"] as? String == "createNote")
    #expect(create["x-permission"] as? String == "notes.manage")
    let components = document["components"] as? [String: Any] ?? [:]
    let schemas = components["schemas"] as? [String: Any] ?? [:]
    let newNote = schemas["NewNote"] as? [String: Any] ?? [:]
    #expect(newNote["required"] as? [String] == ["text"])
    #expect(paths["/api/v1/notes/{id}"] != nil)
    let reference = try app.client.get("/api/docs").text
    #expect(reference.contains("createNote"))
    #expect(reference.contains("/api/v1/notes/{id}"))
  }

  @Test func eventStreamsDeliverEventsAndHeartbeats() throws {
    let feed = NoteFeed()
    let app = try TestApp(.primary, adding: [notesModule(feed: feed)]) { configuration in
      configuration.server.eventStreamHeartbeatSeconds = 1
    }
    let (head, stream) = try app.client.openStream("/api/v1/notes/stream")
    defer { stream.close() }
    #expect(head.status == 200)
    #expect(head.headers["content-type"]?.hasPrefix("text/event-stream") == true)
    _ = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": "live"}"#)
    let received = try stream.readUntil("data: live")
    #expect(received.contains("event: note"))
    #expect(try stream.readUntil(": heartbeat").contains(": heartbeat"))
  }

  @Test func aWriteWaitingForTheDatabaseHoldsUpNoOtherConnection() throws {
    let gate = Gate()
    // One connection thread: before writes ran on their own threads, the held write kept it,
    // and the reads below went unanswered.
    let app = try TestApp(.primary, adding: [notesModule(gate: gate)]) { configuration in
      configuration.server.threads = 1
    }
    defer { gate.release() }
    let client = app.client
    let held = Thread.detachedResult {
      try client.sendJSON("POST", "/api/v1/notes", #"{"text": "wait"}"#)
    }
    gate.waitUntilEntered()
    let reads = Thread.detachedResult {
      [try client.get("/healthz").status, try client.get("/api/v1/notes").status]
    }
    #expect(try reads.value(waitingAtMost: 10) == [200, 200])
    gate.release()
    #expect(try held.value().status == 201)
    #expect((try client.get("/api/v1/notes").json["items"] as? [Any])?.count == 1)
  }

  @Test(arguments: Backend.allCases)
  func writeThreadsUnlessSetSuitTheDatabase(backend: Backend) throws {
    let app = try TestApp(backend) { $0.server.writeThreads = nil }
    #expect(
      app.application.writeThreads
        == (backend == .postgres
          ? ServerConfiguration.postgresWriteThreadCount
          : ServerConfiguration.defaultWriteThreadCount))
    #expect(try TestApp(backend) { $0.server.writeThreads = 3 }.application.writeThreads == 3)
  }

  @Test func moreConcurrentWritesThanWriteThreadsAllSucceed() throws {
    let app = try TestApp(.primary, adding: [notesModule()]) { configuration in
      configuration.server.writeThreads = 2
    }
    let client = app.client
    let writes = (0..<12).map { index in
      Thread.detachedResult {
        try client.sendJSON("POST", "/api/v1/notes", #"{"text": "note \#(index)"}"#)
      }
    }
    #expect(try writes.map { try $0.value().status } == Array(repeating: 201, count: 12))
    #expect((try client.get("/api/v1/notes?limit=50").json["items"] as? [Any])?.count == 12)
  }

  @Test func shutdownLetsAnInFlightRequestFinish() throws {
    let gate = Gate()
    let app = try TestApp(.primary, adding: [notesModule(gate: gate)])
    let client = app.client
    let inFlight = Thread.detachedResult {
      try client.sendJSON("POST", "/api/v1/notes", #"{"text": "wait"}"#)
    }
    gate.waitUntilEntered()
    let application = app.application
    let stopped = Thread.detachedResult { application.shutdown() }
    Thread.sleep(forTimeInterval: 0.2)
    #expect(throws: (any Error).self) { try client.get("/healthz") }
    gate.release()
    #expect(try inFlight.value().status == 201)
    try stopped.value()
  }
}

/// Long-running work reports progress that the API, the jobs page and the CLI show.
@Suite struct JobProgressTests {
  @Test(arguments: Backend.allCases)
  func aJobsProgressShowsInTheAPIAndOnThePage(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let jobs = app.application.services.jobs
    let job = try app.database.write(for: company.tenant) {
      try jobs.enqueue(kind: "crm.import", payload: "{}", in: $0)
    }
    let claimed = try #require(
      try jobs.claim(kinds: ["crm.import"], worker: "test", from: app.database))
    #expect(claimed.id == job)
    _ = try jobs.reportProgress(
      of: claimed, done: 40, total: 100, message: "40 / 100", in: app.database)
    let owner = ["Authorization": "Bearer \(company.tokens[.owner]!)"]
    let answer = try app.client.get("/api/v1/jobs/\(job)", headers: owner)
    #expect(answer.status == 200)
    #expect(answer.json["done"] as? Int == 40)
    #expect(answer.json["status"] as? String == "running")
    let page = try app.client.get("/app/jobs", headers: owner)
    #expect(page.text.contains("fd-w-40"))
    #expect(page.text.contains("crm.import"))
    let other = try app.makeCompany("other")
    let foreign = try app.client.get(
      "/api/v1/jobs/\(job)", headers: ["Authorization": "Bearer \(other.tokens[.owner]!)"])
    #expect(foreign.status == 404)
  }
}
