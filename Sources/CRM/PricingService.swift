import FreightdeskCore
import Storage

/// Prices a shipment with the company's data: its chargeable-weight rule, its list card, the
/// customer's contract card valid on the shipping day, and its promotions.
enum PricingService {
  /// The breakdown for `request`, for `customer` when known.
  static func price(
    _ request: PricingRequest, customer: Identifier?, _ scope: TenantScope
  ) throws -> PriceBreakdown {
    let generation = try PricingBasis.counter.current(scope)
    let basis = try PricingBasis.load(generation: generation, scope)
    guard let list = basis.list else { throw CommercialError.noListRateCard }
    var contractCard: RateCard?
    if let customer,
      let contract = try PricingBasis.contract(
        for: customer, on: request.shipDate, generation: generation, scope)
    {
      contractCard = try PricingBasis.card(contract.rateCardID, generation: generation, scope)
    }
    let engine = PricingEngine(chargeableWeight: basis.chargeableWeight)
    return try engine.price(
      request, list: list, contract: contractCard, promotions: basis.promotions)
  }
}
