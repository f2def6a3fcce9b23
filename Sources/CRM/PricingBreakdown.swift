public import FreightdeskCore

/// One line of a price: its stable code and its amount (a discount is negative).
///
/// Codes: `freight`, `surcharge.<kind>` (e.g. `surcharge.cold_chain`), `insurance`, `fuel`,
/// `promotion`; each is shown through the catalog key `pricing.line.<code>`.
public struct PriceLine: Hashable, Sendable, Codable {
  /// The line's stable code.
  public var code: String
  /// The amount, half-up to the fen; negative for a discount.
  public var amount: Money

  /// A line.
  public init(code: String, amount: Money) {
    self.code = code
    self.amount = amount
  }
}

/// Where the lane's rates came from.
public enum RateSource: String, Sendable, Codable {
  /// The company's list card.
  case list
  /// The customer's contract card, which overrides the list.
  case contract
}

/// A computed price with everything that made it: the chargeable weight, the lane and card
/// used, whether the minimum charge applied, the promotion, and every line in order
/// (freight, surcharges, insurance, fuel, promotion), which add up to ``total``.
public struct PriceBreakdown: Hashable, Sendable {
  /// The chargeable weight the freight was priced on.
  public var chargeableWeight: Weight
  /// The lane's origin pattern.
  public var laneOrigin: RegionPattern
  /// The lane's destination pattern.
  public var laneDestination: RegionPattern
  /// The card the lane came from.
  public var rateSource: RateSource
  /// The card's name.
  public var rateCardName: String
  /// Whether the freight was raised to the lane's minimum charge.
  public var minimumChargeApplied: Bool
  /// The code of the promotion applied, if any.
  public var promotionCode: String?
  /// Every line in order.
  public var lines: [PriceLine]

  /// The sum of the lines.
  public var total: Money {
    lines.reduce(.zero(lines.first?.amount.currency ?? .cny)) { $0 + $1.amount }
  }

  /// The amount of the line with `code`, if present.
  public func amount(of code: String) -> Money? {
    lines.first { $0.code == code }?.amount
  }
}
