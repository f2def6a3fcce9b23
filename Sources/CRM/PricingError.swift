public import FreightdeskCore

/// Why a price cannot be computed, each with one stable code.
public enum PricingError: UserFacingError, Equatable {
  /// No lane of the rate card (nor of the customer's contract card) serves the route.
  case noRateForLane(origin: String, destination: String)
  /// The declared value is above what the rate card insures.
  case declaredValueOverCap(cap: Money)
  /// A service was asked for that the rate card does not offer.
  case serviceNotOffered(SurchargeKind)
  /// A declared value was given but the rate card offers no insurance.
  case insuranceNotOffered

  /// The stable code.
  public var code: String {
    switch self {
    case .noRateForLane: "no_rate_for_lane"
    case .declaredValueOverCap: "declared_value_over_cap"
    case .serviceNotOffered: "service_not_offered"
    case .insuranceNotOffered: "insurance_not_offered"
    }
  }

  /// The request is understood but cannot be priced (422).
  public var kind: ErrorKind { .unprocessable }

  /// The lane, the cap in fen, or the service, for the message.
  public var arguments: [String: String] {
    switch self {
    case .noRateForLane(let origin, let destination):
      ["origin": origin, "destination": destination]
    case .declaredValueOverCap(let cap): ["cap_fen": String(cap.minorUnits)]
    case .serviceNotOffered(let kind): ["service": kind.rawValue]
    case .insuranceNotOffered: [:]
    }
  }
}
