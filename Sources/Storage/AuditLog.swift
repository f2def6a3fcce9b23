public import FreightdeskCore
import Glibc

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
  private let heads = WriteHints<TenantID, Head>()

  /// The last entry of a chain: its sequence and hash.
  private struct Head {
    var sequence: Int64
    var hash: String
  }

  /// Creates a log that timestamps entries with `clock` and names them with `identifiers`.
  public init(clock: any Clock, identifiers: IdentifierGenerator) {
    self.clock = clock
    self.identifiers = identifiers
  }

  /// Appends `entry` to the scope's tenant chain inside the caller's transaction and returns
  /// it as stored; a batch of one for the method below.
  @discardableResult
  public func record(_ entry: AuditEntry, in scope: TenantScope) throws -> AuditRecord {
    try record([entry], in: scope)[0]
  }

  /// Appends `entries`, in their order, to the scope's tenant chain inside the caller's
  /// transaction and returns them as stored.
  ///
  /// The chain head is advanced once for the whole batch, which holds the head's row lock on
  /// PostgreSQL (SQLite has a single writer), so concurrent appends in one tenant take
  /// consecutive sequence numbers, and a rolled-back write takes its entries back with it. On
  /// SQLite, where appends follow one another, the head this log last wrote is advanced with a
  /// single conditional `UPDATE` (see ``WriteHints``); otherwise the head is claimed first
  /// and its new hash stored after. The entries are chained in memory and stored with
  /// multi-row inserts of at most ``Limits/auditRowsPerInsertMax`` rows, so a bulk write (an
  /// import of 100,000 customers) costs one statement per that many entries instead of four per
  /// entry. Text holding the NUL character is refused with ``AuditError/textContainsNUL``
  /// before anything is written.
  @discardableResult
  public func record(_ entries: [AuditEntry], in scope: TenantScope) throws -> [AuditRecord] {
    guard !entries.isEmpty else { return [] }
    for entry in entries {
      let texts = [
        entry.actor.name, entry.entity, entry.action, entry.before, entry.after, entry.requestID,
        entry.clientAddress,
      ]
      guard !texts.contains(where: { $0.map(Self.containsNUL) == true }) else {
        throw AuditError.textContainsNUL
      }
    }
    let records = try advanceGuessedHead(entries, scope) ?? claimHead(entries, scope)
    let last = records[records.count - 1]
    if scope.engine == .sqlite {
      heads.remember(Head(sequence: last.sequence, hash: last.hash), for: scope.tenant)
    }
    for start in stride(from: 0, to: records.count, by: Limits.auditRowsPerInsertMax) {
      try insert(records[start..<min(records.count, start + Limits.auditRowsPerInsertMax)], scope)
    }
    return records
  }

  /// Whether `text` holds the NUL character, searched with `memchr`: the before and after of
  /// an order are a few kilobytes, which stepping through `utf8` read a byte at a time on the
  /// SQLite writer's thread.
  private static func containsNUL(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      guard let start = utf8.baseAddress else { return false }
      return memchr(start, 0, utf8.count) != nil
    }
  }

  /// `entries` chained after the head this log last wrote, when that is still the stored head
  /// and it moved it on; nil when there is no such guess (or not on SQLite, where concurrent
  /// appends would make most guesses wrong) or the stored head is another.
  private func advanceGuessedHead(_ entries: [AuditEntry], _ scope: TenantScope) throws
    -> [AuditRecord]?
  {
    guard scope.engine == .sqlite, let guess = heads.guess(scope.tenant) else { return nil }
    let records = chain(
      entries, after: guess.sequence, previousHash: guess.hash, tenant: scope.tenant)
    let last = records[records.count - 1]
    let advanced = try scope.execute(
      """
      UPDATE audit_chain_heads SET last_sequence = $2, last_hash = $3
      WHERE tenant_id = $1 AND last_sequence = $4 AND last_hash = $5
      """, [.integer(last.sequence), .text(last.hash), .integer(guess.sequence), .text(guess.hash)])
    return advanced == 1 ? records : nil
  }

  /// `entries` chained after the stored head, which one statement claims their sequence
  /// numbers from (the company's first append starts the chain from the genesis hash) and a
  /// second moves to their last hash.
  private func claimHead(_ entries: [AuditEntry], _ scope: TenantScope) throws -> [AuditRecord] {
    let head = try scope.query(
      """
      INSERT INTO audit_chain_heads (tenant_id, last_sequence, last_hash)
      VALUES ($1, $2, $3)
      ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = audit_chain_heads.last_sequence + $2
      RETURNING last_sequence, last_hash
      """, [.integer(Int64(entries.count)), .text(AuditChain.genesisHash)])[0]
    let records = chain(
      entries, after: try head.int64("last_sequence") - Int64(entries.count),
      previousHash: try head.string("last_hash"), tenant: scope.tenant)
    try scope.execute(
      "UPDATE audit_chain_heads SET last_hash = $2 WHERE tenant_id = $1",
      [.text(records[records.count - 1].hash)])
    return records
  }

  /// `entries` as records following sequence `sequence` and the hash `previousHash`.
  private func chain(
    _ entries: [AuditEntry], after sequence: Int64, previousHash: String, tenant: TenantID
  ) -> [AuditRecord] {
    let now = clock.now()
    var previous = previousHash
    return entries.enumerated().map { offset, entry in
      var record = AuditRecord(
        tenant: tenant, id: identifiers.next(), sequence: sequence + Int64(offset) + 1,
        occurredAt: now, entry: entry, previousHash: previous, hash: "")
      record.hash = AuditChain.hash(of: record)
      previous = record.hash
      return record
    }
  }

  /// Stores `records` with one multi-row `INSERT`.
  private func insert(_ records: ArraySlice<AuditRecord>, _ scope: TenantScope) throws {
    try scope.execute(
      records.count == 1 ? Self.insertOneRow : Self.insertStatement(rows: records.count),
      records.flatMap { record -> [SQLValue] in
        let entry = record.entry
        return [
          SQLValue(record.id), SQLValue(record.sequence), SQLValue(record.occurredAt),
          .text(entry.actor.kind.rawValue), SQLValue(entry.actor.id), .text(entry.actor.name),
          .text(entry.entity), SQLValue(entry.entityID), .text(entry.action),
          SQLValue(entry.before), SQLValue(entry.after), SQLValue(entry.requestID),
          SQLValue(entry.clientAddress), .text(record.previousHash), .text(record.hash),
        ]
      })
  }

  /// The values each stored row binds besides the tenant.
  private static let columnsPerRow = 15

  /// The statement for one entry, the common case (one audited change per write), spelled once.
  private static let insertOneRow = insertStatement(rows: 1)

  /// An `INSERT` of `rows` rows, the tenant bound once as `$1`.
  private static func insertStatement(rows: Int) -> String {
    """
    INSERT INTO audit_log (tenant_id, id, sequence, occurred_at, actor_kind, actor_id,
      actor_name, entity, entity_id, action, before, after, request_id, client_address,
      previous_hash, hash)
    VALUES \(TenantScope.valuesRows(rows, columns: columnsPerRow))
    """
  }
}
