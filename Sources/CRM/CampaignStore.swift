import FreightdeskCore
import Storage

/// Reads and writes `campaigns`, and the contacts campaigns reach.
enum CampaignStore {
  static func list(_ scope: TenantScope) throws -> [Campaign] {
    try scope.query("\(select) WHERE tenant_id = $1 ORDER BY id DESC", []).map(campaign(from:))
  }

  static func load(_ id: Identifier, _ scope: TenantScope) throws -> Campaign {
    guard
      let row = try scope.query(
        "\(select) WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw CRMError.campaignNotFound }
    return try campaign(from: row)
  }

  static func insert(_ campaign: Campaign, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO campaigns (tenant_id, id, name, segment_id, promotion_id, message, starts_on,
        ends_on, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      """,
      [
        .integer(campaign.id.rawValue), .text(campaign.name),
        .integer(campaign.segmentID.rawValue), .integer(campaign.promotionID.rawValue),
        .text(campaign.message), .text(campaign.startsOn), .text(campaign.endsOn),
        .integer(campaign.createdAt.epochMilliseconds),
      ])
  }

  /// Marks the campaign started at `now` and freezes `targets`, in their order, as its
  /// recipients.
  static func start(
    _ id: Identifier, targets: [Identifier], at now: Instant, _ scope: TenantScope
  ) throws {
    try scope.execute(
      "UPDATE campaigns SET started_at = $3 WHERE tenant_id = $1 AND id = $2",
      [.integer(id.rawValue), .integer(now.epochMilliseconds)])
    for (position, customer) in targets.enumerated() {
      try scope.execute(
        """
        INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, position)
        VALUES ($1, $2, $3, $4)
        """, [.integer(id.rawValue), .integer(customer.rawValue), .integer(Int64(position))])
    }
  }

  /// The customers frozen as the started campaign `id`'s recipients, in their order.
  static func frozenTargets(of id: Identifier, _ scope: TenantScope) throws -> [Identifier] {
    try scope.query(
      """
      SELECT customer_id FROM campaign_recipients WHERE tenant_id = $1 AND campaign_id = $2
      ORDER BY position
      """, [.integer(id.rawValue)]
    ).map { try $0.identifier("customer_id") }
  }

  /// The name and code of promotion `id` (`双十一 (DOUBLE11)`), or nil when there is none.
  static func promotionLabel(_ id: Identifier, _ scope: TenantScope) throws -> String? {
    try scope.query(
      "SELECT code, name FROM promotions WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
    ).first.map { "\(try $0.string("name")) (\(try $0.string("code")))" }
  }

  /// Every promotion's id and label, latest first, for choosing one.
  static func promotionChoices(_ scope: TenantScope) throws -> [(id: Identifier, label: String)] {
    try scope.query(
      "SELECT id, code, name FROM promotions WHERE tenant_id = $1 ORDER BY valid_from DESC, code",
      []
    ).map { (try $0.identifier("id"), "\(try $0.string("name")) (\(try $0.string("code")))") }
  }

  /// The contacts of `customers`, customer by customer in their order, each customer's
  /// contacts oldest first.
  static func recipients(of customers: [Customer], _ scope: TenantScope) throws
    -> [CampaignRecipient]
  {
    var byCustomer: [Identifier: [CampaignRecipient]] = [:]
    let names = Dictionary(uniqueKeysWithValues: customers.map { ($0.id, $0.name) })
    for start in stride(from: 0, to: customers.count, by: batchMax) {
      let batch = customers[start..<min(customers.count, start + batchMax)]
      let list = (2..<(batch.count + 2)).map { "$\($0)" }.joined(separator: ", ")
      for row in try scope.query(
        """
        SELECT customer_id, name, email, mobile, wechat FROM customer_contacts
        WHERE tenant_id = $1 AND customer_id IN (\(list)) ORDER BY id
        """, batch.map { .integer($0.id.rawValue) })
      {
        let customer = try row.identifier("customer_id")
        byCustomer[customer, default: []].append(
          CampaignRecipient(
            customerID: customer, customerName: names[customer] ?? "",
            contactName: try row.string("name"), email: try row.optionalString("email"),
            mobile: try row.optionalString("mobile"), wechat: try row.optionalString("wechat")))
      }
    }
    return customers.flatMap { byCustomer[$0.id] ?? [] }
  }

  private static let batchMax = 500

  private static let select = """
    SELECT id, name, segment_id, promotion_id, message, starts_on, ends_on, created_at,
      started_at
    FROM campaigns
    """

  private static func campaign(from row: Row) throws -> Campaign {
    Campaign(
      id: try row.identifier("id"), name: try row.string("name"),
      segmentID: try row.identifier("segment_id"),
      promotionID: try row.identifier("promotion_id"), message: try row.string("message"),
      startsOn: try row.string("starts_on"), endsOn: try row.string("ends_on"),
      createdAt: try row.instant("created_at"),
      startedAt: try row.optionalInstant("started_at"))
  }
}
