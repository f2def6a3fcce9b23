import App
import Foundation
import TestSupport
import Testing

/// The JSON API's conventions over real HTTP: problem+json errors, unknown fields, idempotent
/// POST, ETag-guarded updates, cursor pages. Each runs on every database engine under test.
@Suite struct APIConventionTests {
  private func start(_ backend: Backend, gate: Gate = Gate()) throws -> TestApp {
    try TestApp(backend, adding: [notesModule(gate: gate)])
  }

  @Test(arguments: Backend.allCases)
  func malformedJSONIsAProblemWithAStableCode(backend: Backend) throws {
    let app = try start(backend)
    let response = try app.client.sendJSON("POST", "/api/v1/notes", "{\"text\": ")
    #expect(response.status == 400)
    #expect(response.headers["content-type"] == "application/problem+json")
    #expect(response.json["code"] as? String == "malformed_json")
    #expect(try count(app) == 0)
  }

  @Test(arguments: Backend.allCases)
  func unknownAndMistypedFieldsAreNamedByPointer(backend: Backend) throws {
    let app = try start(backend)
    let unknown = try app.client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "a", "colour": "red"}"#,
      headers: ["Accept-Language": "en"])
    #expect(unknown.status == 400)
    let errors = unknown.json["errors"] as? [[String: Any]] ?? []
    #expect(errors.first?["pointer"] as? String == "/colour")
    #expect(errors.first?["code"] as? String == "unknown_field")
    let mistyped = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": 5}"#)
    let mistypedErrors = mistyped.json["errors"] as? [[String: Any]] ?? []
    #expect(mistyped.status == 400)
    #expect(mistypedErrors.first?["pointer"] as? String == "/text")
    #expect(mistypedErrors.first?["code"] as? String == "wrong_type")
    let missing = try app.client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "a", "tags": ["x", 1]}"#)
    let missingErrors = missing.json["errors"] as? [[String: Any]] ?? []
    #expect(missingErrors.first?["pointer"] as? String == "/tags/1")
    #expect(try count(app) == 0)
  }

  @Test(arguments: Backend.allCases)
  func errorsSpeakTheCallersLanguage(backend: Backend) throws {
    let app = try start(backend)
    let english = try app.client.get("/nowhere", headers: ["Accept-Language": "en-GB,en;q=0.9"])
    let chinese = try app.client.get("/nowhere", headers: ["Accept-Language": "zh-CN"])
    #expect(english.json["title"] as? String == "Not found")
    #expect(chinese.json["title"] as? String == "未找到")
    #expect(english.headers["content-language"] == "en")
  }

  @Test(arguments: Backend.allCases)
  func repeatingAnIdempotentPostReplaysTheFirstAnswer(backend: Backend) throws {
    let app = try start(backend)
    let headers = ["Idempotency-Key": "order-123"]
    let first = try app.client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "hi"}"#, headers: headers)
    let second = try app.client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "hi"}"#, headers: headers)
    #expect(first.status == 201)
    #expect(second.status == 201)
    #expect(second.body == first.body)
    #expect(second.headers["idempotent-replayed"] == "true")
    #expect(try count(app) == 1)
    let different = try app.client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "bye"}"#, headers: headers)
    #expect(different.status == 422)
    #expect(different.json["code"] as? String == "idempotency_key_reused")
    #expect(try count(app) == 1)
  }

  @Test(arguments: Backend.allCases)
  func aRepeatIsReplayedWithoutRunningTheChecksAgain(backend: Backend) throws {
    let gate = Gate()
    let app = try start(backend, gate: gate)
    let headers = ["Idempotency-Key": "unique-1"]
    let first = try app.client.sendJSON(
      "POST", "/api/v1/notes/unique", #"{"text": "once"}"#, headers: headers)
    #expect(first.status == 201)
    #expect(gate.preparationsCounted == 1)
    // The same request again would now fail its check (the text is taken): the repeat still
    // gets the first answer, and the check does not run.
    let repeated = try app.client.sendJSON(
      "POST", "/api/v1/notes/unique", #"{"text": "once"}"#, headers: headers)
    #expect(repeated.status == 201)
    #expect(repeated.body == first.body)
    #expect(repeated.headers["idempotent-replayed"] == "true")
    #expect(gate.preparationsCounted == 1)
    let reused = try app.client.sendJSON(
      "POST", "/api/v1/notes/unique", #"{"text": "other"}"#, headers: headers)
    #expect(reused.status == 422)
    #expect(reused.json["code"] as? String == "idempotency_key_reused")
    #expect(gate.preparationsCounted == 1)
    #expect(try count(app) == 1)
  }

  @Test(arguments: Backend.allCases)
  func aFailedCheckStoresNothingAndTheKeyStaysUsable(backend: Backend) throws {
    let gate = Gate()
    let app = try start(backend, gate: gate)
    _ = try app.client.sendJSON("POST", "/api/v1/notes/unique", #"{"text": "taken"}"#)
    let headers = ["Idempotency-Key": "retry-1"]
    let refused = try app.client.sendJSON(
      "POST", "/api/v1/notes/unique", #"{"text": "taken"}"#, headers: headers)
    let errors = refused.json["errors"] as? [[String: Any]] ?? []
    #expect(refused.status == 400)
    #expect(errors.first?["pointer"] as? String == "/text")
    #expect(errors.first?["code"] as? String == "already_taken")
    let corrected = try app.client.sendJSON(
      "POST", "/api/v1/notes/unique", #"{"text": "free"}"#, headers: headers)
    #expect(corrected.status == 201)
    #expect(gate.preparationsCounted == 3)
    #expect(try count(app) == 2)
  }

  @Test(arguments: Backend.allCases)
  func storedAnswersExpireAfterTheirRetention(backend: Backend) throws {
    let app = try start(backend)
    let headers = ["Idempotency-Key": "daily-1"]
    _ = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": "a"}"#, headers: headers)
    app.clock.advance(seconds: 23 * 3600)
    app.application.runMaintenance()
    let kept = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": "a"}"#, headers: headers)
    #expect(kept.headers["idempotent-replayed"] == "true")
    app.clock.advance(seconds: 2 * 3600)
    app.application.runMaintenance()
    let fresh = try app.client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "a"}"#, headers: headers)
    #expect(fresh.status == 201)
    #expect(fresh.headers["idempotent-replayed"] == nil)
    #expect(try count(app) == 2)
  }

  @Test(arguments: Backend.allCases)
  func aConcurrentDuplicateIsRefusedWhileTheFirstRuns(backend: Backend) throws {
    let gate = Gate()
    let app = try start(backend, gate: gate)
    let client = app.client
    let headers = ["Idempotency-Key": "slow-1"]
    let first = Thread.detachedResult {
      try client.sendJSON("POST", "/api/v1/notes", #"{"text": "wait"}"#, headers: headers)
    }
    gate.waitUntilEntered()
    let duplicate = try client.sendJSON(
      "POST", "/api/v1/notes", #"{"text": "wait"}"#, headers: headers)
    gate.release()
    #expect(duplicate.status == 409)
    #expect(duplicate.json["code"] as? String == "idempotency_key_in_progress")
    #expect(try first.value().status == 201)
    #expect(try count(app) == 1)
  }

  @Test(arguments: Backend.allCases)
  func updatesNeedTheCurrentVersion(backend: Backend) throws {
    let app = try start(backend)
    let created = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": "v1"}"#)
    let id = created.json["id"] as? Int64 ?? (created.json["id"] as? Int).map(Int64.init) ?? 0
    let path = "/api/v1/notes/\(id)"
    let read = try app.client.get(path)
    let tag = try #require(read.headers["etag"])
    #expect(try app.client.get(path, headers: ["If-None-Match": tag]).status == 304)
    let missing = try app.client.sendJSON("PUT", path, #"{"text": "v2"}"#)
    #expect(missing.status == 428)
    let updated = try app.client.sendJSON(
      "PUT", path, #"{"text": "v2"}"#, headers: ["If-Match": tag])
    #expect(updated.status == 200)
    let stale = try app.client.sendJSON("PUT", path, #"{"text": "v3"}"#, headers: ["If-Match": tag])
    #expect(stale.status == 412)
    #expect(stale.json["code"] as? String == "precondition_failed")
    #expect(try app.client.get(path).json["text"] as? String == "v2")
  }

  @Test(arguments: Backend.allCases)
  func cursorPagesWalkTheWholeListOnce(backend: Backend) throws {
    let app = try start(backend)
    for index in 1...5 {
      _ = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": "n\#(index)"}"#)
    }
    var seen: [String] = []
    var path = "/api/v1/notes?limit=2"
    while true {
      let page = try app.client.get(path)
      #expect(page.status == 200)
      seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
      guard let cursor = page.json["next_cursor"] as? String else { break }
      path = "/api/v1/notes?limit=2&cursor=\(cursor)"
    }
    #expect(seen == ["n1", "n2", "n3", "n4", "n5"])
    #expect(
      try app.client.get("/api/v1/notes?cursor=%21%21").json["code"] as? String == "invalid_cursor")
    #expect(try app.client.get("/api/v1/notes?limit=0").status == 400)
  }

  @Test(arguments: Backend.allCases)
  func aPathParameterOfTheWrongTypeIsABadRequest(backend: Backend) throws {
    let app = try start(backend)
    let response = try app.client.get("/api/v1/notes/abc")
    #expect(response.status == 400)
    #expect(response.json["code"] as? String == "invalid_path_parameter")
  }

  @Test(arguments: Backend.allCases)
  func theAPIAnswers503WhenTheDatabaseIsDown(backend: Backend) throws {
    let app = try start(backend)
    app.database.close()
    let response = try app.client.sendJSON("POST", "/api/v1/notes", #"{"text": "lost?"}"#)
    #expect(response.status == 503)
    #expect(response.headers["content-type"] == "application/problem+json")
    #expect(response.json["code"] as? String == "database_unavailable")
  }

  private func count(_ app: TestApp) throws -> Int {
    try app.database.read { executor in
      try executor.query("SELECT COUNT(*) AS n FROM notes", []).first?.int("n") ?? 0
    }
  }
}

extension Thread {
  /// Runs `work` on a new thread; `value()` waits for its result.
  static func detachedResult<T: Sendable>(_ work: @escaping @Sendable () throws -> T)
    -> ThreadResult<T>
  {
    let result = ThreadResult<T>()
    Thread.detachNewThread { result.set(Result(catching: work)) }
    return result
  }
}

/// The result of work on another thread.
final class ThreadResult<T: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Result<T, any Error>?

  func set(_ value: Result<T, any Error>) {
    condition.lock()
    result = value
    condition.signal()
    condition.unlock()
  }

  func value() throws -> T {
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return try result!.get()
  }

  /// The value, or nil when the work has not finished within `seconds`.
  func value(waitingAtMost seconds: Double) throws -> T? {
    let deadline = Date(timeIntervalSinceNow: seconds)
    condition.lock()
    defer { condition.unlock() }
    while result == nil {
      guard condition.wait(until: deadline) else { return nil }
    }
    return try result!.get()
  }
}
