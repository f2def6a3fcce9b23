public import FreightdeskCore
public import Storage

/// What a customer's accepted orders commit it to before they are billed: the credit check's
/// "open orders" figure, which `App` hands to the customer module's exposure port.
public enum OrderExposure {
  /// The total of `customer`'s orders on credit (月结) that are confirmed and not yet billed
  /// (confirmed, planned, picked up, in transit, delivered, POD received).
  public static func openOrders(of customer: Identifier, _ scope: TenantScope) throws -> Money {
    let open = OrderStatus.allCases.filter(\.isOpenExposure)
    let placeholders = open.indices.map { "$\($0 + 3)" }.joined(separator: ", ")
    let rows = try scope.query(
      """
      SELECT CAST(COALESCE(SUM(total_fen), 0) AS BIGINT) AS total FROM orders
      WHERE tenant_id = $1 AND customer_id = $2 AND settlement = 'monthly'
        AND status IN (\(placeholders))
      """, [.integer(customer.rawValue)] + open.map { .text($0.rawValue) })
    return Money(minorUnits: try rows[0].int64("total"))
  }
}
