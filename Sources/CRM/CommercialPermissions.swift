public import Web

/// What the commercial part of CRM guards, and which built-in roles may do it.
public enum CommercialPermissions {
  /// See rate cards, promotions, and compute prices.
  public static let pricingRead = Permission("pricing.read")
  /// Create and change rate cards, promotions and the chargeable-weight rule.
  public static let pricingManage = Permission("pricing.manage")
  /// See inquiries and quotes.
  public static let quotesRead = Permission("quotes.read")
  /// Record inquiries, move them through the pipeline, make, accept and expire quotes.
  public static let quotesManage = Permission("quotes.manage")
  /// Send an inquiry from the customer portal.
  public static let inquiriesSubmit = Permission("inquiries.submit")
  /// See contracts.
  public static let contractsRead = Permission("contracts.read")
  /// Record contracts.
  public static let contractsManage = Permission("contracts.manage")
  /// See credit holds.
  public static let creditRead = Permission("credit.read")
  /// Approve or reject credit holds (an audited override of the credit limit).
  public static let creditApprove = Permission("credit.approve")

  /// The grants of the built-in roles: sales and customer service quote; finance approves
  /// credit holds and, with admin, manages rate cards; viewers read; customers send
  /// inquiries from the portal.
  static let grants = RoleGrants([
    .admin: [
      pricingRead, pricingManage, quotesRead, quotesManage, contractsRead, contractsManage,
      creditRead,
    ],
    .sales: [pricingRead, quotesRead, quotesManage, contractsRead, contractsManage, creditRead],
    .customerService: [pricingRead, quotesRead, quotesManage, contractsRead],
    .dispatcher: [pricingRead],
    .finance: [
      pricingRead, pricingManage, quotesRead, contractsRead, contractsManage, creditRead,
      creditApprove,
    ],
    .viewer: [pricingRead, quotesRead, contractsRead],
    .customer: [inquiriesSubmit],
  ])
}
