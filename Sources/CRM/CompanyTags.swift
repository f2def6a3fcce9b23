public import FreightdeskCore
import Storage
public import Web

/// One of the company's tags with how many customers carry it, given by hand, by a rule, or
/// either way (a customer tagged both ways counts once in `customers`).
public struct CompanyTag: Codable, Sendable, Equatable {
  /// The label.
  public var tag: String
  /// Customers given the tag by hand.
  public var manualCustomers: Int
  /// Customers given the tag by an automatic rule.
  public var automaticCustomers: Int
  /// Customers carrying the tag at all.
  public var customers: Int

  enum CodingKeys: String, CodingKey {
    case tag, customers
    case manualCustomers = "manual_customers"
    case automaticCustomers = "automatic_customers"
  }
}

/// A tag given by hand, renamed on every customer carrying it.
public struct TagRenameInput: Codable, Sendable {
  /// The tag as it is now.
  public var tag: String
  /// Its new label, at most 20 characters; customers already tagged so keep one tag.
  public var newTag: String

  enum CodingKeys: String, CodingKey {
    case tag
    case newTag = "new_tag"
  }

  /// An input.
  public init(tag: String, newTag: String) {
    self.tag = tag
    self.newTag = newTag
  }
}

/// A tag given by hand, to take off every customer carrying it.
public struct TagRemovalInput: Codable, Sendable {
  /// The tag.
  public var tag: String

  /// An input.
  public init(tag: String) {
    self.tag = tag
  }
}

/// What a change of a tag across customers did: the tag as it is now and how many customers'
/// tags changed.
public struct TagChange: Codable, Sendable, Equatable {
  /// The tag after the change (the removed tag for a removal).
  public var tag: String
  /// The customers whose tag changed.
  public var customers: Int
}

extension CRMService {
  /// The company's tags, manual and automatic, with how many customers (not merged away)
  /// carry each; the most used first.
  public func companyTags(in tenant: TenantID) throws -> [CompanyTag] {
    try database.read(for: tenant) { try CompanyTagStore.list($0) }
  }

  /// Renames a tag given by hand on every customer carrying it, in one transaction with an
  /// audit row per changed tag. A customer that already has the new tag keeps that one (and
  /// its reason) and loses the old. Automatic tags are renamed in their rules instead.
  @discardableResult
  public func renameTag(_ input: TagRenameInput, in tenant: TenantID, audit: AuditContext)
    throws -> TagChange
  {
    let problems =
      CustomerRules.text(input.tag, pointer: "/tag", max: 20)
      + CustomerRules.text(input.newTag, pointer: "/new_tag", max: 20)
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let (old, new) = (input.tag.trimmed, input.newTag.trimmed)
    return try database.write(for: tenant) { scope in
      let carriers = try CompanyTagStore.carriers(of: old, scope)
      if carriers.isEmpty { throw CRMError.manualTagNotFound(old) }
      guard old != new else { return TagChange(tag: new, customers: 0) }
      let kept = Set(try CompanyTagStore.carriers(of: new, scope).map(\.customerID))
      try CompanyTagStore.rename(old, to: new, scope)
      try audit.record(
        carriers.map { carrier in
          kept.contains(carrier.customerID)
            ? audit.entry(
              entity: "customer_tag", id: carrier.id, action: "delete",
              before: carrier.auditFields, after: ["replaced_by": new])
            : audit.entry(
              entity: "customer_tag", id: carrier.id, action: "rename",
              before: carrier.auditFields, after: ["tag": new])
        }, in: scope)
      return TagChange(tag: new, customers: carriers.count)
    }
  }

  /// Takes a tag given by hand off every customer carrying it, in one transaction with an
  /// audit row per removed tag.
  @discardableResult
  public func removeTagEverywhere(
    _ input: TagRemovalInput, in tenant: TenantID, audit: AuditContext
  ) throws -> TagChange {
    let problems = CustomerRules.text(input.tag, pointer: "/tag", max: 20)
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let tag = input.tag.trimmed
    return try database.write(for: tenant) { scope in
      let carriers = try CompanyTagStore.carriers(of: tag, scope)
      if carriers.isEmpty { throw CRMError.manualTagNotFound(tag) }
      try CompanyTagStore.remove(tag, scope)
      try audit.record(
        carriers.map {
          audit.entry(
            entity: "customer_tag", id: $0.id, action: "delete", before: $0.auditFields)
        }, in: scope)
      return TagChange(tag: tag, customers: carriers.count)
    }
  }
}

/// Reads and changes tags across the company's customers.
enum CompanyTagStore {
  /// A tag given by hand to one customer.
  struct Carrier {
    var id: Identifier
    var customerID: Identifier
    var tag: String
    var reason: String

    var auditFields: [String: String] {
      ["customer_id": customerID.description, "tag": tag, "reason": reason]
    }
  }

  static func list(_ scope: TenantScope) throws -> [CompanyTag] {
    try scope.query(
      """
      SELECT t.tag AS tag, COUNT(CASE WHEN t.kind = 'manual' THEN 1 END) AS manual,
        COUNT(CASE WHEN t.kind = 'automatic' THEN 1 END) AS automatic,
        COUNT(DISTINCT t.customer_id) AS customers
      FROM (
        SELECT g.tag AS tag, g.customer_id AS customer_id, 'manual' AS kind
        FROM customer_tags g JOIN customers c ON c.tenant_id = g.tenant_id AND c.id = g.customer_id
        WHERE g.tenant_id = $1 AND c.merged_into_id IS NULL
        UNION ALL
        SELECT a.tag, a.customer_id, 'automatic'
        FROM customer_automatic_tags a
          JOIN customers d ON d.tenant_id = a.tenant_id AND d.id = a.customer_id
        WHERE a.tenant_id = $1 AND d.merged_into_id IS NULL
      ) t
      GROUP BY t.tag
      """, []
    ).map { row in
      CompanyTag(
        tag: try row.string("tag"), manualCustomers: Int(try row.int64("manual")),
        automaticCustomers: Int(try row.int64("automatic")),
        customers: Int(try row.int64("customers")))
    }
    // Sorted here, not by the engines' differing text collations.
    .sorted { ($1.customers, $0.tag) < ($0.customers, $1.tag) }
  }

  /// The customers given `tag` by hand, oldest tag first.
  static func carriers(of tag: String, _ scope: TenantScope) throws -> [Carrier] {
    try scope.query(
      """
      SELECT id, customer_id, tag, reason FROM customer_tags
      WHERE tenant_id = $1 AND tag = $2 ORDER BY id
      """, [.text(tag)]
    ).map { row in
      Carrier(
        id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
        tag: try row.string("tag"), reason: try row.string("reason"))
    }
  }

  /// Renames `old` to `new` where the customer lacks `new`, and drops the rest of `old`.
  static func rename(_ old: String, to new: String, _ scope: TenantScope) throws {
    try scope.execute(
      """
      UPDATE customer_tags SET tag = $3
      WHERE tenant_id = $1 AND tag = $2 AND customer_id NOT IN (
        SELECT k.customer_id FROM customer_tags k WHERE k.tenant_id = $1 AND k.tag = $3)
      """, [.text(old), .text(new)])
    try remove(old, scope)
  }

  static func remove(_ tag: String, _ scope: TenantScope) throws {
    try scope.execute(
      "DELETE FROM customer_tags WHERE tenant_id = $1 AND tag = $2", [.text(tag)])
  }
}
