public import Foundation
public import FreightdeskCore

/// A number people read instead of an ID, e.g. `TO20261204-0007`: a prefix naming the kind
/// of document, the day in the tenant's zone, and the sequence within that day.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
  /// The kind of document, e.g. `TO` for a transport order.
  public let prefix: String
  /// The day in the tenant's zone as `yyyymmdd`.
  public let day: Int
  /// The position within the day, from 1, without gaps.
  public let sequence: Int

  /// The printed form: prefix, day, `-`, sequence padded to four digits.
  public var description: String {
    let digits = String(sequence)
    let padding = String(repeating: "0", count: max(0, 4 - digits.count))
    return "\(prefix)\(day)-\(padding)\(digits)"
  }
}

/// Issues per-tenant, per-prefix, per-day document numbers that are gap-free under
/// concurrency.
///
/// The counter row is incremented inside the caller's transaction, which must also write the
/// document: a rolled-back document gives its number back, and a concurrent writer waits on
/// the counter's row lock (PostgreSQL) or the single writer (SQLite) until the first commits.
public enum DocumentNumbers {
  /// The next number for `prefix` (1 to ``Limits/documentPrefixCharactersMax`` capital
  /// letters) on the day `instant` falls on in `timeZone`.
  public static func next(
    prefix: String, at instant: Instant, timeZone: TimeZone, in scope: TenantScope
  ) throws -> DocumentNumber {
    precondition(
      (1...Limits.documentPrefixCharactersMax).contains(prefix.count)
        && prefix.allSatisfy { $0.isASCII && $0.isUppercase },
      "a document prefix is a few capital letters")
    let day = Self.day(of: instant, in: timeZone)
    let rows = try scope.query(
      """
      INSERT INTO document_sequences (tenant_id, prefix, day, last_number)
      VALUES ($1, $2, $3, 1)
      ON CONFLICT (tenant_id, prefix, day)
      DO UPDATE SET last_number = document_sequences.last_number + 1
      RETURNING last_number
      """, [.text(prefix), SQLValue(day)])
    let sequence = try rows[0].int("last_number")
    return DocumentNumber(prefix: prefix, day: day, sequence: sequence)
  }

  /// The calendar day of `instant` in `timeZone` as `yyyymmdd`.
  /// The zone's offset at that instant and ``CivilDate``'s arithmetic, without a `Calendar`
  /// (which costs more than the rest of numbering a document).
  static func day(of instant: Instant, in timeZone: TimeZone) -> Int {
    let date = Date(timeIntervalSince1970: Double(instant.epochMilliseconds) / 1000)
    let local = instant.epochMilliseconds + Int64(timeZone.secondsFromGMT(for: date)) * 1000
    let millisecondsPerDay: Int64 = 86_400_000
    let days = local >= 0 ? local / millisecondsPerDay : (local + 1) / millisecondsPerDay - 1
    let civil = CivilDate(daysSinceUnixEpoch: Int(days))
    return civil.year * 10_000 + civil.month * 100 + civil.day
  }
}
