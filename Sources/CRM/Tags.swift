public import FreightdeskCore
import Storage
public import Web

/// A label on a customer with the reason it was given, e.g. 冷链 because 经营生鲜食品.
public struct CustomerTag: Codable, Sendable, Equatable {
  /// The tag's id.
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// The label.
  public var tag: String
  /// Why it applies.
  public var reason: String
  /// Who gave it.
  public var addedByName: String
  /// When.
  public var addedAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, tag, reason
    case customerID = "customer_id"
    case addedByName = "added_by_name"
    case addedAt = "added_at"
  }
}

/// A tag to give a customer.
public struct TagInput: Codable, Sendable {
  /// The label, at most 20 characters.
  public var tag: String
  /// Why it applies, at most 200 characters.
  public var reason: String

  /// An input.
  public init(tag: String, reason: String) {
    self.tag = tag
    self.reason = reason
  }
}

extension CRMService {
  /// A customer's tags, oldest first.
  public func tags(of customer: Identifier, in tenant: TenantID) throws -> [CustomerTag] {
    try reading(customer, in: tenant) { try TagStore.list(of: customer, $0) }
  }

  /// Gives a customer a tag with its reason.
  @discardableResult
  public func addTag(
    _ input: TagInput, to customer: Identifier, by author: StaffMember, in tenant: TenantID,
    audit: AuditContext
  ) throws -> CustomerTag {
    let tag = try validTag(input, customer: customer, by: author)
    try database.write(for: tenant) { scope in
      _ = try CustomerStore.load(customer, scope)
      try insertTag(tag, audit: audit, scope)
    }
    return tag
  }

  /// Takes a tag off a customer.
  public func removeTag(
    _ id: Identifier, of customer: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws {
    try database.write(for: tenant) { scope in
      let removed = try scope.execute(
        "DELETE FROM customer_tags WHERE tenant_id = $1 AND id = $2 AND customer_id = $3",
        [.integer(id.rawValue), .integer(customer.rawValue)])
      if removed == 0 { throw CRMError.tagNotFound }
      try audit.record(entity: "customer_tag", id: id, action: "delete", in: scope)
    }
  }

  func validTag(_ input: TagInput, customer: Identifier, by author: StaffMember) throws
    -> CustomerTag
  {
    let problems =
      CustomerRules.text(input.tag, pointer: "/tag", max: 20)
      + CustomerRules.text(input.reason, pointer: "/reason", max: 200)
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return CustomerTag(
      id: identifiers.next(), customerID: customer, tag: input.tag.trimmed,
      reason: input.reason.trimmed, addedByName: author.name, addedAt: clock.now())
  }

  func insertTag(_ tag: CustomerTag, audit: AuditContext, _ scope: TenantScope) throws {
    do {
      try scope.execute(
        """
        INSERT INTO customer_tags (tenant_id, id, customer_id, tag, reason, added_by_name,
          added_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        [
          .integer(tag.id.rawValue), .integer(tag.customerID.rawValue), .text(tag.tag),
          .text(tag.reason), .text(tag.addedByName), .integer(tag.addedAt.epochMilliseconds),
        ])
    } catch DatabaseError.uniqueViolation {
      throw CRMError.tagTaken(tag.tag)
    }
    try audit.record(
      entity: "customer_tag", id: tag.id, action: "create",
      after: ["customer_id": tag.customerID.description, "tag": tag.tag, "reason": tag.reason],
      in: scope)
  }
}

/// Reads and moves `customer_tags`.
enum TagStore {
  static func list(of customer: Identifier, _ scope: TenantScope) throws -> [CustomerTag] {
    try scope.query(
      """
      SELECT id, customer_id, tag, reason, added_by_name, added_at FROM customer_tags
      WHERE tenant_id = $1 AND customer_id = $2 ORDER BY id
      """, [.integer(customer.rawValue)]
    ).map { row in
      CustomerTag(
        id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
        tag: try row.string("tag"), reason: try row.string("reason"),
        addedByName: try row.string("added_by_name"), addedAt: try row.instant("added_at"))
    }
  }

  /// Moves the duplicate's tags the survivor lacks and drops the rest; returns how many moved.
  static func move(from duplicate: Identifier, to survivor: Identifier, _ scope: TenantScope)
    throws -> Int
  {
    let moved = try scope.execute(
      """
      UPDATE customer_tags SET customer_id = $2
      WHERE tenant_id = $1 AND customer_id = $3 AND tag NOT IN (
        SELECT k.tag FROM customer_tags k WHERE k.tenant_id = $1 AND k.customer_id = $2)
      """, [.integer(survivor.rawValue), .integer(duplicate.rawValue)])
    try scope.execute(
      "DELETE FROM customer_tags WHERE tenant_id = $1 AND customer_id = $2",
      [.integer(duplicate.rawValue)])
    return moved
  }
}
