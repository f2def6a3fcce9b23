import Foundation
import FreightdeskCore
import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct OutboxTests {
  private let tenant = TenantID(Identifier(rawValue: 11))
  private let ids = IdentifierGenerator(node: 2, clock: SystemClock())

  private func makeDatabase(_ backend: Backend) throws -> TestDatabase {
    let database = try TestDatabase.make(backend)
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE notifications (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, event_id BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id))
        """)
    }
    return database
  }

  /// A handler that records each delivery in `notifications`, in the delivery transaction.
  private func recordingHandler(name: String = "notify") -> OutboxHandler {
    OutboxHandler(name: name, topic: "orders.confirmed") { [ids] event, scope in
      try scope.execute(
        "INSERT INTO notifications (tenant_id, id, event_id) VALUES ($1, $2, $3)",
        [SQLValue(ids.next()), SQLValue(event.id)])
    }
  }

  private func notificationCount(_ database: TestDatabase) throws -> Int {
    try database.read(for: tenant) { scope in
      try scope.query("SELECT COUNT(*) AS n FROM notifications WHERE tenant_id = $1")[0].int("n")
    }
  }

  @Test(arguments: Backend.allCases)
  func aCommittedEventIsDeliveredOnceAndARolledBackOneNever(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    try database.write(for: tenant) { scope in
      try outbox.enqueue(topic: "orders.confirmed", payload: #"{"order":1}"#, in: scope)
    }
    struct Abort: Error {}
    _ = try? database.write(for: tenant) { scope in
      try outbox.enqueue(topic: "orders.confirmed", payload: #"{"order":2}"#, in: scope)
      throw Abort()
    }
    let dispatcher = OutboxDispatcher(database: database, handlers: [recordingHandler()])
    #expect(try dispatcher.dispatchDue() == 1)
    #expect(try dispatcher.dispatchDue() == 0)
    #expect(try notificationCount(database) == 1)
  }

  @Test(arguments: Backend.allCases)
  func aFailingHandlerIsRetriedWithGrowingBackoffUntilItSucceeds(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    try database.write(for: tenant) { scope in
      try outbox.enqueue(topic: "orders.confirmed", payload: "{}", in: scope)
    }
    let calls = Mutex(0)
    let flaky = OutboxHandler(name: "flaky", topic: "orders.confirmed") { [ids] event, scope in
      let call = calls.withLock { count in
        count += 1
        return count
      }
      try scope.execute(
        "INSERT INTO notifications (tenant_id, id, event_id) VALUES ($1, $2, $3)",
        [SQLValue(ids.next()), SQLValue(event.id)])
      if call < 3 { throw DatabaseError.queryFailed(message: "remote down", state: "test") }
    }
    var configuration = OutboxDispatcher.Configuration()
    configuration.retryBackoffMillisecondsBase = 60_000
    let dispatcher = OutboxDispatcher(
      database: database, handlers: [flaky], configuration: configuration)
    var delays: [Int64] = []
    for _ in 0..<2 {
      let before = SystemClock().now()
      #expect(try dispatcher.dispatchDue() == 1)
      #expect(try dispatcher.dispatchDue() == 0, "not due again before its backoff")
      delays.append(try nextAttempt(database).milliseconds(since: before))
      try makeDeliveryDue(database)
    }
    #expect(delays[0] >= 60_000 && delays[0] < 70_000)
    #expect(delays[1] >= 120_000 && delays[1] < 130_000)
    #expect(try dispatcher.dispatchDue() == 1)
    #expect(calls.withLock { $0 } == 3)
    #expect(try notificationCount(database) == 1, "failed attempts left nothing behind")
  }

  private func nextAttempt(_ database: TestDatabase) throws -> Instant {
    try database.read(for: tenant) { scope in
      try scope.query("SELECT next_attempt_at FROM outbox_deliveries WHERE tenant_id = $1")[0]
        .instant("next_attempt_at")
    }
  }

  private func makeDeliveryDue(_ database: TestDatabase) throws {
    try database.write(for: tenant) { scope in
      try scope.execute("UPDATE outbox_deliveries SET next_attempt_at = 0 WHERE tenant_id = $1")
    }
  }

  @Test(arguments: Backend.allCases)
  func aHandlerThatKeepsFailingIsGivenUpAfterTheAttemptLimit(backend: Backend) throws {
    let database = try makeDatabase(backend)
    try database.write(for: tenant) { scope in
      try Outbox(identifiers: ids, clock: SystemClock())
        .enqueue(topic: "orders.confirmed", payload: "{}", in: scope)
    }
    let broken = OutboxHandler(name: "broken", topic: "orders.confirmed") { _, _ in
      throw DatabaseError.queryFailed(message: "always", state: "test")
    }
    var configuration = OutboxDispatcher.Configuration()
    configuration.deliveryAttemptsMax = 3
    configuration.retryBackoffMillisecondsBase = 0
    let dispatcher = OutboxDispatcher(
      database: database, handlers: [broken], configuration: configuration)
    #expect(try (0..<5).map { _ in try dispatcher.dispatchDue() } == [1, 1, 1, 0, 0])
    let delivery = try database.read(for: tenant) { scope in
      try scope.query("SELECT attempts, last_error FROM outbox_deliveries WHERE tenant_id = $1")[0]
    }
    #expect(try delivery.int("attempts") == 3)
    #expect(try delivery.string("last_error").contains("always"))
  }

  @Test(arguments: Backend.allCases)
  func concurrentDispatchersDeliverEachEventToEachHandlerOnce(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    try database.write(for: tenant) { scope in
      for order in 0..<20 {
        try outbox.enqueue(topic: "orders.confirmed", payload: "{\"order\":\(order)}", in: scope)
      }
    }
    let handlers = [recordingHandler(name: "first"), recordingHandler(name: "second")]
    let dispatchers = (0..<3).map { _ in
      OutboxDispatcher(database: database, handlers: handlers)
    }
    runConcurrently(threads: dispatchers.count) { index in
      _ = try? dispatchers[index].dispatchDue()
    }
    #expect(try notificationCount(database) == 40)
    #expect(try dispatchers[0].dispatchDue() == 0)
  }

  @Test(arguments: Backend.allCases)
  func pruningRemovesOnlyEventsEveryHandlerIsDoneWith(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    let events = try database.write(for: tenant) { scope in
      try (0..<2).map { _ in try outbox.enqueue(topic: "orders.confirmed", payload: "{}", in: scope)
      }
    }
    let picky = OutboxHandler(name: "picky", topic: "orders.confirmed") { event, _ in
      if event.id == events[1] {
        throw DatabaseError.queryFailed(message: "not yet", state: "test")
      }
    }
    let dispatcher = OutboxDispatcher(database: database, handlers: [recordingHandler(), picky])
    try dispatcher.dispatchDue()
    #expect(try dispatcher.pruneFinished(before: SystemClock().now().adding(seconds: -60)) == 0)
    #expect(try dispatcher.pruneFinished(before: SystemClock().now().adding(seconds: 1)) == 1)
    let left = try database.read(for: tenant) { scope in
      try scope.query("SELECT id FROM outbox_events WHERE tenant_id = $1").map {
        try $0.identifier("id")
      }
    }
    #expect(left == [events[1]])
  }

  /// A started background dispatcher that polls only once a minute, so that what it delivers
  /// quickly it delivers because a commit woke it.
  private func backgroundDispatcher(_ database: TestDatabase, gatherMilliseconds: Int? = nil)
    -> OutboxDispatcher
  {
    var configuration = OutboxDispatcher.Configuration()
    configuration.pollIntervalMilliseconds = 60_000
    if let gatherMilliseconds { configuration.gatherMilliseconds = gatherMilliseconds }
    let dispatcher = OutboxDispatcher(
      database: database, handlers: [recordingHandler()], configuration: configuration)
    dispatcher.start()
    return dispatcher
  }

  /// Waits up to ten seconds for `count` notifications.
  private func awaitNotifications(_ count: Int, _ database: TestDatabase) throws {
    let deadline = SystemClock().now().adding(seconds: 10)
    while try notificationCount(database) < count && SystemClock().now() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
  }

  @Test(arguments: Backend.allCases)
  func theBackgroundDispatcherDeliversSoonAfterCommitAndStopsCleanly(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    let dispatcher = backgroundDispatcher(database)
    try database.write(for: tenant) { scope in
      try outbox.enqueue(topic: "orders.confirmed", payload: "{}", in: scope)
    }
    try awaitNotifications(1, database)
    dispatcher.stop()
    #expect(try notificationCount(database) == 1)
  }

  @Test(arguments: Backend.allCases)
  func theBackgroundDispatcherGathersABurstOfCommitsBeforeDelivering(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    let dispatcher = backgroundDispatcher(database, gatherMilliseconds: 2_000)
    defer { dispatcher.stop() }
    // Its first pass runs at once and finds nothing; the burst comes after it.
    Thread.sleep(forTimeInterval: 1)
    for order in 1...5 {
      try database.write(for: tenant) { scope in
        try outbox.enqueue(topic: "orders.confirmed", payload: #"{"order":\#(order)}"#, in: scope)
      }
    }
    // The first commit woke the dispatcher, which waits two seconds for the rest of the burst.
    #expect(try notificationCount(database) == 0)
    try awaitNotifications(5, database)
    #expect(try notificationCount(database) == 5)
  }
}

/// Settling: a pass looks only at events some handler still owes, and a burst is delivered in
/// one transaction per handler and company without one bad event spoiling the others.
@Suite struct OutboxSettlingTests {
  private let tenant = TenantID(Identifier(rawValue: 12))
  private let ids = IdentifierGenerator(node: 3, clock: SystemClock())

  private func makeDatabase(_ backend: Backend) throws -> TestDatabase {
    let database = try TestDatabase.make(backend)
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE receipts (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, event_id BIGINT NOT NULL,
          handler TEXT NOT NULL, PRIMARY KEY (tenant_id, id))
        """)
    }
    return database
  }

  private func handler(_ name: String, refusing payload: String? = nil) -> OutboxHandler {
    OutboxHandler(name: name, topic: "order.created") { [ids] event, scope in
      try scope.execute(
        "INSERT INTO receipts (tenant_id, id, event_id, handler) VALUES ($1, $2, $3, $4)",
        [SQLValue(ids.next()), SQLValue(event.id), .text(name)])
      if event.payload == payload { throw DatabaseError.queryFailed(message: "no", state: "t") }
    }
  }

  private func enqueue(_ payloads: [String], _ database: TestDatabase) throws {
    let outbox = Outbox(identifiers: ids, clock: SystemClock())
    try database.write(for: tenant) { scope in
      for payload in payloads {
        try outbox.enqueue(topic: "order.created", payload: payload, in: scope)
      }
    }
  }

  private func unsettled(_ database: TestDatabase) throws -> Int {
    try database.read(for: tenant) { scope in
      try scope.query(
        "SELECT COUNT(*) AS n FROM outbox_events WHERE tenant_id = $1 AND settled_at IS NULL"
      )[0].int("n")
    }
  }

  private func receipts(_ database: TestDatabase, _ handler: String) throws -> Int {
    try database.read(for: tenant) { scope in
      try scope.query(
        "SELECT COUNT(*) AS n FROM receipts WHERE tenant_id = $1 AND handler = $2",
        [.text(handler)])[0].int("n")
    }
  }

  @Test(arguments: Backend.allCases)
  func anEventSettlesOnceEveryHandlerOfItsTopicIsDone(backend: Backend) throws {
    let database = try makeDatabase(backend)
    try enqueue(["a", "b", "c"], database)
    var configuration = OutboxDispatcher.Configuration()
    configuration.deliveryAttemptsMax = 1
    let dispatcher = OutboxDispatcher(
      database: database, handlers: [handler("timeline"), handler("tags", refusing: "b")],
      configuration: configuration)
    #expect(try dispatcher.dispatchDue() == 6)
    #expect(try receipts(database, "tags") == 2)
    // "b" failed for tags, whose one attempt is used up. Where an untouched event goes to all
    // of its handlers at once (SQLite), the failure also undid timeline's delivery of "b",
    // which the next pass makes on its own.
    switch backend {
    case .sqlite:
      #expect(try receipts(database, "timeline") == 2)
      #expect(try unsettled(database) == 1)
      #expect(try dispatcher.dispatchDue() == 1)
    case .postgres:
      break
    }
    #expect(try receipts(database, "timeline") == 3)
    #expect(try unsettled(database) == 0)
    #expect(try dispatcher.dispatchDue() == 0)
    #expect(try receipts(database, "timeline") == 3)
  }

  @Test(arguments: Backend.allCases)
  func anEventAllOfWhoseHandlersSucceedLeavesNoDeliveryRecordsOnSQLite(backend: Backend) throws {
    let database = try makeDatabase(backend)
    try enqueue(["a", "b"], database)
    let dispatcher = OutboxDispatcher(
      database: database, handlers: [handler("timeline"), handler("tags")])
    #expect(try dispatcher.dispatchDue() == 4)
    #expect(try unsettled(database) == 0)
    let recorded = try database.read { executor in
      try executor.query("SELECT COUNT(*) AS n FROM outbox_deliveries", [])[0].int("n")
    }
    #expect(recorded == (backend == .sqlite ? 0 : 4))
    #expect(try dispatcher.dispatchDue() == 0)
    #expect(try receipts(database, "timeline") == 2)
    #expect(try receipts(database, "tags") == 2)
  }

  @Test(arguments: Backend.allCases)
  func oneFailingEventInABurstUndoesOnlyItsOwnEffectsAndIsRetried(backend: Backend) throws {
    let database = try makeDatabase(backend)
    try enqueue((0..<20).map { "order \($0)" }, database)
    var configuration = OutboxDispatcher.Configuration()
    configuration.retryBackoffMillisecondsBase = 0
    configuration.retryBackoffMillisecondsMax = 0
    let dispatcher = OutboxDispatcher(
      database: database, handlers: [handler("timeline", refusing: "order 7")],
      configuration: configuration)
    #expect(try dispatcher.dispatchDue() == 20)
    #expect(try receipts(database, "timeline") == 19)
    #expect(try unsettled(database) == 1)
    #expect(try dispatcher.dispatchDue() == 1)
    #expect(try receipts(database, "timeline") == 19)
  }

  @Test(arguments: Backend.allCases)
  func eventsDeliveredBeforeSettlingExistedAreSettledAtStart(backend: Backend) throws {
    let database = try makeDatabase(backend)
    try enqueue(["x", "y"], database)
    // What a dispatcher from before settling left: each delivery recorded, no event settled.
    try database.write { executor in
      try executor.execute(
        """
        INSERT INTO outbox_deliveries
          (tenant_id, event_id, handler, attempts, next_attempt_at, delivered_at)
        SELECT tenant_id, id, 'timeline', 1, created_at, created_at FROM outbox_events
        """, [])
    }
    #expect(try unsettled(database) == 2)
    let restarted = OutboxDispatcher(database: database, handlers: [handler("timeline")])
    #expect(try restarted.settleFinished() == 2)
    #expect(try unsettled(database) == 0)
  }
}
