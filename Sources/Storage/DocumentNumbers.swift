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
/// On SQLite, where numbers are issued one after another, the number this process issued last
/// is remembered (see ``WriteHints``) and the next one is taken with a single conditional
/// `UPDATE`; the upsert that creates a day's counter needs an `UPSERT … RETURNING`, for which
/// SQLite builds a temporary table each time.
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
    let counter = Counter(tenant: scope.tenant, prefix: prefix)
    let sequence = try advanceGuessed(counter, day: day, scope) ?? claim(counter, day: day, scope)
    if scope.engine == .sqlite {
      lastIssued.remember(Issued(day: day, sequence: sequence), for: counter)
    }
    return DocumentNumber(prefix: prefix, day: day, sequence: sequence)
  }

  /// A company's counter for one prefix.
  private struct Counter: Hashable {
    var tenant: TenantID
    var prefix: String
  }

  /// The last number this process issued on a counter: its day and sequence.
  private struct Issued {
    var day: Int
    var sequence: Int
  }

  private static let lastIssued = WriteHints<Counter, Issued>()

  /// The number after the one this process issued last, when that is still the stored one
  /// (same day, same sequence) and it took it; nil otherwise, and always on PostgreSQL, whose
  /// concurrent writers would make most guesses wrong.
  private static func advanceGuessed(_ counter: Counter, day: Int, _ scope: TenantScope) throws
    -> Int?
  {
    guard scope.engine == .sqlite, let guess = lastIssued.guess(counter), guess.day == day else {
      return nil
    }
    let advanced = try scope.execute(
      """
      UPDATE document_sequences SET last_number = $4 + 1
      WHERE tenant_id = $1 AND prefix = $2 AND day = $3 AND last_number = $4
      """, [.text(counter.prefix), SQLValue(day), SQLValue(guess.sequence)])
    return advanced == 1 ? guess.sequence + 1 : nil
  }

  /// The next number from the stored counter, which this creates on the day's first number.
  private static func claim(_ counter: Counter, day: Int, _ scope: TenantScope) throws -> Int {
    let rows = try scope.query(
      """
      INSERT INTO document_sequences (tenant_id, prefix, day, last_number)
      VALUES ($1, $2, $3, 1)
      ON CONFLICT (tenant_id, prefix, day)
      DO UPDATE SET last_number = document_sequences.last_number + 1
      RETURNING last_number
      """, [.text(counter.prefix), SQLValue(day)])
    return try rows[0].int("last_number")
  }

  /// The calendar day of `instant` in `timeZone` as `yyyymmdd`.
  static func day(of instant: Instant, in timeZone: TimeZone) -> Int {
    let civil = CivilDate(instant, in: timeZone)
    return civil.year * 10_000 + civil.month * 100 + civil.day
  }
}
