import FreightdeskCore
import Storage
import Web

/// Reads and writes credit holds.
enum CreditHoldStore {
  private static let columns = """
    SELECT id, customer_id, reference, amount_fen, limit_fen, exposure_fen, reason, status,
      decided_by, decision_note FROM credit_holds
    """

  /// Holds in `status` (all when nil) older than `before`, latest first, at most `limit`.
  static func list(status: String?, before: Identifier?, limit: Int, _ scope: TenantScope)
    throws -> [CreditHold]
  {
    try scope.query(
      """
      \(columns) WHERE tenant_id = $1 AND ($2 = '' OR status = $2) AND id < $3
      ORDER BY id DESC LIMIT $4
      """,
      [.text(status ?? ""), .integer(before?.rawValue ?? .max), .integer(Int64(limit))]
    ).map(hold)
  }

  /// One hold, or `not_found`.
  static func load(_ id: Identifier, _ scope: TenantScope) throws -> CreditHold {
    guard
      let row = try scope.query(
        "\(columns) WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw HTTPError.notFound }
    return try hold(row)
  }

  /// Saves a new hold.
  static func insert(_ hold: CreditHold, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO credit_holds (tenant_id, id, customer_id, reference, amount_fen, limit_fen,
        exposure_fen, reason, status, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      """,
      [
        .integer(hold.id.rawValue), .integer(hold.customerID.rawValue), .text(hold.reference),
        .integer(hold.amountFen), .integer(hold.limitFen), .integer(hold.exposureFen),
        .text(hold.reason.rawValue), .text(hold.status), SQLValue(now),
      ])
  }

  /// Stores finance's decision.
  static func saveDecision(_ hold: CreditHold, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      """
      UPDATE credit_holds SET status = $3, decided_by = $4, decided_at = $5, decision_note = $6
      WHERE tenant_id = $1 AND id = $2
      """,
      [
        .integer(hold.id.rawValue), .text(hold.status), SQLValue(hold.decidedBy), SQLValue(now),
        SQLValue(hold.decisionNote),
      ])
  }

  private static func hold(_ row: Row) throws -> CreditHold {
    CreditHold(
      id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
      reference: try row.string("reference"), amountFen: try row.int64("amount_fen"),
      limitFen: try row.int64("limit_fen"), exposureFen: try row.int64("exposure_fen"),
      reason: try row.code("reason", as: CreditHoldReason.self), status: try row.string("status"),
      decidedBy: try row.optionalIdentifier("decided_by"),
      decisionNote: try row.optionalString("decision_note"))
  }
}
