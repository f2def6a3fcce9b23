public import FreightdeskCore
public import Storage

/// One customer's order figures over a period: what automatic tags, segments and the customer
/// page are computed from.
public struct OrderFigures: Sendable, Equatable {
  /// Orders placed in the period (not drafts, not cancelled).
  public var orders: Int
  /// Of those, orders with urgent service.
  public var urgentOrders: Int
  /// Orders delivered in the period.
  public var deliveredOrders: Int
  /// Of those, deliveries in night windows (night service or a window starting 20:00–06:00).
  public var nightDeliveries: Int
  /// Of those, deliveries after the consignee's last window ended.
  public var lateDeliveries: Int
  /// The revenue of the orders placed in the period.
  public var revenue: Money
  /// When the last order of the period was placed.
  public var lastOrderAt: Instant?
  /// Orders placed in the period by promotion code.
  public var ordersByPromotion: [String: Int]

  /// Figures.
  public init(
    orders: Int = 0, urgentOrders: Int = 0, deliveredOrders: Int = 0, nightDeliveries: Int = 0,
    lateDeliveries: Int = 0, revenue: Money = .zero(), lastOrderAt: Instant? = nil,
    ordersByPromotion: [String: Int] = [:]
  ) {
    self.orders = orders
    self.urgentOrders = urgentOrders
    self.deliveredOrders = deliveredOrders
    self.nightDeliveries = nightDeliveries
    self.lateDeliveries = lateDeliveries
    self.revenue = revenue
    self.lastOrderAt = lastOrderAt
    self.ordersByPromotion = ordersByPromotion
  }

  /// Deliveries on time as basis points of deliveries (10,000 = all), nil without deliveries.
  public var onTimeRateBasisPoints: Int? {
    deliveredOrders == 0
      ? nil : (deliveredOrders - lateDeliveries) * 10_000 / deliveredOrders
  }
}

/// Per-customer order figures over a period, from two grouped queries over `orders`: what the
/// customer module's history port (automatic tags, segments, campaigns) is answered from.
public enum OrderStatistics {
  /// The figures of `customers` (every customer when nil) with orders placed or delivered in
  /// `[from, to)`; customers with neither are left out. Promotions are keyed by their code
  /// (unique per company).
  public static func figures(
    of customers: [Identifier]? = nil, from: Instant, to: Instant, _ scope: TenantScope
  ) throws -> [Identifier: OrderFigures] {
    var values: [SQLValue] = [
      .integer(from.epochMilliseconds), .integer(to.epochMilliseconds),
      .text(OrderStatus.draft.rawValue), .text(OrderStatus.cancelled.rawValue),
    ]
    var only = ""
    if let customers {
      guard !customers.isEmpty else { return [:] }
      let placeholders = customers.indices.map { "$\($0 + 6)" }.joined(separator: ", ")
      values += customers.map { .integer($0.rawValue) }
      only = "AND customer_id IN (\(placeholders))"
    }
    let placed = "created_at >= $2 AND created_at < $3 AND status <> $4 AND status <> $5"
    let delivered = "delivered_at >= $2 AND delivered_at < $3"
    let rows = try scope.query(
      """
      SELECT customer_id,
        CAST(SUM(CASE WHEN \(placed) THEN 1 ELSE 0 END) AS BIGINT) AS orders,
        CAST(SUM(CASE WHEN \(placed) AND is_urgent = 1 THEN 1 ELSE 0 END) AS BIGINT) AS urgent,
        CAST(SUM(CASE WHEN \(delivered) THEN 1 ELSE 0 END) AS BIGINT) AS delivered,
        CAST(SUM(CASE WHEN \(delivered) AND is_night = 1 THEN 1 ELSE 0 END) AS BIGINT) AS night,
        CAST(SUM(CASE WHEN \(delivered) AND delivered_at > due_at THEN 1 ELSE 0 END) AS BIGINT) AS late,
        CAST(SUM(CASE WHEN \(placed) THEN total_fen ELSE 0 END) AS BIGINT) AS revenue,
        MAX(CASE WHEN \(placed) THEN created_at END) AS last_order_at
      FROM orders
      WHERE tenant_id = $1 \(only)
        AND ((created_at >= $2 AND created_at < $3) OR (\(delivered)))
      GROUP BY customer_id
      """, values)
    var figures: [Identifier: OrderFigures] = [:]
    for row in rows {
      figures[try row.identifier("customer_id")] = OrderFigures(
        orders: try row.int("orders"), urgentOrders: try row.int("urgent"),
        deliveredOrders: try row.int("delivered"), nightDeliveries: try row.int("night"),
        lateDeliveries: try row.int("late"), revenue: Money(minorUnits: try row.int64("revenue")),
        lastOrderAt: try row.optionalInstant("last_order_at"))
    }
    let promotions = try scope.query(
      """
      SELECT customer_id, promotion_code, COUNT(*) AS n FROM orders
      WHERE tenant_id = $1 \(only) AND \(placed) AND promotion_code IS NOT NULL
      GROUP BY customer_id, promotion_code
      """, values)
    for row in promotions {
      let id = try row.identifier("customer_id")
      figures[id, default: OrderFigures()].ordersByPromotion[
        try row.string("promotion_code")] = try row.int("n")
    }
    return figures
  }
}
