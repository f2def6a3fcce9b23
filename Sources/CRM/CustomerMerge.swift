public import FreightdeskCore
import Storage
public import Web

/// What a merge moved from the duplicate to the survivor.
public struct MergeResult: Codable, Sendable, Equatable {
  /// The customer that remains.
  public var survivorID: Identifier
  /// The customer merged away.
  public var duplicateID: Identifier
  /// Rows moved per kind: contacts, addresses, interactions, follow-ups, timeline events,
  /// tags (a tag the survivor already has is dropped).
  public var moved: [String: Int]

  enum CodingKeys: String, CodingKey {
    case moved
    case survivorID = "survivor_id"
    case duplicateID = "duplicate_id"
  }
}

/// The body of a merge request.
public struct MergeRequest: Codable, Sendable {
  /// The customer to merge into the one in the path.
  public var duplicateID: Identifier

  enum CodingKeys: String, CodingKey {
    case duplicateID = "duplicate_id"
  }
}

extension CRMService {
  private static let movedTables = [
    ("contacts", "customer_contacts"), ("addresses", "customer_addresses"),
    ("interactions", "interactions"), ("follow_ups", "follow_ups"),
    ("timeline_events", "crm_timeline_events"),
  ]

  /// Merges `duplicate` into `survivor`: its contacts, addresses, interactions, follow-ups,
  /// timeline events and tags move over, the survivor takes its credit code when it has
  /// none, and the duplicate disappears from lists (its row stays, pointing at the survivor,
  /// for the audit trail). One transaction, audited on both customers.
  @discardableResult
  public func merge(
    _ duplicate: Identifier, into survivor: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws -> MergeResult {
    guard duplicate != survivor else { throw CRMError.mergeIntoItself }
    return try database.write(for: tenant) { scope in
      let kept = try CustomerStore.load(survivor, scope)
      let gone = try CustomerStore.load(duplicate, scope)
      var moved: [String: Int] = [:]
      for (kind, table) in Self.movedTables {
        moved[kind] = try scope.execute(
          "UPDATE \(table) SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = $3",
          [.integer(survivor.rawValue), .integer(duplicate.rawValue)])
      }
      moved["tags"] = try TagStore.move(from: duplicate, to: survivor, scope)
      try AutomaticTagStore.drop(of: duplicate, scope)
      let now = clock.now()
      try scope.execute(
        """
        UPDATE customers SET merged_into_id = $2, credit_code = NULL, updated_at = $4,
          version = version + 1
        WHERE tenant_id = $1 AND id = $3
        """,
        [
          .integer(survivor.rawValue), .integer(duplicate.rawValue),
          .integer(now.epochMilliseconds),
        ])
      if kept.creditCode == nil, let code = gone.creditCode {
        try scope.execute(
          "UPDATE customers SET credit_code = $2 WHERE tenant_id = $1 AND id = $3",
          [.text(code), .integer(survivor.rawValue)])
      }
      try CustomerStore.touch(survivor, expecting: nil, at: now, scope)
      let fields = moved.mapValues(String.init)
      try audit.record(
        entity: "customer", id: duplicate, action: "merged_into",
        before: ["name": gone.name], after: ["survivor_id": survivor.description], in: scope)
      try audit.record(
        entity: "customer", id: survivor, action: "merge",
        after: fields.merging(["duplicate_id": duplicate.description]) { $1 }, in: scope)
      return MergeResult(survivorID: survivor, duplicateID: duplicate, moved: moved)
    }
  }
}
