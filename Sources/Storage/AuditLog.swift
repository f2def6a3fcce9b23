public import FreightdeskCore

/// The append-only, hash-chained record of every write: who, when, what, before and after.
///
/// Each tenant has its own chain. An entry's ``AuditRecord/hash`` covers the entry before it,
/// so changing, removing or reordering any stored entry breaks every later link, which
/// ``verify(database:)`` finds. Entries cannot be updated or deleted through SQL either:
/// triggers on both engines refuse with ``DatabaseError/appendOnly(table:)``.
///
/// Record inside the same transaction as the write being audited, so both commit or neither:
///
/// ```swift
/// let audit = AuditLog(clock: clock, identifiers: ids)
/// try database.write(for: context.tenant) { scope in
///   try customers.rename(customer, to: name, in: scope)
///   try audit.record(AuditEntry(actor: actor, entity: "customer", entityID: customer.id,
///                               action: "update", before: old, after: new), in: scope)
/// }
/// ```
public struct AuditLog: Sendable {
  private let clock: any Clock
  private let identifiers: IdentifierGenerator

  /// Creates a log that timestamps entries with `clock` and names them with `identifiers`.
  public init(clock: any Clock, identifiers: IdentifierGenerator) {
    self.clock = clock
    self.identifiers = identifiers
  }

  /// Appends `entry` to the scope's tenant chain inside the caller's transaction and returns
  /// it as stored.
  ///
  /// The chain head is advanced with one `UPDATE`, which holds the head's row lock on
  /// PostgreSQL (SQLite has a single writer), so concurrent appends in one tenant take
  /// consecutive sequence numbers, and a rolled-back write takes its entry back with it.
  /// Text holding the NUL character is refused with ``AuditError/textContainsNUL``.
  @discardableResult
  public func record(_ entry: AuditEntry, in scope: TenantScope) throws -> AuditRecord {
    let texts = [
      entry.actor.name, entry.entity, entry.action, entry.before, entry.after, entry.requestID,
      entry.clientAddress,
    ]
    guard !texts.contains(where: { $0?.utf8.contains(0) == true }) else {
      throw AuditError.textContainsNUL
    }
    // One statement claims the next sequence number: the company's first row starts the
    // chain at 1 from the genesis hash, later rows advance the head they find.
    let head = try scope.query(
      """
      INSERT INTO audit_chain_heads (tenant_id, last_sequence, last_hash)
      VALUES ($1, 1, $2)
      ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = audit_chain_heads.last_sequence + 1
      RETURNING last_sequence, last_hash
      """, [.text(AuditChain.genesisHash)])[0]
    var record = AuditRecord(
      tenant: scope.tenant, id: identifiers.next(), sequence: try head.int64("last_sequence"),
      occurredAt: clock.now(), entry: entry, previousHash: try head.string("last_hash"),
      hash: "")
    record.hash = AuditChain.hash(of: record)
    try scope.execute(
      "UPDATE audit_chain_heads SET last_hash = $2 WHERE tenant_id = $1", [.text(record.hash)])
    try scope.execute(
      """
      INSERT INTO audit_log (tenant_id, id, sequence, occurred_at, actor_kind, actor_id,
        actor_name, entity, entity_id, action, before, after, request_id, client_address,
        previous_hash, hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
      """,
      [
        SQLValue(record.id), SQLValue(record.sequence), SQLValue(record.occurredAt),
        .text(entry.actor.kind.rawValue), SQLValue(entry.actor.id), .text(entry.actor.name),
        .text(entry.entity), SQLValue(entry.entityID), .text(entry.action), SQLValue(entry.before),
        SQLValue(entry.after), SQLValue(entry.requestID), SQLValue(entry.clientAddress),
        .text(record.previousHash), .text(record.hash),
      ])
    return record
  }
}
