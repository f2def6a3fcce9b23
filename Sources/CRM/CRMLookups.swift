public import FreightdeskCore
public import Storage

/// What other modules and CRM's own forms may ask of CRM inside their own transaction, through
/// ports `App` implements: what ordering needs of a customer, customers' names, which customers
/// a form may pick, and a price with its breakdown. Reading in the caller's transaction keeps an
/// order's creation one write, however many questions it asks.
public enum CRMLookups {
  /// What ordering reads of customer `id` (names, segment, terms) in one narrow query: every
  /// order reads it while being checked and priced. Nil for an unknown or merged customer.
  public static func orderingFacts(_ id: Identifier, _ scope: TenantScope) throws
    -> CustomerOrderingFacts?
  {
    try CustomerStore.orderingFacts(id, scope)
  }

  /// The day-to-day names (the short name, else the registered one) of `ids`; unknown ids are
  /// left out.
  public static func names(of ids: Set<Identifier>, _ scope: TenantScope) throws
    -> [Identifier: String]
  {
    guard !ids.isEmpty else { return [:] }
    let sorted = ids.sorted()
    let placeholders = sorted.indices.map { "$\($0 + 2)" }.joined(separator: ", ")
    let rows = try scope.query(
      """
      SELECT id, name, short_name FROM customers
      WHERE tenant_id = $1 AND id IN (\(placeholders))
      """, sorted.map { .integer($0.rawValue) })
    var names: [Identifier: String] = [:]
    for row in rows {
      let short = try row.string("short_name")
      names[try row.identifier("id")] = short.isEmpty ? try row.string("name") : short
    }
    return names
  }

  /// The price of `body` with its breakdown, on `body`'s shipping day (or `today`), with the
  /// customer's contract card and the company's promotions.
  public static func price(_ body: PricingRequestBody, today: CivilDate, _ scope: TenantScope)
    throws -> PriceView
  {
    PriceView(
      try PricingService.price(
        try body.pricingRequest(today: today),
        customer: body.customerID.map(Identifier.init(rawValue:)), scope))
  }
}

extension PricingRequestBody {
  /// A shipment to price from `origin` to `destination`, for modules that build one (orders).
  public init(
    from origin: String, to destination: String, weightKg: Double, volumeM3: Double?,
    services: [String],
    declaredValueFen: Int64?, customerID: Int64?, segment: String?, shipDate: String?
  ) {
    self.origin = origin
    self.destination = destination
    self.weightKg = weightKg
    self.volumeM3 = volumeM3
    self.services = services
    self.declaredValueFen = declaredValueFen
    self.customerID = customerID
    self.segment = segment
    self.shipDate = shipDate
  }
}

extension CRMLookups {
  /// The ids of the promotions with `codes`, by code (codes are unique in a company); unknown
  /// codes are left out.
  public static func promotionIDs(byCode codes: Set<String>, _ scope: TenantScope) throws
    -> [String: Identifier]
  {
    guard !codes.isEmpty else { return [:] }
    let ordered = codes.sorted()
    let placeholders = ordered.indices.map { "$\($0 + 2)" }.joined(separator: ", ")
    var ids: [String: Identifier] = [:]
    for row in try scope.query(
      "SELECT id, code FROM promotions WHERE tenant_id = $1 AND code IN (\(placeholders))",
      ordered.map(SQLValue.text))
    {
      ids[try row.string("code")] = try row.identifier("id")
    }
    return ids
  }
}

extension CRMLookups {
  /// The name of `customer`, or nil when the company has no such customer.
  public static func name(of customer: Identifier, in scope: TenantScope) throws -> String? {
    try scope.query(
      "SELECT name FROM customers WHERE tenant_id = $1 AND id = $2 AND merged_into_id IS NULL",
      [.integer(customer.rawValue)]
    ).first.map { try $0.string("name") }
  }

  /// The company's longest-standing active customer, or nil when it has none (the demo's
  /// portal user acts for it).
  public static func longestStandingActive(in scope: TenantScope) throws -> Identifier? {
    try scope.query(
      """
      SELECT id FROM customers WHERE tenant_id = $1 AND status = 'active' AND merged_into_id IS NULL
      ORDER BY created_at, id LIMIT 1
      """, []
    ).first.map { try $0.identifier("id") }
  }

  /// The customers a form may pick from — every customer that is not lost or merged away —
  /// by short name, as (id, short name) pairs.
  public static func choices(in scope: TenantScope) throws -> [(id: Identifier, name: String)] {
    try scope.query(
      """
      SELECT id, short_name FROM customers
      WHERE tenant_id = $1 AND status <> 'lost' AND merged_into_id IS NULL
      ORDER BY short_name, id
      """, []
    ).map { (try $0.identifier("id"), try $0.string("short_name")) }
  }
}
