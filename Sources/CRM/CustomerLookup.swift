public import FreightdeskCore
public import Storage

/// Questions other modules ask about customers inside their own transaction, through the
/// ports `App` wires (e.g. which customer a portal user may act for).
public enum CustomerLookup {
  /// The name of `customer`, or nil when the company has no such customer.
  public static func name(of customer: Identifier, in scope: TenantScope) throws -> String? {
    try scope.query(
      "SELECT name FROM customers WHERE tenant_id = $1 AND id = $2 AND merged_into_id IS NULL",
      [.integer(customer.rawValue)]
    ).first.map { try $0.string("name") }
  }

  /// The company's longest-standing active customer, or nil when it has none (the demo's
  /// portal user acts for it).
  public static func longestStandingActive(in scope: TenantScope) throws -> Identifier? {
    try scope.query(
      """
      SELECT id FROM customers WHERE tenant_id = $1 AND status = 'active' AND merged_into_id IS NULL
      ORDER BY created_at, id LIMIT 1
      """, []
    ).first.map { try $0.identifier("id") }
  }

  /// The customers a form may pick from — every customer that is not lost or merged away —
  /// by short name, as (id, short name) pairs.
  public static func choices(in scope: TenantScope) throws -> [(id: Identifier, name: String)] {
    try scope.query(
      """
      SELECT id, short_name FROM customers
      WHERE tenant_id = $1 AND status <> 'lost' AND merged_into_id IS NULL
      ORDER BY short_name, id
      """, []
    ).map { (try $0.identifier("id"), try $0.string("short_name")) }
  }
}
