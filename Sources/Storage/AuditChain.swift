import FreightdeskCore

/// The arithmetic of the audit hash chain: what each entry's hash covers and how a stored
/// row maps to an ``AuditRecord``.
///
/// An entry's hash is SHA-256 over a canonical byte string: a version tag, then the previous
/// entry's hash and every stored field in a fixed order, each written as a type tag (`N` for
/// null, `I` for an integer, `T` for text) followed, for an integer, by its 8 big-endian bytes,
/// and for text by its UTF-8 length in 8 big-endian bytes and the bytes. Lengths make the
/// encoding unambiguous: no two different entries encode to the same bytes.
enum AuditChain {
  /// The `previous_hash` of each tenant's first entry: 64 zeros.
  static let genesisHash = String(repeating: "0", count: 64)
  /// Names the encoding, so a future change of fields cannot collide with this one.
  private static let versionTag = "freightdesk.audit.v1"

  /// The columns every audit query selects, in ``record(from:)``'s order.
  static let columns = """
    tenant_id, id, sequence, occurred_at, actor_kind, actor_id, actor_name, entity, entity_id, \
    action, before, after, request_id, client_address, previous_hash, hash
    """

  /// The hash `record` must carry, computed from its previous hash and fields (its own
  /// `hash` is ignored).
  static func hash(of record: AuditRecord) -> String {
    let entry = record.entry
    var encoder = CanonicalEncoder()
    encoder.append(versionTag)
    encoder.append(record.previousHash)
    encoder.append(record.tenant.rawValue)
    encoder.append(record.id.rawValue)
    encoder.append(record.sequence)
    encoder.append(record.occurredAt.epochMilliseconds)
    encoder.append(entry.actor.kind.rawValue)
    encoder.append(entry.actor.id?.rawValue)
    encoder.append(entry.actor.name)
    encoder.append(entry.entity)
    encoder.append(entry.entityID?.rawValue)
    encoder.append(entry.action)
    encoder.append(entry.before)
    encoder.append(entry.after)
    encoder.append(entry.requestID)
    encoder.append(entry.clientAddress)
    return SHA256.hex(encoder.bytes)
  }

  /// Reads a row selected with ``columns``.
  static func record(from row: Row) throws -> AuditRecord {
    let kindText = try row.string("actor_kind")
    guard let kind = AuditActorKind(rawValue: kindText) else {
      throw DatabaseError.columnTypeMismatch(
        column: "actor_kind", expected: "audit actor kind", found: kindText)
    }
    let entry = AuditEntry(
      actor: AuditActor(
        kind: kind, id: try row.optionalIdentifier("actor_id"),
        name: try row.string("actor_name")),
      entity: try row.string("entity"), entityID: try row.optionalIdentifier("entity_id"),
      action: try row.string("action"), before: try row.optionalString("before"),
      after: try row.optionalString("after"), requestID: try row.optionalString("request_id"),
      clientAddress: try row.optionalString("client_address"))
    return AuditRecord(
      tenant: TenantID(try row.identifier("tenant_id")), id: try row.identifier("id"),
      sequence: try row.int64("sequence"), occurredAt: try row.instant("occurred_at"),
      entry: entry, previousHash: try row.string("previous_hash"), hash: try row.string("hash"))
  }
}

/// Writes values into the canonical byte string described on ``AuditChain``.
private struct CanonicalEncoder {
  private(set) var bytes: [UInt8] = []

  mutating func append(_ value: Int64?) {
    guard let value else { return bytes.append(UInt8(ascii: "N")) }
    bytes.append(UInt8(ascii: "I"))
    appendBigEndian(UInt64(bitPattern: value))
  }

  mutating func append(_ text: String?) {
    guard let text else { return bytes.append(UInt8(ascii: "N")) }
    let utf8 = Array(text.utf8)
    bytes.append(UInt8(ascii: "T"))
    appendBigEndian(UInt64(utf8.count))
    bytes += utf8
  }

  private mutating func appendBigEndian(_ value: UInt64) {
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
  }
}
