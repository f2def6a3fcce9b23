public import Foundation

/// A day of the proleptic Gregorian calendar with no time or zone, written `2026-12-04`: the
/// date a contract was signed, a shipping day, the date in a spreadsheet cell. The one day type
/// of the program; days of the company are read in its time zone with integer arithmetic, since
/// a `Calendar` costs more than the rest of numbering a document or pricing an order.
///
/// ```swift
/// CivilDate(daysSinceUnixEpoch: 20_791)  // 2026-12-04
/// CivilDate(year: 2026, month: 12, day: 4).description  // "2026-12-04"
/// CivilDate("2026-02-30")  // nil
/// ```
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, e.g. 2026.
  public let year: Int
  /// The month, 1...12.
  public let month: Int
  /// The day of the month, 1...31.
  public let day: Int

  /// A date from its parts, which must name a day of the calendar.
  public init(year: Int, month: Int, day: Int) {
    precondition(Self.isDay(year: year, month: month, day: day), "a calendar day")
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date of these parts, or nil when they name no day (2026-02-30, month 13).
  public static func validated(year: Int, month: Int, day: Int) -> CivilDate? {
    isDay(year: year, month: month, day: day) ? CivilDate(year: year, month: month, day: day) : nil
  }

  /// Parses `YYYY-MM-DD`; nil for anything else or a date that does not exist.
  ///
  /// Read byte by byte: prices read the validity days of every contract and promotion they
  /// consider, and splitting the text into substrings cost thousands of instructions a day.
  public init?(_ text: String) {
    var text = text
    let parts = text.withUTF8 { bytes -> (Int, Int, Int)? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
      else { return nil }
      func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
          let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
          guard (0...9).contains(digit) else { return nil }
          value = value * 10 + digit
        }
        return value
      }
      guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
      else { return nil }
      return (year, month, day)
    }
    guard let (year, month, day) = parts,
      let date = Self.validated(year: year, month: month, day: day)
    else { return nil }
    self = date
  }

  /// The date `days` days after 1970-01-01 (before it when negative), counted through
  /// 400-year eras of 146,097 days that start on 1 March, so leap days end an era's year.
  public init(daysSinceUnixEpoch days: Int) {
    let shifted = days + 719_468  // days from 0000-03-01 to 1970-01-01
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    self.init(
      year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
      day: dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
  }

  /// Days from 1970-01-01 to this date (negative before it), the inverse of
  /// ``init(daysSinceUnixEpoch:)``.
  public var daysSinceUnixEpoch: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let monthFromMarch = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day `instant` falls on in `timeZone`.
  public init(_ instant: Instant, in timeZone: TimeZone) {
    let days = instant.localMilliseconds(in: timeZone).floorDivided(by: Self.millisecondsPerDay)
    self.init(daysSinceUnixEpoch: Int(days))
  }

  /// The first instant of the day in `timeZone`: midnight, or the first moment after it when
  /// a daylight-saving change skips midnight.
  public func start(in timeZone: TimeZone) -> Instant {
    let midnight = Int64(daysSinceUnixEpoch) * Self.millisecondsPerDay
    // Midnight read with the zone's offset near it, and with the offset in force at the instant
    // that gives: the two agree unless a change falls within hours of midnight, and then the
    // earlier one that still lies on this day is where it begins.
    let first = midnight - Instant(epochMilliseconds: midnight).offsetMilliseconds(in: timeZone)
    let second = midnight - Instant(epochMilliseconds: first).offsetMilliseconds(in: timeZone)
    let onThisDay = [first, second].filter {
      CivilDate(Instant(epochMilliseconds: $0), in: timeZone) == self
    }
    return Instant(epochMilliseconds: onThisDay.min() ?? second)
  }

  /// The date `count` days later (earlier when negative).
  public func adding(days count: Int) -> CivilDate {
    CivilDate(daysSinceUnixEpoch: daysSinceUnixEpoch + count)
  }

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(until other: CivilDate) -> Int {
    other.daysSinceUnixEpoch - daysSinceUnixEpoch
  }

  /// The date as ISO 8601 `yyyy-MM-dd`.
  public var description: String {
    Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
  }

  /// Orders dates chronologically.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static let millisecondsPerDay: Int64 = 86_400_000

  private static func isDay(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month) else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let length =
      switch month {
      case 2: leap ? 29 : 28
      case 4, 6, 9, 11: 30
      default: 31
      }
    return (1...length).contains(day)
  }

  /// `value` with leading zeros up to `width` digits.
  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension Instant {
  /// How far the wall clocks of `timeZone` are ahead of UTC at this instant, daylight saving
  /// included.
  public func offsetMilliseconds(in timeZone: TimeZone) -> Int64 {
    let date = Date(timeIntervalSince1970: Double(epochMilliseconds.floorDivided(by: 1000)))
    return Int64(timeZone.secondsFromGMT(for: date)) * 1000
  }

  /// Milliseconds since 1970-01-01T00:00 on the wall clocks of `timeZone`: what day and time
  /// it is there.
  public func localMilliseconds(in timeZone: TimeZone) -> Int64 {
    epochMilliseconds + offsetMilliseconds(in: timeZone)
  }
}

extension Int64 {
  /// The quotient rounded toward negative infinity, so that times before 1970 land on the
  /// right day.
  public func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
