public import FreightdeskCore
public import Storage
public import Web

/// What another module asks the credit check: may `customer` take on `amount` for `reference`,
/// given the limit and rating rule the customer core keeps.
public struct CreditCheckRequest: Sendable, Equatable {
  /// The customer.
  public var customer: Identifier
  /// The new amount.
  public var amount: Money
  /// What it is for, e.g. `order:123`.
  public var reference: String
  /// The customer's credit limit.
  public var limit: Money
  /// The rule of the customer's rating.
  public var rule: CreditRatingRule

  /// Bundles the question.
  public init(
    customer: Identifier, amount: Money, reference: String, limit: Money, rule: CreditRatingRule
  ) {
    self.customer = customer
    self.amount = amount
    self.reference = reference
    self.limit = limit
    self.rule = rule
  }
}

/// The credit check other modules call: it reads the exposure through ``ExposureSource``,
/// applies ``CreditCheck``, and records a hold for finance when the rule holds the amount;
/// ``CreditHoldReview`` is how finance decides it.
public struct CreditCheckService: Sendable {
  let services: ModuleServices
  let exposure: any ExposureSource

  /// A service over the shared services and an exposure source.
  public init(services: ModuleServices, exposure: any ExposureSource) {
    self.services = services
    self.exposure = exposure
  }

  /// The decision on `request`; a hold is stored (and audited) in `scope`'s transaction and
  /// returned with it.
  public func check(_ request: CreditCheckRequest, audit: AuditContext, _ scope: TenantScope)
    throws -> (decision: CreditDecision, hold: CreditHold?)
  {
    let figures = try exposure.exposure(of: request.customer, in: scope)
    let decision = CreditCheck.evaluate(
      limit: request.limit, rule: request.rule, exposure: figures, amount: request.amount)
    guard case .hold(let reason) = decision else { return (decision, nil) }
    let hold = CreditHold(
      id: services.identifiers.next(), customerID: request.customer,
      reference: request.reference, amountFen: request.amount.minorUnits,
      limitFen: request.limit.minorUnits, exposureFen: figures.total.minorUnits, reason: reason,
      status: "held", decidedBy: nil, decisionNote: nil)
    try CreditHoldStore.insert(hold, at: services.clock.now(), scope)
    try audit.record(
      entity: "credit_hold", id: hold.id, action: "hold",
      after: ["reference": hold.reference, "reason": reason.rawValue], in: scope)
    return (decision, hold)
  }
}
