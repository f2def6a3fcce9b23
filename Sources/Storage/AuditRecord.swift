public import FreightdeskCore

/// An entry as stored: the ``AuditEntry`` with its place in the tenant's hash chain.
public struct AuditRecord: Sendable, Hashable {
  /// The tenant whose chain holds the entry.
  public var tenant: TenantID
  /// The entry's own identifier.
  public var id: Identifier
  /// The position in the tenant's chain, from 1, without gaps.
  public var sequence: Int64
  /// When the change was recorded.
  public var occurredAt: Instant
  /// What was recorded.
  public var entry: AuditEntry
  /// The hash of the entry before, as hex; 64 zeros for the tenant's first entry.
  public var previousHash: String
  /// SHA-256 over `previousHash` and every other stored field, as 64 hex digits.
  public var hash: String

  /// Creates a record; ``AuditLog`` builds these, tests and tools may too.
  public init(
    tenant: TenantID, id: Identifier, sequence: Int64, occurredAt: Instant, entry: AuditEntry,
    previousHash: String, hash: String
  ) {
    self.tenant = tenant
    self.id = id
    self.sequence = sequence
    self.occurredAt = occurredAt
    self.entry = entry
    self.previousHash = previousHash
    self.hash = hash
  }
}
