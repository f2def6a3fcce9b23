import Foundation
import FreightdeskCore

extension AuditLog {
  /// The CSV export's columns, in order.
  public static let csvHeader = [
    "sequence", "id", "occurred_at", "actor_kind", "actor_id", "actor_name", "entity",
    "entity_id", "action", "before", "after", "request_id", "client_address", "previous_hash",
    "hash",
  ]

  /// One page of the scope's tenant entries matching `query`, newest first.
  public static func records(matching query: AuditQuery, in scope: TenantScope) throws
    -> [AuditRecord]
  {
    let statement = query.statement
    return try scope.query(statement.sql, statement.parameters).map(AuditChain.record(from:))
  }

  /// Every entry matching `query`'s filters from its cursor on (its `limit` aside: the
  /// export fetches the largest pages), newest first, as CSV for a spreadsheet: RFC 4180, UTF-8 with a byte-order mark, a header row of ``csvHeader``,
  /// times in ISO 8601 UTC, and typed text guarded against formula injection.
  ///
  /// Throws ``AuditError/exportTooLarge(entriesMax:)`` when more than
  /// ``Limits/auditExportEntriesMax`` entries match; narrow the time range then.
  public static func exportCSV(query: AuditQuery, in scope: TenantScope) throws -> String {
    var csv = CSVWriter(byteOrderMark: true, guardsFormulas: true)
    csv.appendRow(csvHeader)
    let times = ISO8601DateFormatter()
    times.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    var page = query
    page.limit = Limits.auditPageEntriesMax
    var exported = 0
    while true {
      let records = try records(matching: page, in: scope)
      exported += records.count
      guard exported <= Limits.auditExportEntriesMax else {
        throw AuditError.exportTooLarge(entriesMax: Limits.auditExportEntriesMax)
      }
      for record in records { csv.appendRow(csvFields(of: record, times: times)) }
      guard records.count == page.limit, let last = records.last else { return csv.text }
      page.beforeSequence = last.sequence
    }
  }

  /// A record's fields in ``csvHeader`` order; absent values are empty fields.
  private static func csvFields(of record: AuditRecord, times: ISO8601DateFormatter) -> [String] {
    let entry = record.entry
    let occurredAt = Date(timeIntervalSince1970: Double(record.occurredAt.epochMilliseconds) / 1000)
    return [
      String(record.sequence), record.id.description, times.string(from: occurredAt),
      entry.actor.kind.rawValue, entry.actor.id?.description ?? "", entry.actor.name,
      entry.entity, entry.entityID?.description ?? "", entry.action, entry.before ?? "",
      entry.after ?? "", entry.requestID ?? "", entry.clientAddress ?? "", record.previousHash,
      record.hash,
    ]
  }
}
