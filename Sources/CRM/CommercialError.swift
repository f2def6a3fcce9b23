public import FreightdeskCore

/// Failures of the commercial part that are not a rule of pricing or of a lifecycle.
public enum CommercialError: UserFacingError, Equatable {
  /// Prices need a list rate card, and the company has none yet (422).
  case noListRateCard
  /// A credit hold was already decided (409).
  case creditHoldDecided

  /// The stable code.
  public var code: String {
    switch self {
    case .noListRateCard: "no_list_rate_card"
    case .creditHoldDecided: "credit_hold_decided"
    }
  }

  /// 422 or 409.
  public var kind: ErrorKind {
    switch self {
    case .noListRateCard: .unprocessable
    case .creditHoldDecided: .conflict
    }
  }
}
