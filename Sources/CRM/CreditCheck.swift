public import FreightdeskCore
public import Storage
public import Web

/// What a customer owes and has ordered but not yet been billed for.
public struct CreditExposure: Hashable, Sendable {
  /// Receivables not yet paid.
  public var openReceivables: Money
  /// Orders accepted but not yet invoiced.
  public var openOrders: Money

  /// Bundles the figures.
  public init(openReceivables: Money, openOrders: Money) {
    self.openReceivables = openReceivables
    self.openOrders = openOrders
  }

  /// Receivables plus open orders.
  public var total: Money { openReceivables + openOrders }
}

/// The port through which the credit check learns a customer's exposure. Finance implements
/// the receivables and Orders the open orders; `App` wires the implementation.
public protocol ExposureSource: Sendable {
  /// The exposure of `customer` as of the transaction `scope`.
  func exposure(of customer: Identifier, in scope: TenantScope) throws -> CreditExposure
}

/// What a credit rating (信用等级) allows: how far above the limit the customer may go, and
/// whether every new amount needs finance's approval whatever the figures.
public struct CreditRatingRule: Hashable, Sendable {
  /// The rating's code, e.g. `A`.
  public var rating: String
  /// How far exposure may exceed the limit, in basis points of the limit (1,000 = 10 %).
  public var toleranceBasisPoints: Int64
  /// Whether every new amount is held for finance (e.g. rating `D`: cash only).
  public var alwaysHold: Bool

  /// Declares a rule.
  public init(rating: String, toleranceBasisPoints: Int64 = 0, alwaysHold: Bool = false) {
    self.rating = rating
    self.toleranceBasisPoints = toleranceBasisPoints
    self.alwaysHold = alwaysHold
  }
}

/// Why a credit check held an amount, each with a stable code.
public enum CreditHoldReason: String, Hashable, Sendable, Codable, CaseIterable {
  /// Exposure plus the new amount is above the limit and its tolerance.
  case creditLimitExceeded = "credit_limit_exceeded"
  /// The rating sends every new amount to finance.
  case ratingRequiresApproval = "rating_requires_approval"
}

/// The outcome of a credit check.
public enum CreditDecision: Hashable, Sendable {
  /// The amount fits; `headroom` is what is left under limit and tolerance afterwards.
  case approved(headroom: Money)
  /// The amount waits for finance's approval.
  case hold(CreditHoldReason)
}

/// The credit check rule, pure: exposure (open receivables + open orders) plus the new amount
/// against the limit raised by the rating's tolerance; a rating that always holds holds.
///
/// ```swift
/// CreditCheck.evaluate(limit: Money(minorUnits: 100_000_00), rule: CreditRatingRule(rating: "B"),
///                      exposure: exposure, amount: Money(minorUnits: 5_000_00))
/// ```
public enum CreditCheck {
  /// Approves or holds `amount`.
  public static func evaluate(
    limit: Money, rule: CreditRatingRule, exposure: CreditExposure, amount: Money
  ) -> CreditDecision {
    if rule.alwaysHold { return .hold(.ratingRequiresApproval) }
    let allowed =
      limit + limit.multiplied(by: rule.toleranceBasisPoints, dividedBy: 10_000, rounding: .down)
    let after = exposure.total + amount
    return after <= allowed ? .approved(headroom: allowed - after) : .hold(.creditLimitExceeded)
  }
}

extension CreditHoldReason: SchemaEnumeration {}
