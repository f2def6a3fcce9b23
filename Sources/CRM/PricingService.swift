import FreightdeskCore
import Storage

/// Prices a shipment with the company's data: its chargeable-weight rule, its list card, the
/// customer's contract card valid on the shipping day, and its promotions.
enum PricingService {
  /// The breakdown for `request`, for `customer` when known.
  static func price(
    _ request: PricingRequest, customer: Identifier?, _ scope: TenantScope
  ) throws -> PriceBreakdown {
    guard let list = try RateCardStore.compiledListCard(scope) else {
      throw CommercialError.noListRateCard
    }
    var contractCard: RateCard?
    if let customer,
      let contract = try ContractStore.valid(
        for: customer, on: request.shipDate, scope)
    {
      contractCard = try RateCardStore.compiledCard(contract.rateCardID, scope)
    }
    let engine = PricingEngine(chargeableWeight: try PricingSettingsStore.load(scope))
    return try engine.price(
      request, list: list, contract: contractCard, promotions: try PromotionStore.list(scope))
  }
}
