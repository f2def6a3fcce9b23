import FreightdeskCore
import Storage

/// The company's chargeable-weight rule (volumetric factor and rounding), one row per company;
/// a company that never set it prices with ``ChargeableWeight/standard``.
enum PricingSettingsStore {
  /// The company's rule.
  static func load(_ scope: TenantScope) throws -> ChargeableWeight {
    guard
      let row = try scope.query(
        """
        SELECT kilograms_per_cubic_metre, weight_rounding FROM pricing_settings
        WHERE tenant_id = $1 AND id = $1
        """, []
      ).first,
      let rounding = WeightRounding(rawValue: try row.string("weight_rounding"))
    else { return .standard }
    return ChargeableWeight(
      kilogramsPerCubicMetre: try row.int64("kilograms_per_cubic_metre"), rounding: rounding)
  }

  /// Replaces the company's rule.
  static func save(_ rule: ChargeableWeight, _ scope: TenantScope) throws {
    try scope.execute("DELETE FROM pricing_settings WHERE tenant_id = $1", [])
    try scope.execute(
      """
      INSERT INTO pricing_settings (tenant_id, id, kilograms_per_cubic_metre, weight_rounding)
      VALUES ($1, $1, $2, $3)
      """, [.integer(rule.kilogramsPerCubicMetre), .text(rule.rounding.rawValue)])
  }
}
