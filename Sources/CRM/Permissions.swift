public import Web

/// What the customer part of CRM guards, and which built-in roles may do it.
public enum CRMPermission {
  /// See customers, their contacts, addresses, terms and timeline.
  public static let customersRead = Permission("customers.read")
  /// Create and change customers, their contacts and addresses; merge duplicates.
  public static let customersManage = Permission("customers.manage")
  /// Change customers' commercial terms (settlement, credit rating and limit).
  public static let termsManage = Permission("customers.terms")
  /// Log interactions and keep follow-ups.
  public static let interactionsManage = Permission("interactions.manage")
  /// Edit the company's list of platform segments.
  public static let segmentsManage = Permission("segments.manage")
  /// Change the rules that tag customers from their order history.
  public static let tagRulesManage = Permission("customers.tag_rules")

  /// The grants of the built-in roles.
  static let grants = RoleGrants([
    .admin: [
      customersRead, customersManage, termsManage, interactionsManage, segmentsManage,
      tagRulesManage,
    ],
    .sales: [customersRead, customersManage, interactionsManage],
    .customerService: [customersRead, customersManage, interactionsManage],
    .dispatcher: [customersRead],
    .warehouse: [customersRead],
    .driver: [customersRead],
    .finance: [customersRead, termsManage],
    .hr: [],
    .viewer: [customersRead],
    .customer: [],
  ])
}
