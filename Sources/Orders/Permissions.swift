public import Web

/// What the orders module guards, and which built-in roles may do it.
public enum OrdersPermission {
  /// See orders, their timelines and figures.
  public static let read = Permission("orders.read")
  /// Create orders, edit drafts and move orders through their lifecycle.
  public static let manage = Permission("orders.manage")
  /// Change the company's order rules (who may order urgent service).
  public static let configure = Permission("orders.configure")
  /// On the portal: price, place and follow the customer's own orders, and write to us.
  public static let portal = Permission("orders.portal")

  /// Sales, customer service and dispatch take and move orders; finance bills them and sees
  /// them; warehouse and viewers read; admins also set the rules; customers use the portal.
  static let grants = RoleGrants([
    .admin: [read, manage, configure],
    .sales: [read, manage],
    .customerService: [read, manage],
    .dispatcher: [read, manage],
    .finance: [read, manage],
    .warehouse: [read],
    .viewer: [read],
    .customer: [portal],
  ])
}
