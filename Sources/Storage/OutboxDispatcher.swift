public import FreightdeskCore
import Synchronization

/// Delivers outbox events to their handlers after commit, on a background thread woken by
/// each commit that enqueued an event and by polling (for events another node wrote).
///
/// Each (event, handler) pair is delivered once: the handler's effects and the delivered
/// mark commit together. A handler that throws is retried with exponential backoff up to
/// ``Configuration/deliveryAttemptsMax`` times; after that the delivery stays recorded with
/// its last error for an operator.
///
/// A pass costs what is pending, not what was ever published: an event is *settled* once
/// every handler of its topic has delivered it (or given up), and passes look only at
/// unsettled events through a partial index. One handler's due events of one company are
/// delivered in one transaction, each in its own savepoint, so a burst of events costs a few
/// commits rather than one per event, and one failing event undoes only its own effects.
///
/// On SQLite, an event no handler has touched yet is delivered to all of its topic's handlers
/// at once, in one savepoint that first claims it by settling it: when they all succeed, as
/// they nearly always do, nothing records the deliveries one by one, and settling needs no
/// count of them. When one fails, everything the event's handlers did is undone, the failure is
/// recorded, and from the next pass on the event is delivered handler by handler as above. The
/// claim is safe because SQLite runs write transactions one after another; on PostgreSQL,
/// where concurrent dispatchers' transactions overlap and a claim could not see a delivery
/// committed meanwhile, every event is delivered handler by handler.
public final class OutboxDispatcher: Sendable {
  /// Retry and polling limits; the defaults come from ``Limits``.
  public struct Configuration: Sendable {
    /// Attempts per (event, handler) before giving up.
    public var deliveryAttemptsMax = Limits.outboxDeliveryAttemptsMax
    /// The first retry pause, doubled per failure.
    public var retryBackoffMillisecondsBase = Limits.outboxRetryBackoffMillisecondsBase
    /// The longest retry pause.
    public var retryBackoffMillisecondsMax = Limits.outboxRetryBackoffMillisecondsMax
    /// How often to look for events when no commit woke the dispatcher.
    public var pollIntervalMilliseconds = Limits.workerPollIntervalMilliseconds
    /// Events handed to one handler per pass.
    public var batchEventsMax = Limits.outboxBatchEventsMax
    /// How long a commit's wake-up waits for more commits before a pass.
    public var gatherMilliseconds = Limits.outboxGatherMilliseconds

    /// The defaults.
    public init() {}
  }

  private struct Due {
    var event: OutboxEvent
    var attempts: Int
  }

  /// Thrown inside a delivery transaction when another dispatcher delivered first.
  private struct AlreadyDelivered: Error {}

  /// Thrown inside a whole event's delivery when one of its handlers failed.
  private struct HandlerFailed: Error {
    var handler: OutboxHandler
    var error: any Error
  }

  private let database: any Database
  private let handlers: [OutboxHandler]
  /// The handlers grouped by topic, in topic order.
  private let handlersByTopic: [(topic: String, handlers: [OutboxHandler])]
  /// Whether events no handler has touched are delivered whole (see the type's description).
  private let wholeEventDelivery: Bool
  /// The query for what is due for one handler (see ``dueEvents(for:_:)``).
  private let dueQuery: String
  private let clock: any Clock
  private let configuration: Configuration
  private let reportError: @Sendable (any Error) -> Void
  private let worker: BackgroundWorker
  private let backlogSettled = Mutex(false)

  /// Creates a stopped dispatcher; `reportError` hears about failures the dispatcher itself
  /// hits (the database going away), not handler failures, which are recorded and retried.
  public init(
    database: any Database, handlers: [OutboxHandler], clock: any Clock = SystemClock(),
    configuration: Configuration = Configuration(),
    reportError: @escaping @Sendable (any Error) -> Void = { _ in }
  ) {
    precondition(
      Set(handlers.map(\.name)).count == handlers.count, "outbox handler names are unique")
    self.database = database
    self.handlers = handlers
    handlersByTopic = Dictionary(grouping: handlers, by: \.topic).sorted { $0.key < $1.key }.map {
      (topic: $0.key, handlers: $0.value)
    }
    wholeEventDelivery = database.engine == .sqlite
    dueQuery = Self.dueQuery(onlyTouched: wholeEventDelivery)
    self.clock = clock
    self.configuration = configuration
    self.reportError = reportError
    worker = BackgroundWorker(
      name: "outbox", signal: database.workSignal,
      pollIntervalMilliseconds: configuration.pollIntervalMilliseconds,
      gatherMilliseconds: configuration.gatherMilliseconds)
  }

  /// Starts the background thread; its first pass settles events finished before settling
  /// was recorded.
  public func start() {
    worker.start(threads: 1, reportError: reportError) { [weak self] in
      guard let self else { return false }
      if !self.backlogSettled.withLock({ $0 }) {
        try self.settleFinished()
        self.backlogSettled.withLock { $0 = true }
      }
      return try self.dispatch().backlog
    }
  }

  /// Stops the background thread after its current delivery and waits for it.
  public func stop() {
    worker.stop()
  }

  /// Delivers every event that is due now, on the calling thread; returns how many
  /// deliveries were attempted. The background thread calls this; tests may too.
  @discardableResult
  public func dispatchDue() throws -> Int {
    try dispatch().attempted
  }

  /// Delivers what is due; `backlog` tells whether some handler had a full batch, so that
  /// the background thread's next pass should start at once instead of gathering.
  private func dispatch() throws -> (attempted: Int, backlog: Bool) {
    // What is due for every handler and topic is read in one transaction: most passes find
    // little, and a transaction per handler cost more than the queries themselves.
    let (due, fresh) = try database.read { executor in
      (
        try handlers.map { try dueEvents(for: $0, executor) },
        wholeEventDelivery
          ? try handlersByTopic.map { try untouchedEvents(of: $0.topic, executor) } : []
      )
    }
    var attempted = 0
    var backlog = false
    for (handler, events) in zip(handlers, due) {
      for (tenant, batch) in Self.byTenant(events, \.event.tenant) {
        deliver(batch, to: handler, of: tenant)
      }
      attempted += events.count
      backlog = backlog || events.count >= configuration.batchEventsMax
    }
    for ((_, topicHandlers), events) in zip(handlersByTopic, fresh) {
      for (tenant, batch) in Self.byTenant(events, \.tenant) {
        attempted += deliverWhole(batch, to: topicHandlers, of: tenant)
      }
      backlog = backlog || events.count >= configuration.batchEventsMax
    }
    return (attempted, backlog)
  }

  /// `items` split by company, in company order, each company's in their order.
  private static func byTenant<Item>(_ items: [Item], _ tenant: (Item) -> TenantID)
    -> [(TenantID, [Item])]
  {
    Dictionary(grouping: items, by: tenant).sorted { $0.key.identifier < $1.key.identifier }
      .map { ($0.key, $0.value) }
  }

  /// Marks settled every unsettled event whose topic's handlers have all finished with it;
  /// returns how many. The dispatcher settles as it delivers; this catches up on events
  /// delivered before settling existed, or by a node that knew fewer handlers.
  @discardableResult
  public func settleFinished() throws -> Int {
    var settled = 0
    for (topic, topicHandlers) in Dictionary(grouping: handlers, by: \.topic) {
      let names = topicHandlers.map(\.name)
      settled += try database.write { executor in
        try executor.execute(
          """
          UPDATE outbox_events SET settled_at = $1
          WHERE settled_at IS NULL AND topic = $2 AND \(finishedByAll(names, first: 4))
          """,
          [SQLValue(clock.now()), .text(topic), SQLValue(configuration.deliveryAttemptsMax)]
            + names.map(SQLValue.text))
      }
    }
    return settled
  }

  /// The SQL condition, on an `outbox_events` row, that each of `names` delivered it or gave
  /// up; `$3` is the attempt limit and the names are bound from `$first` on.
  private func finishedByAll(_ names: [String], first: Int) -> String {
    let list = names.indices.map { "$\($0 + first)" }.joined(separator: ", ")
    return """
      (SELECT COUNT(*) FROM outbox_deliveries d
        WHERE d.tenant_id = outbox_events.tenant_id AND d.event_id = outbox_events.id
          AND (d.delivered_at IS NOT NULL OR d.attempts >= $3)
          AND d.handler IN (\(list))) = \(names.count)
      """
  }

  /// Deletes settled events created before `cutoff` (every handler of their topic delivered
  /// them or gave up), with their delivery records, so the tables do not grow without end;
  /// returns how many events went. Events are not an audit trail: run this from a periodic
  /// job with a cutoff of a few days.
  @discardableResult
  public func pruneFinished(before cutoff: Instant) throws -> Int {
    try settleFinished()
    var deleted = 0
    for topic in Set(handlers.map(\.topic)).sorted() {
      while true {
        let batch = try pruneBatch(topic: topic, before: cutoff)
        deleted += batch
        if batch < configuration.batchEventsMax { break }
      }
    }
    return deleted
  }

  private func pruneBatch(topic: String, before cutoff: Instant) throws -> Int {
    try database.write { executor in
      let settled = try executor.query(
        """
        SELECT tenant_id, id FROM outbox_events
        WHERE topic = $1 AND created_at < $2 AND settled_at IS NOT NULL
        ORDER BY id
        LIMIT $3
        """, [.text(topic), SQLValue(cutoff), SQLValue(configuration.batchEventsMax)])
      for row in settled {
        let key = [try row.value("tenant_id"), try row.value("id")]
        try executor.execute(
          "DELETE FROM outbox_deliveries WHERE tenant_id = $1 AND event_id = $2", key)
        try executor.execute("DELETE FROM outbox_events WHERE tenant_id = $1 AND id = $2", key)
      }
      return settled.count
    }
  }

  /// The events `handler` owes a delivery: unsettled, not delivered by it, and not given up
  /// or waiting for a retry. Where untouched events are delivered whole, only events some
  /// delivery was already recorded for.
  private func dueEvents(for handler: OutboxHandler, _ executor: any SQLExecutor) throws -> [Due] {
    try executor.query(
      dueQuery,
      [
        .text(handler.name), .text(handler.topic), SQLValue(clock.now()),
        SQLValue(configuration.deliveryAttemptsMax), SQLValue(configuration.batchEventsMax),
      ]
    ).map { row in
      Due(event: try Self.event(row), attempts: Int(try row.optionalInt64("attempts") ?? 0))
    }
  }

  /// The due events of handler `$1` of topic `$2` at `$3` with fewer than `$4` attempts, at
  /// most `$5`; with `onlyTouched`, only events some delivery was recorded for (the others go
  /// whole).
  private static func dueQuery(onlyTouched: Bool) -> String {
    """
    SELECT e.tenant_id, e.id, e.topic, e.payload, e.created_at, d.attempts
    FROM outbox_events e
    LEFT JOIN outbox_deliveries d
      ON d.tenant_id = e.tenant_id AND d.event_id = e.id AND d.handler = $1
    WHERE e.topic = $2 AND e.settled_at IS NULL AND d.delivered_at IS NULL
      AND (d.attempts IS NULL OR (d.next_attempt_at <= $3 AND d.attempts < $4)) \(
        onlyTouched ? "AND EXISTS (\(deliveries(of: "e", as: "t")))" : "")
    ORDER BY e.id
    LIMIT $5
    """
  }

  /// The unsettled events of `topic` that no delivery was recorded for, oldest first.
  private func untouchedEvents(of topic: String, _ executor: any SQLExecutor) throws
    -> [OutboxEvent]
  {
    try executor.query(
      Self.untouchedQuery, [.text(topic), SQLValue(configuration.batchEventsMax)]
    ).map(Self.event)
  }

  private static let untouchedQuery = """
    SELECT e.tenant_id, e.id, e.topic, e.payload, e.created_at FROM outbox_events e
    WHERE e.topic = $1 AND e.settled_at IS NULL AND NOT EXISTS (\(deliveries(of: "e")))
    ORDER BY e.id
    LIMIT $2
    """

  /// A subquery finding the deliveries recorded for the event row named `event`, under the
  /// name `alias`.
  private static func deliveries(of event: String, as alias: String = "d") -> String {
    """
    SELECT 1 FROM outbox_deliveries \(alias)
    WHERE \(alias).tenant_id = \(event).tenant_id AND \(alias).event_id = \(event).id
    """
  }

  /// Settles the event `$3` when it is unsettled and no delivery of it was recorded: the
  /// claim of a whole delivery.
  private static let claimUntouched = """
    UPDATE outbox_events SET settled_at = $2
    WHERE tenant_id = $1 AND id = $3 AND settled_at IS NULL
      AND NOT EXISTS (\(deliveries(of: "outbox_events")))
    """

  private static func event(_ row: Row) throws -> OutboxEvent {
    OutboxEvent(
      id: try row.identifier("id"), tenant: TenantID(try row.identifier("tenant_id")),
      topic: try row.string("topic"), payload: try row.string("payload"),
      createdAt: try row.instant("created_at"))
  }

  /// Delivers each of `batch` (one company's untouched events of one topic) to all of
  /// `handlers` in one transaction, each event in a savepoint that first claims it by
  /// settling it, unless another dispatcher delivered it or some delivery of it was recorded
  /// meanwhile. A handler that throws undoes the whole event, and its failure is recorded;
  /// the other handlers then get the event one by one. Returns how many deliveries ran.
  private func deliverWhole(
    _ batch: [OutboxEvent], to handlers: [OutboxHandler], of tenant: TenantID
  ) -> Int {
    var attempted = 0
    do {
      try database.write(for: tenant) { scope in
        attempted = 0
        for event in batch {
          do {
            try scope.savepoint {
              let claimed = try scope.execute(
                Self.claimUntouched, [SQLValue(clock.now()), SQLValue(event.id)])
              if claimed == 0 { throw AlreadyDelivered() }
              for handler in handlers {
                attempted += 1
                do {
                  try handler.handle(event, scope)
                } catch {
                  throw HandlerFailed(handler: handler, error: error)
                }
              }
            }
          } catch is AlreadyDelivered {
            continue
          } catch let failed as HandlerFailed {
            try recordFailure(
              Due(event: event, attempts: 0), of: failed.handler, error: failed.error, scope)
          }
        }
      }
    } catch {
      reportError(error)
    }
    return attempted
  }

  /// Delivers `batch` (one company's due events) to `handler` in one transaction, each event
  /// in a savepoint: a handler that throws undoes only its own effects, and its failure is
  /// recorded for a retry in the same transaction.
  private func deliver(_ batch: [Due], to handler: OutboxHandler, of tenant: TenantID) {
    let peers = handlers.filter { $0.topic == handler.topic }.map(\.name)
    do {
      try database.write(for: tenant) { scope in
        for due in batch {
          do {
            try scope.savepoint {
              try handler.handle(due.event, scope)
              let marked = try scope.execute(
                """
                INSERT INTO outbox_deliveries
                  (tenant_id, event_id, handler, attempts, next_attempt_at, delivered_at)
                VALUES ($1, $2, $3, $4, $5, $5)
                ON CONFLICT (tenant_id, event_id, handler) DO UPDATE
                SET attempts = excluded.attempts, delivered_at = excluded.delivered_at,
                  last_error = NULL
                WHERE outbox_deliveries.delivered_at IS NULL
                """,
                [
                  SQLValue(due.event.id), .text(handler.name), SQLValue(due.attempts + 1),
                  SQLValue(clock.now()),
                ])
              if marked == 0 { throw AlreadyDelivered() }
            }
          } catch is AlreadyDelivered {
            continue
          } catch {
            try recordFailure(due, of: handler, error: error, scope)
          }
        }
        try settle(batch, handlers: peers, scope)
      }
    } catch {
      reportError(error)
    }
  }

  /// Records a failed attempt and when to try again.
  private func recordFailure(
    _ due: Due, of handler: OutboxHandler, error: any Error, _ scope: TenantScope
  ) throws {
    let attempts = due.attempts + 1
    let delay = exponentialBackoffMilliseconds(
      attempt: attempts, base: configuration.retryBackoffMillisecondsBase,
      maximum: configuration.retryBackoffMillisecondsMax)
    let message = String(String(describing: error).prefix(Limits.errorMessageCharactersMax))
    try scope.execute(
      """
      INSERT INTO outbox_deliveries
        (tenant_id, event_id, handler, attempts, next_attempt_at, last_error)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (tenant_id, event_id, handler) DO UPDATE
      SET attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
        last_error = excluded.last_error
      WHERE outbox_deliveries.delivered_at IS NULL
      """,
      [
        SQLValue(due.event.id), .text(handler.name), SQLValue(attempts),
        SQLValue(clock.now().adding(milliseconds: Int64(delay))), .text(message),
      ])
  }

  /// Settles the events of `batch`'s topic, from its first to its last, that every handler of
  /// the topic (`handlers`) has finished with: one statement per delivered batch rather than
  /// one per event (settling a finished event the batch did not carry is just as right).
  private func settle(_ batch: [Due], handlers names: [String], _ scope: TenantScope) throws {
    let ids = batch.map(\.event.id)
    guard let first = ids.min(), let last = ids.max(), let topic = batch.first?.event.topic
    else { return }
    try scope.execute(
      """
      UPDATE outbox_events SET settled_at = $2
      WHERE tenant_id = $1 AND topic = $4 AND id BETWEEN $5 AND $6 AND settled_at IS NULL
        AND \(finishedByAll(names, first: 7))
      """,
      [
        SQLValue(clock.now()), SQLValue(configuration.deliveryAttemptsMax), .text(topic),
        SQLValue(first), SQLValue(last),
      ] + names.map(SQLValue.text))
  }
}
