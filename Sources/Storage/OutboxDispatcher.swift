public import FreightdeskCore

/// Delivers outbox events to their handlers after commit, on a background thread woken by
/// each commit that enqueued an event and by polling (for events another node wrote).
///
/// Each (event, handler) pair is delivered once: the handler's effects and the delivered
/// mark commit together. A handler that throws is retried with exponential backoff up to
/// ``Configuration/deliveryAttemptsMax`` times; after that the delivery stays recorded with
/// its last error for an operator.
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

    /// The defaults.
    public init() {}
  }

  private struct Due {
    var event: OutboxEvent
    var attempts: Int
  }

  /// Thrown inside a delivery transaction when another dispatcher delivered first.
  private struct AlreadyDelivered: Error {}

  private let database: any Database
  private let handlers: [OutboxHandler]
  private let clock: any Clock
  private let configuration: Configuration
  private let reportError: @Sendable (any Error) -> Void
  private let worker: BackgroundWorker

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
    self.clock = clock
    self.configuration = configuration
    self.reportError = reportError
    worker = BackgroundWorker(
      name: "outbox", signal: database.workSignal,
      pollIntervalMilliseconds: configuration.pollIntervalMilliseconds)
  }

  /// Starts the background thread.
  public func start() {
    worker.start(threads: 1, reportError: reportError) {
      [weak self] in try self?.dispatchDue() ?? 0 > 0
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
    var attempted = 0
    for handler in handlers {
      for due in try dueEvents(for: handler) {
        deliver(due, to: handler)
        attempted += 1
      }
    }
    return attempted
  }

  /// Deletes events created before `cutoff` that every handler of their topic has delivered
  /// or given up on, with their delivery records, so each pass stays fast as history grows;
  /// returns how many events went. Events are not an audit trail: run this from a periodic
  /// job with a cutoff of a few days.
  @discardableResult
  public func pruneFinished(before cutoff: Instant) throws -> Int {
    var deleted = 0
    for (topic, topicHandlers) in Dictionary(grouping: handlers, by: \.topic) {
      let names = topicHandlers.map(\.name)
      while true {
        let batch = try pruneBatch(topic: topic, handlers: names, before: cutoff)
        deleted += batch
        if batch < configuration.batchEventsMax { break }
      }
    }
    return deleted
  }

  private func pruneBatch(topic: String, handlers names: [String], before cutoff: Instant) throws
    -> Int
  {
    let handlerList = names.indices.map { "$\($0 + 6)" }.joined(separator: ", ")
    return try database.write { executor in
      let finished = try executor.query(
        """
        SELECT e.tenant_id, e.id FROM outbox_events e
        WHERE e.topic = $1 AND e.created_at < $2
          AND (SELECT COUNT(*) FROM outbox_deliveries d
            WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id
              AND (d.delivered_at IS NOT NULL OR d.attempts >= $3)
              AND d.handler IN (\(handlerList))) = $4
        ORDER BY e.id
        LIMIT $5
        """,
        [
          .text(topic), SQLValue(cutoff), SQLValue(configuration.deliveryAttemptsMax),
          SQLValue(names.count), SQLValue(configuration.batchEventsMax),
        ] + names.map(SQLValue.text))
      for row in finished {
        let key = [try row.value("tenant_id"), try row.value("id")]
        try executor.execute(
          "DELETE FROM outbox_deliveries WHERE tenant_id = $1 AND event_id = $2", key)
        try executor.execute("DELETE FROM outbox_events WHERE tenant_id = $1 AND id = $2", key)
      }
      return finished.count
    }
  }

  private func dueEvents(for handler: OutboxHandler) throws -> [Due] {
    let rows = try database.read { executor in
      try executor.query(
        """
        SELECT e.tenant_id, e.id, e.topic, e.payload, e.created_at, d.attempts
        FROM outbox_events e
        LEFT JOIN outbox_deliveries d
          ON d.tenant_id = e.tenant_id AND d.event_id = e.id AND d.handler = $1
        WHERE e.topic = $2 AND d.delivered_at IS NULL
          AND (d.attempts IS NULL OR (d.next_attempt_at <= $3 AND d.attempts < $4))
        ORDER BY e.id
        LIMIT $5
        """,
        [
          .text(handler.name), .text(handler.topic), SQLValue(clock.now()),
          SQLValue(configuration.deliveryAttemptsMax), SQLValue(configuration.batchEventsMax),
        ])
    }
    return try rows.map { row in
      let event = OutboxEvent(
        id: try row.identifier("id"), tenant: TenantID(try row.identifier("tenant_id")),
        topic: try row.string("topic"), payload: try row.string("payload"),
        createdAt: try row.instant("created_at"))
      return Due(event: event, attempts: Int(try row.optionalInt64("attempts") ?? 0))
    }
  }

  private func deliver(_ due: Due, to handler: OutboxHandler) {
    do {
      try database.write(for: due.event.tenant) { scope in
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
      return
    } catch {
      recordFailure(due, of: handler, error: error)
    }
  }

  private func recordFailure(_ due: Due, of handler: OutboxHandler, error: any Error) {
    let attempts = due.attempts + 1
    let delay = exponentialBackoffMilliseconds(
      attempt: attempts, base: configuration.retryBackoffMillisecondsBase,
      maximum: configuration.retryBackoffMillisecondsMax)
    let message = String(String(describing: error).prefix(Limits.errorMessageCharactersMax))
    do {
      try database.write(for: due.event.tenant) { scope in
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
    } catch {
      reportError(error)
    }
  }
}
