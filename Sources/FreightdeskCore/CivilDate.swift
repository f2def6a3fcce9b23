/// A day of the proleptic Gregorian calendar with no time or zone: the date a contract was
/// signed, the date in a spreadsheet cell.
///
/// ```swift
/// CivilDate(daysSinceUnixEpoch: 20_791)  // 2026-12-04
/// CivilDate(year: 2026, month: 12, day: 4).description  // "2026-12-04"
/// ```
public struct CivilDate: Hashable, Sendable, CustomStringConvertible {
  /// The year, e.g. 2026.
  public let year: Int
  /// The month, 1...12.
  public let month: Int
  /// The day of the month, 1...31.
  public let day: Int

  /// A date from its parts, which must name a day of the calendar.
  public init(year: Int, month: Int, day: Int) {
    precondition((1...12).contains(month) && (1...31).contains(day), "a calendar day")
    self.year = year
    self.month = month
    self.day = day
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

  /// The date as ISO 8601 `yyyy-MM-dd`.
  public var description: String {
    Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
  }

  /// `value` with leading zeros up to `width` digits.
  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
