public import FreightdeskCore
public import Storage
import Web

/// The port through which Identity learns which customer accounts exist, so that every portal
/// user is tied to a real customer of the company. CRM owns customers and `App` wires its
/// implementation; Identity never reads CRM's tables.
public protocol CustomerAccounts: Sendable {
  /// The name of `customer` in `scope`'s company, or nil when the company has no such customer.
  func customerName(of customer: Identifier, in scope: TenantScope) throws -> String?
}

/// The customer accounts of an installation without a customer module: none exist, so no
/// portal user can be created.
public struct NoCustomerAccounts: CustomerAccounts {
  /// The empty directory.
  public init() {}

  /// Always nil.
  public func customerName(of customer: Identifier, in scope: TenantScope) throws -> String? {
    nil
  }
}

/// The rule tying portal users to customers: a user holding the customer role holds no other
/// role and acts for exactly one customer; staff act for none.
enum PortalLinkRule {
  /// The field errors of `roles` combined with `customer`; empty when they agree.
  static func problems(roles: [String], customer: Identifier?) -> [FieldError] {
    let isCustomer = roles.contains(BuiltinRole.customer.rawValue)
    if isCustomer && roles.count > 1 {
      return [FieldError(pointer: "/roles", code: "customer_role_exclusive")]
    }
    if isCustomer && customer == nil {
      return [FieldError(pointer: "/customer_id", code: "portal_user_needs_customer")]
    }
    if !isCustomer && customer != nil {
      return [FieldError(pointer: "/customer_id", code: "customer_link_needs_customer_role")]
    }
    return []
  }
}
