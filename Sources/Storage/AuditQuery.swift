public import FreightdeskCore

/// Which audit entries to list, newest first, one keyset page at a time: filters that all
/// must hold, and a page bound.
///
/// For the next page, set ``beforeSequence`` to the last returned entry's sequence.
///
/// ```swift
/// var query = AuditQuery(entity: "order", entityID: order.id, limit: 50)
/// let page = try AuditLog.records(matching: query, in: scope)
/// query.beforeSequence = page.last?.sequence
/// ```
public struct AuditQuery: Sendable, Hashable {
  /// Only entries by this actor (user, token or customer).
  public var actorID: Identifier?
  /// Only entries about this kind of entity, e.g. `order`.
  public var entity: String?
  /// Only entries about this entity.
  public var entityID: Identifier?
  /// Only entries of this action, e.g. `update`.
  public var action: String?
  /// Only entries at or after this instant.
  public var from: Instant?
  /// Only entries before this instant (exclusive).
  public var to: Instant?
  /// Only entries older than this sequence number: the keyset cursor.
  public var beforeSequence: Int64?
  /// How many entries one page holds; values outside 1 to ``Limits/auditPageEntriesMax``
  /// are brought into that range.
  public var limit: Int

  /// Creates a query; every filter is optional.
  public init(
    actorID: Identifier? = nil, entity: String? = nil, entityID: Identifier? = nil,
    action: String? = nil, from: Instant? = nil, to: Instant? = nil,
    beforeSequence: Int64? = nil, limit: Int = Limits.auditPageEntriesMax
  ) {
    self.actorID = actorID
    self.entity = entity
    self.entityID = entityID
    self.action = action
    self.from = from
    self.to = to
    self.beforeSequence = beforeSequence
    self.limit = limit
  }

  /// The tenant-scoped `SELECT` and its parameters (from `$2`; `$1` is the tenant).
  var statement: (sql: String, parameters: [SQLValue]) {
    var conditions = ["tenant_id = $1"]
    var parameters: [SQLValue] = []
    func require(_ condition: String, _ value: SQLValue?) {
      guard let value else { return }
      parameters.append(value)
      conditions.append("\(condition) $\(parameters.count + 1)")
    }
    require("actor_id =", actorID.map(SQLValue.init))
    require("entity =", entity.map(SQLValue.init))
    require("entity_id =", entityID.map(SQLValue.init))
    require("action =", action.map(SQLValue.init))
    require("occurred_at >=", from.map(SQLValue.init))
    require("occurred_at <", to.map(SQLValue.init))
    require("sequence <", beforeSequence.map(SQLValue.init))
    parameters.append(SQLValue(min(max(limit, 1), Limits.auditPageEntriesMax)))
    let sql = """
      SELECT \(AuditChain.columns) FROM audit_log
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY sequence DESC LIMIT $\(parameters.count + 1)
      """
    return (sql, parameters)
  }
}
