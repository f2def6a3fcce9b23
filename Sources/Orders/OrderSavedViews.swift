import FreightdeskCore
import Storage

/// A list filter a user saved under a name, to come back to it in one click.
struct OrderSavedView: Sendable, Equatable {
  /// Its id.
  var id: Identifier
  /// The name the user gave it.
  var name: String
  /// The list's query string, e.g. `status=on_hold&service_type=ltl`.
  var query: String
}

/// Reads and writes `order_saved_views`: each user's own views.
enum OrderSavedViewStore {
  static func list(of user: Identifier, _ scope: TenantScope) throws -> [OrderSavedView] {
    try scope.query(
      """
      SELECT id, name, query FROM order_saved_views WHERE tenant_id = $1 AND user_id = $2
      ORDER BY name, id LIMIT \(OrdersLimits.savedViewsMax)
      """, [.integer(user.rawValue)]
    ).map {
      OrderSavedView(
        id: try $0.identifier("id"), name: try $0.string("name"), query: try $0.string("query"))
    }
  }

  static func insert(
    _ view: OrderSavedView, of user: Identifier, at instant: Instant, _ scope: TenantScope
  )
    throws
  {
    try scope.execute(
      """
      INSERT INTO order_saved_views (tenant_id, id, user_id, name, query, created_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      """,
      [
        .integer(view.id.rawValue), .integer(user.rawValue), .text(view.name), .text(view.query),
        .integer(instant.epochMilliseconds),
      ])
  }

  /// Deletes view `id` of `user`; false when the user has no such view.
  static func delete(_ id: Identifier, of user: Identifier, _ scope: TenantScope) throws -> Bool {
    try scope.execute(
      "DELETE FROM order_saved_views WHERE tenant_id = $1 AND id = $2 AND user_id = $3",
      [.integer(id.rawValue), .integer(user.rawValue)]) == 1
  }
}
