import Foundation
public import FreightdeskCore
import Storage

/// A tag a rule gave a customer from its order history, with the figures that earned it.
public struct AutomaticTag: Codable, Sendable, Equatable {
  /// The customer.
  public var customerID: Identifier
  /// Why it applies: the rule, its test and the figures.
  public var finding: AutomaticTagFinding
  /// When the rules last looked at the customer's history.
  public var computedAt: Instant

  /// The tag.
  public var tag: String { finding.tag }
}

/// Reads and replaces `customer_automatic_tags` and the company's rules in
/// `automatic_tag_settings`.
enum AutomaticTagStore {
  /// The company's rules, or the defaults when it never changed them.
  static func settings(_ scope: TenantScope) throws -> AutomaticTagSettings {
    guard
      let row = try scope.query(
        "SELECT document FROM automatic_tag_settings WHERE tenant_id = $1 AND id = $1", []
      ).first
    else { return .defaults }
    return try JSONValueDecoder().decode(
      AutomaticTagSettings.self, fromText: try row.string("document"))
  }

  /// Replaces the company's rules.
  static func save(_ settings: AutomaticTagSettings, at now: Instant, _ scope: TenantScope)
    throws
  {
    let document = try CompactJSONEncoder().text(settings)
    try scope.execute("DELETE FROM automatic_tag_settings WHERE tenant_id = $1", [])
    try scope.execute(
      """
      INSERT INTO automatic_tag_settings (tenant_id, id, document, updated_at)
      VALUES ($1, $1, $2, $3)
      """, [.text(document), .integer(now.epochMilliseconds)])
  }

  /// The automatic tags of `customers`, by customer, in the rules' order.
  static func tags(of customers: [Identifier], _ scope: TenantScope) throws
    -> [Identifier: [AutomaticTag]]
  {
    guard !customers.isEmpty else { return [:] }
    let rows = try scope.query(
      """
      SELECT customer_id, rule, tag, basis, evidence, computed_at FROM customer_automatic_tags
      WHERE tenant_id = $1 AND customer_id IN (\(placeholders(customers.count, from: 2)))
      """, customers.map { .integer($0.rawValue) })
    let order = Dictionary(
      uniqueKeysWithValues: AutomaticTagRule.allCases.enumerated().map { ($1, $0) })
    return try Dictionary(grouping: rows.map(tag(from:)), by: \.customerID).mapValues {
      $0.sorted { order[$0.finding.rule, default: 0] < order[$1.finding.rule, default: 0] }
    }
  }

  /// Replaces a customer's automatic tags with `tags`.
  static func replace(of customer: Identifier, with tags: [AutomaticTag], _ scope: TenantScope)
    throws
  {
    try scope.execute(
      "DELETE FROM customer_automatic_tags WHERE tenant_id = $1 AND customer_id = $2",
      [.integer(customer.rawValue)])
    for tag in tags {
      try scope.execute(
        """
        INSERT INTO customer_automatic_tags (tenant_id, customer_id, rule, tag, basis, evidence,
          computed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        [
          .integer(customer.rawValue), .text(tag.finding.rule.rawValue), .text(tag.tag),
          .text(tag.finding.basis), .text(try evidenceText(tag.finding.evidence)),
          .integer(tag.computedAt.epochMilliseconds),
        ])
    }
  }

  /// Up to `limit` customers still in use (not merged away), by id, after `after`.
  static func customerIDs(after: Identifier?, limit: Int, _ scope: TenantScope) throws
    -> [Identifier]
  {
    try scope.query(
      """
      SELECT id FROM customers WHERE tenant_id = $1 AND merged_into_id IS NULL AND id > $2
      ORDER BY id LIMIT \(limit)
      """, [.integer(after?.rawValue ?? Int64.min)]
    ).map { try $0.identifier("id") }
  }

  /// Those of `customers` still in use (not merged away), in their order.
  static func live(_ customers: [Identifier], _ scope: TenantScope) throws -> [Identifier] {
    guard !customers.isEmpty else { return [] }
    let found = Set(
      try scope.query(
        """
        SELECT id FROM customers WHERE tenant_id = $1 AND merged_into_id IS NULL
          AND id IN (\(placeholders(customers.count, from: 2)))
        """, customers.map { .integer($0.rawValue) }
      ).map { try $0.identifier("id") })
    return customers.filter(found.contains)
  }

  /// How many customers are still in use.
  static func customerCount(_ scope: TenantScope) throws -> Int {
    try scope.query(
      "SELECT COUNT(*) AS n FROM customers WHERE tenant_id = $1 AND merged_into_id IS NULL", []
    ).first?.int("n") ?? 0
  }

  /// Complaints about each of `customers` from `from` up to `to`: interactions logged as
  /// complaints and `complaint.raised` events other modules announced.
  static func complaints(
    of customers: [Identifier], from: Instant, to: Instant, _ scope: TenantScope
  ) throws -> [Identifier: Int] {
    guard !customers.isEmpty else { return [:] }
    let list = placeholders(customers.count, from: 4)
    let rows = try scope.query(
      """
      SELECT customer_id, COUNT(*) AS n FROM (
        SELECT customer_id FROM interactions
        WHERE tenant_id = $1 AND kind = 'complaint' AND occurred_at >= $2 AND occurred_at < $3
          AND customer_id IN (\(list))
        UNION ALL
        SELECT customer_id FROM crm_timeline_events
        WHERE tenant_id = $1 AND topic = 'complaint.raised' AND occurred_at >= $2
          AND occurred_at < $3 AND customer_id IN (\(list))
      ) complaints GROUP BY customer_id
      """,
      [.integer(from.epochMilliseconds), .integer(to.epochMilliseconds)]
        + customers.map { .integer($0.rawValue) })
    return Dictionary(
      uniqueKeysWithValues: try rows.map { (try $0.identifier("customer_id"), try $0.int("n")) })
  }

  /// Drops the automatic tags of a customer merged away; the survivor keeps its own until
  /// the rules next look at it.
  static func drop(of customer: Identifier, _ scope: TenantScope) throws {
    try scope.execute(
      "DELETE FROM customer_automatic_tags WHERE tenant_id = $1 AND customer_id = $2",
      [.integer(customer.rawValue)])
  }

  private static func placeholders(_ count: Int, from first: Int) -> String {
    (first..<(first + count)).map { "$\($0)" }.joined(separator: ", ")
  }

  private static func evidenceText(_ evidence: [String: String]) throws -> String {
    try CompactJSONEncoder().text(evidence)
  }

  private static func tag(from row: Row) throws -> AutomaticTag {
    let ruleText = try row.string("rule")
    guard let rule = AutomaticTagRule(rawValue: ruleText) else {
      throw DatabaseError.columnTypeMismatch(
        column: "rule", expected: "automatic tag rule", found: ruleText)
    }
    let evidence = try JSONValueDecoder().decode(
      [String: String].self, fromText: try row.string("evidence"))
    return AutomaticTag(
      customerID: try row.identifier("customer_id"),
      finding: AutomaticTagFinding(
        rule: rule, tag: try row.string("tag"), basis: try row.string("basis"),
        evidence: evidence),
      computedAt: try row.instant("computed_at"))
  }
}
