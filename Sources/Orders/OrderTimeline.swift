public import FreightdeskCore
import Storage

/// One line of an order's timeline: what happened, from which status to which, with a note
/// (an exception's reason, a credit decision), by whom and when.
public struct OrderTimelineEntry: Codable, Sendable, Equatable {
  /// The entry's id.
  public var id: Identifier
  /// What happened: `created`, or an event name such as `confirm` or `flag_exception`.
  public var event: String
  /// The status before, absent for `created`.
  public var fromStatus: OrderStatus?
  /// The status after.
  public var toStatus: OrderStatus
  /// A note, possibly empty.
  public var note: String
  /// Who did it (a person's or the system's name).
  public var actor: String
  /// When.
  public var occurredAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, event, note, actor
    case fromStatus = "from_status"
    case toStatus = "to_status"
    case occurredAt = "occurred_at"
  }

  /// The catalog key of the line's label.
  public var labelKey: String { "orders.event.\(event)" }
}

/// Reads and writes `order_events`.
enum OrderTimelineStore {
  static func append(_ entry: OrderTimelineEntry, to order: Identifier, _ scope: TenantScope)
    throws
  {
    try scope.execute(
      """
      INSERT INTO order_events (tenant_id, id, order_id, event, from_status, to_status, note,
        actor, occurred_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      """,
      [
        .integer(entry.id.rawValue), .integer(order.rawValue), .text(entry.event),
        entry.fromStatus.map { .text($0.rawValue) } ?? .null, .text(entry.toStatus.rawValue),
        .text(entry.note), .text(entry.actor), .integer(entry.occurredAt.epochMilliseconds),
      ])
  }

  static func list(of order: Identifier, _ scope: TenantScope) throws -> [OrderTimelineEntry] {
    try scope.query(
      """
      SELECT id, event, from_status, to_status, note, actor, occurred_at FROM order_events
      WHERE tenant_id = $1 AND order_id = $2 ORDER BY occurred_at, id
      LIMIT \(OrdersLimits.timelineEntriesMax)
      """, [.integer(order.rawValue)]
    ).map { row in
      OrderTimelineEntry(
        id: try row.identifier("id"), event: try row.string("event"),
        fromStatus: try row.optionalString("from_status").flatMap(OrderStatus.init(rawValue:)),
        toStatus: try OrderStore.decoded(OrderStatus.self, row, "to_status"),
        note: try row.string("note"), actor: try row.string("actor"),
        occurredAt: try row.instant("occurred_at"))
    }
  }
}
