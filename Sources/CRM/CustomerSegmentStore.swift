import Foundation
import FreightdeskCore
import Storage

/// Reads and writes `customer_segments`, and finds the customers a filter's stored
/// conditions (platform, tags, region, status, owner) hold.
enum CustomerSegmentStore {
  static func list(_ scope: TenantScope) throws -> [CustomerSegment] {
    try scope.query("\(select) WHERE tenant_id = $1 ORDER BY name", []).map(segment(from:))
  }

  static func load(_ id: Identifier, _ scope: TenantScope) throws -> CustomerSegment {
    guard
      let row = try scope.query(
        "\(select) WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw CRMError.customerSegmentNotFound }
    return try segment(from: row)
  }

  static func insert(_ segment: CustomerSegment, _ scope: TenantScope) throws {
    try unique(segment.name) {
      try scope.execute(
        """
        INSERT INTO customer_segments (tenant_id, id, name, filter, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        """,
        [
          .integer(segment.id.rawValue), .text(segment.name), .text(try text(segment.filter)),
          .integer(segment.createdAt.epochMilliseconds),
          .integer(segment.updatedAt.epochMilliseconds),
        ])
    }
  }

  static func update(_ segment: CustomerSegment, _ scope: TenantScope) throws {
    try unique(segment.name) {
      try scope.execute(
        """
        UPDATE customer_segments SET name = $3, filter = $4, updated_at = $5
        WHERE tenant_id = $1 AND id = $2
        """,
        [
          .integer(segment.id.rawValue), .text(segment.name), .text(try text(segment.filter)),
          .integer(segment.updatedAt.epochMilliseconds),
        ])
    }
  }

  static func delete(_ id: Identifier, _ scope: TenantScope) throws {
    let deleted = try scope.execute(
      "DELETE FROM customer_segments WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)])
    if deleted == 0 { throw CRMError.customerSegmentNotFound }
  }

  /// The customers (not merged away) meeting the filter's stored conditions, newest first.
  static func candidates(_ filter: CustomerSegmentFilter, _ scope: TenantScope) throws
    -> [Identifier]
  {
    var sql = "SELECT c.id FROM customers c WHERE c.tenant_id = $1 AND c.merged_into_id IS NULL"
    var parameters: [SQLValue] = []
    func condition(_ text: String, _ value: SQLValue) {
      parameters.append(value)
      sql += " AND " + text.replacingOccurrences(of: "?", with: "$\(parameters.count + 1)")
    }
    if let platform = filter.platform { condition("c.segment_code = ?", .text(platform)) }
    if let status = filter.status { condition("c.status = ?", .text(status.rawValue)) }
    if let owner = filter.ownerID { condition("c.owner_id = ?", .integer(owner.rawValue)) }
    for tag in filter.tags {
      condition(
        """
        c.id IN (SELECT g.customer_id FROM customer_tags g WHERE g.tenant_id = $1 AND g.tag = ?
          UNION SELECT a.customer_id FROM customer_automatic_tags a
          WHERE a.tenant_id = $1 AND a.tag = ?)
        """, .text(tag))
    }
    if let province = filter.province {
      condition(
        """
        c.id IN (SELECT r.customer_id FROM customer_addresses r
          WHERE r.tenant_id = $1 AND r.province = ?)
        """, .text(province))
    }
    if let city = filter.city {
      condition(
        """
        c.id IN (SELECT r.customer_id FROM customer_addresses r
          WHERE r.tenant_id = $1 AND r.city = ?)
        """, .text(city))
    }
    sql += " ORDER BY c.id DESC"
    return try scope.query(sql, parameters).map { try $0.identifier("id") }
  }

  private static let select =
    "SELECT id, name, filter, created_at, updated_at FROM customer_segments"

  private static func unique(_ name: String, _ write: () throws -> Void) throws {
    do {
      try write()
    } catch DatabaseError.uniqueViolation {
      throw CRMError.customerSegmentNameTaken(name)
    }
  }

  private static func text(_ filter: CustomerSegmentFilter) throws -> String {
    try CompactJSONEncoder().text(filter)
  }

  private static func segment(from row: Row) throws -> CustomerSegment {
    CustomerSegment(
      id: try row.identifier("id"), name: try row.string("name"),
      filter: try JSONValueDecoder().decode(
        CustomerSegmentFilter.self, fromText: try row.string("filter")),
      createdAt: try row.instant("created_at"), updatedAt: try row.instant("updated_at"))
  }
}
