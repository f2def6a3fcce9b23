import FreightdeskCore
import Storage
import Web

/// Reads and writes contracts.
enum ContractStore {
  private static let columns = """
    SELECT id, number, customer_id, title, rate_card_id, valid_from, valid_through, settlement,
      on_time_target_basis_points, renewal_reminder_days FROM contracts
    """

  /// Every contract, ending soonest first.
  static func list(_ scope: TenantScope) throws -> [Contract] {
    try scope.query("\(columns) WHERE tenant_id = $1 ORDER BY valid_through, id", []).map(contract)
  }

  /// One contract, or `not_found`.
  static func load(_ id: Identifier, _ scope: TenantScope) throws -> Contract {
    guard
      let row = try scope.query(
        "\(columns) WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw HTTPError.notFound }
    return try contract(row)
  }

  /// The customer's contracts, the latest to start first (the id breaking ties), so that the
  /// first valid on a day is the one that prices it.
  static func all(of customer: Identifier, _ scope: TenantScope) throws -> [Contract] {
    try scope.query(
      "\(columns) WHERE tenant_id = $1 AND customer_id = $2 ORDER BY valid_from DESC, id DESC",
      [.integer(customer.rawValue)]
    ).map(contract)
  }

  /// Saves a new contract.
  static func insert(_ contract: Contract, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO contracts (tenant_id, id, number, customer_id, title, rate_card_id,
        valid_from, valid_through, settlement, on_time_target_basis_points,
        renewal_reminder_days, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      """,
      [
        .integer(contract.id.rawValue), .text(contract.number),
        .integer(contract.customerID.rawValue), .text(contract.title),
        .integer(contract.rateCardID.rawValue), .text(contract.validFrom.description),
        .text(contract.validThrough.description), .text(contract.settlement.rawValue),
        .integer(contract.onTimeTargetBasisPoints), .integer(Int64(contract.renewalReminderDays)),
        SQLValue(now),
      ])
  }

  private static func contract(_ row: Row) throws -> Contract {
    Contract(
      id: try row.identifier("id"), number: try row.string("number"),
      customerID: try row.identifier("customer_id"), title: try row.string("title"),
      rateCardID: try row.identifier("rate_card_id"), validFrom: try row.calendarDay("valid_from"),
      validThrough: try row.calendarDay("valid_through"),
      settlement: try row.code("settlement", as: ContractSettlement.self),
      onTimeTargetBasisPoints: try row.int64("on_time_target_basis_points"),
      renewalReminderDays: try row.int("renewal_reminder_days"))
  }
}
