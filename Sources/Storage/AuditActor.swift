public import FreightdeskCore

/// Who did something that the audit log records.
public enum AuditActorKind: String, Sendable, CaseIterable, Codable {
  /// A signed-in staff user.
  case user
  /// An API token acting for an integration.
  case token
  /// Freightdesk itself: a job, a migration, an outbox handler.
  case system
  /// A customer using the portal.
  case customer
}

/// The actor of an audited change, with the name they had at the time, so the entry still
/// reads correctly after the user is renamed or removed.
public struct AuditActor: Sendable, Hashable {
  /// What kind of actor this is.
  public var kind: AuditActorKind
  /// The user's, token's or customer's identifier; nil for the system.
  public var id: Identifier?
  /// The display name at the time, e.g. `王芳` or `nightly-invoicing`.
  public var name: String

  /// Creates an actor.
  public init(kind: AuditActorKind, id: Identifier?, name: String) {
    self.kind = kind
    self.id = id
    self.name = name
  }

  /// Freightdesk itself doing `name` (a job, a handler), with no identifier.
  public static func system(_ name: String) -> AuditActor {
    AuditActor(kind: .system, id: nil, name: name)
  }
}
