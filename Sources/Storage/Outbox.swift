public import FreightdeskCore

/// One event written to the outbox: something that happened in one tenant, for other
/// modules to react to after it committed.
public struct OutboxEvent: Sendable, Equatable {
  /// The event's identifier.
  public let id: Identifier
  /// The tenant it happened in; handlers run scoped to this tenant.
  public let tenant: TenantID
  /// What happened, e.g. `orders.order_confirmed`.
  public let topic: String
  /// The details, usually JSON.
  public let payload: String
  /// When it happened: when it was enqueued, unless its writer dated it earlier (the demo
  /// company's six months of history), so that timelines built from events show the time of
  /// the change itself.
  public let createdAt: Instant
}

/// The transactional outbox: an event is written in the same transaction as the change it
/// announces, so both commit or neither does. ``OutboxDispatcher`` delivers it afterwards.
///
/// ```swift
/// try database.write(for: tenant) { scope in
///   try orders.confirm(order, in: scope)
///   try outbox.enqueue(topic: "orders.order_confirmed", payload: json, in: scope)
/// }
/// ```
public final class Outbox: Sendable {
  private let identifiers: IdentifierGenerator
  private let clock: any Clock

  /// Creates an outbox that numbers events with `identifiers` and stamps them with `clock`.
  public init(identifiers: IdentifierGenerator, clock: any Clock) {
    self.identifiers = identifiers
    self.clock = clock
  }

  /// Writes an event in the scope's transaction and wakes the dispatcher once it commits;
  /// `occurredAt` dates a change that happened before now (history being recorded).
  @discardableResult
  public func enqueue(
    topic: String, payload: String, occurredAt: Instant? = nil, in scope: TenantScope
  ) throws -> Identifier {
    let id = identifiers.next()
    try scope.execute(
      """
      INSERT INTO outbox_events (tenant_id, id, topic, payload, created_at)
      VALUES ($1, $2, $3, $4, $5)
      """, [SQLValue(id), .text(topic), .text(payload), SQLValue(occurredAt ?? clock.now())])
    scope.wakeWorkersAfterCommit()
    return id
  }
}

/// Reacts to outbox events of one topic. It runs in a write transaction scoped to the
/// event's tenant, together with the record that it ran, so its database effects happen
/// exactly once; effects outside the database must be idempotent, because a failed
/// transaction is retried.
public struct OutboxHandler: Sendable {
  /// A stable name, recorded per delivery; renaming a handler delivers old events again.
  public let name: String
  /// The topic it listens to.
  public let topic: String
  /// The reaction; throwing schedules a retry with exponential backoff.
  public let handle: @Sendable (OutboxEvent, TenantScope) throws -> Void

  /// Creates a handler.
  public init(
    name: String, topic: String,
    handle: @escaping @Sendable (OutboxEvent, TenantScope) throws -> Void
  ) {
    self.name = name
    self.topic = topic
    self.handle = handle
  }
}
