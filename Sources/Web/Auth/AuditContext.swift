public import FreightdeskCore
public import Storage

/// Who is acting, from where, under which request: everything an audit row needs besides what
/// changed. Handlers get one from their ``AuthenticatedContext`` and pass it to the service,
/// which records inside the transaction of the write it audits.
public struct AuditContext: Sendable {
  /// The log rows go to.
  public let log: AuditLog
  /// Who acts.
  public var actor: AuditActor
  /// The request being served, if any.
  public var requestID: String?
  /// The client's address, if any.
  public var clientAddress: String?

  /// Creates a context.
  public init(log: AuditLog, actor: AuditActor, requestID: String?, clientAddress: String?) {
    self.log = log
    self.actor = actor
    self.requestID = requestID
    self.clientAddress = clientAddress
  }

  /// The operator or the system itself acting (CLI, jobs, demo data).
  public static func system(_ name: String, log: AuditLog) -> AuditContext {
    AuditContext(log: log, actor: .system(name), requestID: nil, clientAddress: nil)
  }

  /// The same request, acting as another user (after sign-in identified them).
  public func acting(as user: Identifier, name: String) -> AuditContext {
    var copy = self
    copy.actor = AuditActor(kind: .user, id: user, name: name)
    return copy
  }

  /// Records one audit row in `scope`'s transaction; `before` and `after` are the changed
  /// fields as they were and as they are.
  public func record(
    entity: String, id: Identifier?, action: String, before: [String: String]? = nil,
    after: [String: String]? = nil, in scope: TenantScope
  ) throws {
    _ = try log.record(
      entry(entity: entity, id: id, action: action, before: before, after: after), in: scope)
  }

  /// Records `entries` (made with ``entry(entity:id:action:before:after:)``) in one batch in
  /// `scope`'s transaction: what a bulk write such as an import uses, so that each of its
  /// records keeps its audit row without each row costing a round of statements.
  public func record(_ entries: [AuditEntry], in scope: TenantScope) throws {
    _ = try log.record(entries, in: scope)
  }

  /// The entry ``record(entity:id:action:before:after:in:)`` would store: this context's
  /// actor, request and address, with the fields as a JSON object with sorted keys.
  public func entry(
    entity: String, id: Identifier?, action: String, before: [String: String]? = nil,
    after: [String: String]? = nil
  ) -> AuditEntry {
    AuditEntry(
      actor: actor, entity: entity, entityID: id, action: action,
      before: before.map(AuditFieldsJSON.text), after: after.map(AuditFieldsJSON.text),
      requestID: requestID, clientAddress: clientAddress)
  }
}

extension AuthenticatedContext {
  /// The audit context of this caller: the user (or the API token's owner), the request id
  /// and the client address.
  public func audit(_ log: AuditLog) -> AuditContext {
    let kind: AuditActorKind
    switch credential {
    case .session: kind = roles.contains(BuiltinRole.customer.rawValue) ? .customer : .user
    case .apiToken: kind = .token
    }
    return AuditContext(
      log: log, actor: AuditActor(kind: kind, id: user, name: userName),
      requestID: request.requestID, clientAddress: request.clientAddress)
  }
}
