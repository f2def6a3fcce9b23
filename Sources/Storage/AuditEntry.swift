public import FreightdeskCore

/// One change to record: who did what to which entity, and the entity before and after.
///
/// `before` and `after` are JSON text (nil for a creation's before or a removal's after);
/// write them with sorted keys so identical states read identically. `requestID` and
/// `clientAddress` tie the change to the HTTP request that made it.
///
/// ```swift
/// try audit.record(
///   AuditEntry(
///     actor: AuditActor(kind: .user, id: user.id, name: user.name),
///     entity: "customer", entityID: customer.id, action: "update",
///     before: oldJSON, after: newJSON, requestID: context.requestID,
///     clientAddress: context.clientAddress),
///   in: scope)
/// ```
public struct AuditEntry: Sendable, Hashable {
  /// Who made the change.
  public var actor: AuditActor
  /// The kind of thing changed, lower snake_case, e.g. `user`, `order`.
  public var entity: String
  /// The changed thing's identifier; nil when there is none (a failed sign-in for an
  /// unknown e-mail address).
  public var entityID: Identifier?
  /// What happened, lower snake_case, e.g. `create`, `update`, `deactivate`, `login_failed`.
  public var action: String
  /// The entity before the change as JSON text.
  public var before: String?
  /// The entity after the change as JSON text.
  public var after: String?
  /// The request that made the change.
  public var requestID: String?
  /// The client's network address as the server saw it.
  public var clientAddress: String?

  /// Creates an entry; `entity` and `action` are fixed names chosen by the calling module.
  public init(
    actor: AuditActor, entity: String, entityID: Identifier?, action: String,
    before: String? = nil, after: String? = nil, requestID: String? = nil,
    clientAddress: String? = nil
  ) {
    precondition(!entity.isEmpty && !action.isEmpty, "an audit entry names its entity and action")
    self.actor = actor
    self.entity = entity
    self.entityID = entityID
    self.action = action
    self.before = before
    self.after = after
    self.requestID = requestID
    self.clientAddress = clientAddress
  }
}
