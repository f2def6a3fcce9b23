public import FreightdeskCore

/// An amount the credit check held for finance: whose, for what, the figures at the time,
/// why, and finance's decision once made.
public struct CreditHold: Sendable, Equatable, Codable {
  /// Its id.
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// What was held, e.g. `order:123` or `quote:BJ20261204-0001`.
  public var reference: String
  /// The new amount in fen.
  public var amountFen: Int64
  /// The limit in fen.
  public var limitFen: Int64
  /// Open receivables plus open orders in fen, before the new amount.
  public var exposureFen: Int64
  /// Why it was held: `credit_limit_exceeded` or `rating_requires_approval`.
  public var reason: CreditHoldReason
  /// `held`, `approved` or `rejected`.
  public var status: String
  /// Who decided, when decided.
  public var decidedBy: Identifier?
  /// Finance's note on the decision.
  public var decisionNote: String?

  enum CodingKeys: String, CodingKey {
    case id, reference, reason, status
    case customerID = "customer_id"
    case amountFen = "amount_fen"
    case limitFen = "limit_fen"
    case exposureFen = "exposure_fen"
    case decidedBy = "decided_by"
    case decisionNote = "decision_note"
  }
}
