import FreightdeskCore

/// The one place a price is computed: pure, no I/O, the same answer for the same inputs.
///
/// The rules, in order:
/// 1. the lane: the customer's contract card is searched first; when it serves the route its
///    most specific lane prices it, otherwise the list card's most specific lane does
///    (`no_rate_for_lane` when neither serves it);
/// 2. the freight: the chargeable weight (company rule) and the volume priced by the lane's
///    breaks, the larger of the two bases, half-up to the fen, raised to the minimum charge;
/// 3. each service asked for, fixed or a share of the freight (`service_not_offered` when the
///    card lacks it); insurance as a share of the declared value with its minimum and cap;
/// 4. fuel as a share of the freight;
/// 5. the best single promotion, as a discount off the freight (see ``Promotion``).
///
/// Shares are of the freight after the minimum and before the promotion.
public struct PricingEngine: Sendable {
  /// The company's chargeable-weight rule.
  public var chargeableWeight: ChargeableWeight

  /// An engine with the company's rule.
  public init(chargeableWeight: ChargeableWeight) {
    self.chargeableWeight = chargeableWeight
  }

  /// Prices `request` on the list card, or on `contract` where it serves the route.
  public func price(
    _ request: PricingRequest, list: RateCard, contract: RateCard? = nil,
    promotions: [Promotion] = []
  ) throws -> PriceBreakdown {
    try request.validate()
    let (card, lane, source) = try pick(request, list: list, contract: contract)
    let weight = chargeableWeight.weight(actual: request.actualWeight, volume: request.volume)
    let computed = lane.freight(chargeableWeight: weight, volume: request.volume)
    let freight = max(computed, lane.minimumCharge)
    var lines = [PriceLine(code: "freight", amount: freight)]
    for kind in request.services.sorted() {
      guard let charge = card.surcharges[kind] else { throw PricingError.serviceNotOffered(kind) }
      lines.append(
        PriceLine(code: "surcharge.\(kind.rawValue)", amount: charge.amount(onFreight: freight)))
    }
    if let value = request.declaredValue, value.minorUnits > 0 {
      guard let insurance = card.insurance else { throw PricingError.insuranceNotOffered }
      lines.append(PriceLine(code: "insurance", amount: try insurance.fee(declaredValue: value)))
    }
    if card.fuelBasisPoints > 0 {
      let fuel = freight.multiplied(by: card.fuelBasisPoints, dividedBy: 10_000, rounding: .halfUp)
      lines.append(PriceLine(code: "fuel", amount: fuel))
    }
    let promotion = Promotion.best(
      of: promotions, on: request.shipDate, segment: request.segment, freight: freight)
    if let promotion {
      lines.append(
        PriceLine(code: "promotion", amount: .zero(freight.currency) - promotion.discount))
    }
    return PriceBreakdown(
      chargeableWeight: weight, laneOrigin: lane.origin, laneDestination: lane.destination,
      rateSource: source, rateCardName: card.name, minimumChargeApplied: computed < freight,
      promotionCode: promotion?.promotion.code, lines: lines)
  }

  private func pick(_ request: PricingRequest, list: RateCard, contract: RateCard?)
    throws(PricingError) -> (RateCard, Lane, RateSource)
  {
    if let contract, let lane = contract.lane(from: request.origin, to: request.destination) {
      return (contract, lane, .contract)
    }
    if let lane = list.lane(from: request.origin, to: request.destination) {
      return (list, lane, .list)
    }
    throw .noRateForLane(
      origin: request.origin.description, destination: request.destination.description)
  }
}
