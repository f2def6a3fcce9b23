import FreightdeskCore
import Storage
import Web

/// Reads and writes promotions.
enum PromotionStore {
  /// Every promotion, latest first.
  static func list(_ scope: TenantScope) throws -> [Promotion] {
    try scope.query(
      """
      SELECT code, name, percent_basis_points, fixed_fen, segment, valid_from, valid_through
      FROM promotions WHERE tenant_id = $1 ORDER BY valid_from DESC, code
      """, []
    ).map { row in
      let discount: Promotion.Discount =
        if let share = try row.optionalInt64("percent_basis_points") {
          .percent(basisPoints: share)
        } else {
          .fixed(Money(minorUnits: try row.optionalInt64("fixed_fen") ?? 0))
        }
      return Promotion(
        code: try row.string("code"), name: try row.string("name"), discount: discount,
        segment: try row.optionalString("segment"),
        validFrom: try row.calendarDay("valid_from"),
        validThrough: try row.calendarDay("valid_through"))
    }
  }

  /// Saves a new promotion and audits it.
  static func create(
    _ promotion: Promotion, id: Identifier, audit: AuditContext, _ scope: TenantScope
  ) throws {
    try insert(promotion, id: id, scope)
    try audit.record(
      entity: "promotion", id: id, action: "create", after: ["code": promotion.code], in: scope)
  }

  /// Saves a new promotion; a code already used is `promotion_code_taken`.
  static func insert(_ promotion: Promotion, id: Identifier, _ scope: TenantScope) throws {
    var share: Int64?
    var fixed: Int64?
    switch promotion.discount {
    case .percent(let basisPoints): share = basisPoints
    case .fixed(let amount): fixed = amount.minorUnits
    }
    do {
      try scope.execute(
        """
        INSERT INTO promotions (tenant_id, id, code, name, percent_basis_points, fixed_fen,
          segment, valid_from, valid_through)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        [
          .integer(id.rawValue), .text(promotion.code), .text(promotion.name), SQLValue(share),
          SQLValue(fixed), SQLValue(promotion.segment), .text(promotion.validFrom.description),
          .text(promotion.validThrough.description),
        ])
    } catch DatabaseError.uniqueViolation {
      throw ValidationFailure(pointer: "/code", code: "promotion_code_taken")
    }
  }

}
