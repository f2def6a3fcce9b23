import FreightdeskCore
import Storage

/// What pricing reads of a company's commercial tables besides the shipment: the list card,
/// the chargeable-weight rule and the promotions, each customer's contracts and the contract
/// cards. Every price (an order's, a quote's, the portal's instant price) needs them, and they
/// change a few times a month, so they are remembered per database connection together with a
/// counter that every change to those tables moves (see ``ChangeCounter``): a price reads one
/// row of them instead of four queries, and never uses a card, contract or promotion that has
/// changed.
struct PricingBasis: Sendable {
  /// The company's list card, compiled; nil when it has none.
  let list: RateCard?
  /// How volume turns into chargeable weight.
  let chargeableWeight: ChargeableWeight
  /// Every promotion, newest first.
  let promotions: [Promotion]

  /// The counter that changes to the pricing tables move.
  static let counter = ChangeCounter(name: "pricing_generation")

  /// The tables a price reads.
  static let watchedTables = ["rate_cards", "contracts", "promotions", "pricing_settings"]

  /// The migration that creates the counters and their triggers.
  static let migration = counter.creation(
    module: CommercialSchema.module, number: 27, migration: "pricing_generations",
    watching: watchedTables)

  private static let bases = GenerationCache<Int, PricingBasis>()
  private static let contracts = GenerationCache<CustomerContracts, [Contract]>()
  private static let contractCards = GenerationCache<ContractCard, RateCard>()

  /// A customer's contracts as one connection read them.
  private struct CustomerContracts: Hashable {
    let connection: Int
    let customer: Identifier
  }

  /// A contract's rate card as one connection read it.
  private struct ContractCard: Hashable {
    let connection: Int
    let card: Identifier
  }

  /// The company's basis as of `scope`'s transaction, at its counter `generation`.
  static func load(generation: Int64?, _ scope: TenantScope) throws -> PricingBasis {
    try bases.value(for: scope.connectionSerial, generation: generation, scope) {
      PricingBasis(
        list: try RateCardStore.compiledListCard(scope),
        chargeableWeight: try PricingSettingsStore.load(scope),
        promotions: try PromotionStore.list(scope))
    }
  }

  /// The customer's contract valid on `day` that started last (the later id when two started
  /// together), if any, from the customer's contracts as remembered at `generation`.
  static func contract(
    for customer: Identifier, on day: CivilDate, generation: Int64?, _ scope: TenantScope
  ) throws -> Contract? {
    let key = CustomerContracts(connection: scope.connectionSerial, customer: customer)
    return try contracts.value(for: key, generation: generation, scope) {
      try ContractStore.all(of: customer, scope)
    }.first { $0.validFrom <= day && day <= $0.validThrough }
  }

  /// The compiled rate card `id` (a contract's), as remembered at `generation`.
  static func card(_ id: Identifier, generation: Int64?, _ scope: TenantScope) throws -> RateCard {
    let key = ContractCard(connection: scope.connectionSerial, card: id)
    return try contractCards.value(for: key, generation: generation, scope) {
      try RateCardStore.compiledCard(id, scope)
    }
  }
}
