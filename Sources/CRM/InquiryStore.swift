import FreightdeskCore
import Storage
import Web

/// Reads and writes inquiries.
enum InquiryStore {
  private static let columns = """
    SELECT id, number, customer_id, contact_name, contact_phone, origin, destination, cargo,
      weight_grams, volume_cubic_centimetres, ready_on, services, source, stage, lost_reason,
      created_at FROM inquiries
    """

  /// Inquiries at `stage` (all when nil) older than `before`, latest first, at most `limit`.
  static func list(
    stage: InquiryStage?, before: Identifier?, limit: Int, _ scope: TenantScope
  ) throws -> [Inquiry] {
    try scope.query(
      """
      \(columns) WHERE tenant_id = $1 AND ($2 = '' OR stage = $2) AND id < $3
      ORDER BY id DESC LIMIT $4
      """,
      [
        .text(stage?.rawValue ?? ""), .integer(before?.rawValue ?? .max),
        .integer(Int64(limit)),
      ]
    ).map(inquiry)
  }

  /// One inquiry, or `not_found`.
  static func load(_ id: Identifier, _ scope: TenantScope) throws -> Inquiry {
    guard
      let row = try scope.query(
        "\(columns) WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw HTTPError.notFound }
    return try inquiry(row)
  }

  /// Every inquiry's arrival instant and stage, for conversion figures.
  static func stages(_ scope: TenantScope) throws -> [(Instant, InquiryStage)] {
    try scope.query("SELECT created_at, stage FROM inquiries WHERE tenant_id = $1", []).map {
      (try $0.instant("created_at"), try $0.code("stage", as: InquiryStage.self))
    }
  }

  /// Saves a new inquiry.
  static func insert(_ inquiry: Inquiry, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO inquiries (tenant_id, id, number, customer_id, contact_name, contact_phone,
        origin, destination, cargo, weight_grams, volume_cubic_centimetres, ready_on, services,
        source, stage, lost_reason, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
      """,
      [
        .integer(inquiry.id.rawValue), .text(inquiry.number), SQLValue(inquiry.customerID),
        .text(inquiry.contactName), .text(inquiry.contactPhone),
        .text(inquiry.origin.description), .text(inquiry.destination.description),
        .text(inquiry.cargo), .integer(inquiry.weight.grams),
        .integer(inquiry.volume.cubicCentimetres), SQLValue(inquiry.readyOn?.description),
        .text(inquiry.services.map(\.rawValue).joined(separator: ",")), .text(inquiry.source),
        .text(inquiry.pipeline.stage.rawValue), SQLValue(inquiry.pipeline.lostReason),
        SQLValue(inquiry.createdAt),
      ])
  }

  /// Stores the pipeline's new state.
  static func saveStage(
    _ id: Identifier, _ pipeline: InquiryPipeline, at now: Instant, _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      UPDATE inquiries SET stage = $3, lost_reason = $4, updated_at = $5
      WHERE tenant_id = $1 AND id = $2
      """,
      [
        .integer(id.rawValue), .text(pipeline.stage.rawValue), SQLValue(pipeline.lostReason),
        SQLValue(now),
      ])
  }

  private static func inquiry(_ row: Row) throws -> Inquiry {
    Inquiry(
      id: try row.identifier("id"), number: try row.string("number"),
      customerID: try row.optionalIdentifier("customer_id"),
      contactName: try row.string("contact_name"), contactPhone: try row.string("contact_phone"),
      origin: RegionPath(try row.string("origin")),
      destination: RegionPath(try row.string("destination")),
      cargo: try row.string("cargo"), weight: Weight(grams: try row.int64("weight_grams")),
      volume: Volume(cubicCentimetres: try row.int64("volume_cubic_centimetres")),
      readyOn: try row.optionalString("ready_on").flatMap(CivilDate.init),
      services: try row.string("services").split(separator: ",").compactMap {
        SurchargeKind(rawValue: String($0))
      }, source: try row.string("source"),
      pipeline: InquiryPipeline(
        stage: try row.code("stage", as: InquiryStage.self),
        lostReason: try row.optionalString("lost_reason")),
      createdAt: try row.instant("created_at"))
  }
}
