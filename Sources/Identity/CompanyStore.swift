import Foundation
import FreightdeskCore
import Storage

/// Reads and writes the `tenants` table.
enum CompanyStore {
  static let columns = """
    tenant_id, slug, name, short_name, credit_code, address, taxpayer_kind, time_zone,
    default_locale, trial_ends_at, trial_extended, two_factor_required, logo_updated_at, version
    """

  /// The tenant whose sign-in code is `slug`. The company directory is the one lookup made
  /// before a tenant is known, so it reads across tenants by design.
  static func tenant(slug: String, in database: any Database) throws -> TenantID? {
    try database.read { executor in
      try executor.query(
        "SELECT tenant_id FROM tenants WHERE slug = $1", [.text(slug.lowercased())]
      ).first.map { TenantID(try $0.identifier("tenant_id")) }
    }
  }

  /// The company of `scope`.
  static func load(_ scope: TenantScope) throws -> Company {
    let rows = try scope.query(
      "SELECT \(columns) FROM tenants WHERE tenant_id = $1 AND id = $1", [])
    guard let row = rows.first else { throw IdentityError.companyNotFound }
    return try company(from: row)
  }

  static func company(from row: Row) throws -> Company {
    Company(
      tenant: TenantID(try row.identifier("tenant_id")), slug: try row.string("slug"),
      name: try row.string("name"), shortName: try row.string("short_name"),
      creditCode: try row.optionalString("credit_code"), address: try row.string("address"),
      taxpayerKind: TaxpayerKind(rawValue: try row.string("taxpayer_kind")) ?? .general,
      timeZone: TimeZone(identifier: try row.string("time_zone")) ?? .shanghai,
      defaultLocale: try row.string("default_locale"),
      trialEndsAt: try row.optionalInstant("trial_ends_at"),
      trialExtended: try row.bool("trial_extended"),
      twoFactorRequired: try row.bool("two_factor_required"),
      logoUpdatedAt: try row.optionalInstant("logo_updated_at"), version: try row.int64("version"))
  }

  static func insert(_ company: Company, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO tenants (tenant_id, id, slug, name, short_name, credit_code, address,
        taxpayer_kind, time_zone, default_locale, trial_ends_at, trial_extended,
        two_factor_required, created_at, version)
      VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)
      """,
      [
        .text(company.slug), .text(company.name), .text(company.shortName),
        SQLValue(company.creditCode), .text(company.address),
        .text(company.taxpayerKind.rawValue), .text(company.timeZone.identifier),
        .text(company.defaultLocale), SQLValue(company.trialEndsAt),
        SQLValue(company.trialExtended), SQLValue(company.twoFactorRequired),
        .integer(now.epochMilliseconds),
      ])
  }

  /// Writes changed details; throws `precondition_failed` when `expectedVersion` is stale.
  static func update(_ company: Company, expectedVersion: Int64, _ scope: TenantScope) throws {
    let changed = try scope.execute(
      """
      UPDATE tenants SET name = $2, short_name = $3, credit_code = $4, address = $5,
        taxpayer_kind = $6, time_zone = $7, default_locale = $8, trial_ends_at = $9,
        trial_extended = $10, two_factor_required = $11, version = version + 1
      WHERE tenant_id = $1 AND id = $1 AND version = $12
      """,
      [
        .text(company.name), .text(company.shortName), SQLValue(company.creditCode),
        .text(company.address), .text(company.taxpayerKind.rawValue),
        .text(company.timeZone.identifier), .text(company.defaultLocale),
        SQLValue(company.trialEndsAt), SQLValue(company.trialExtended),
        SQLValue(company.twoFactorRequired), .integer(expectedVersion),
      ])
    if changed == 0 { throw IdentityError.staleVersion }
  }
}

extension TimeZone {
  /// Asia/Shanghai, the default zone of a Chinese company.
  static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
}
