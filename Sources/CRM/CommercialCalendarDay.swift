public import Foundation
public import FreightdeskCore

/// A calendar date without a time (a shipping day, a validity end), written `2026-12-04`.
/// Validity periods are in whole days of the company's time zone.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1...12.
  public let month: Int
  /// The day of the month.
  public let day: Int

  /// Parses `YYYY-MM-DD`; nil for anything else or a date that does not exist.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `instant` falls on in `timeZone`.
  public init(_ instant: Instant, in timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let date = Date(timeIntervalSince1970: Double(instant.epochMilliseconds) / 1000)
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    year = parts.year ?? 1970
    month = parts.month ?? 1
    day = parts.day ?? 1
  }

  /// The day `count` days later (earlier when negative).
  public func adding(days count: Int) -> CalendarDay {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let start = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
    let shifted = calendar.date(byAdding: .day, value: count, to: start) ?? start
    return CalendarDay(
      Instant(epochMilliseconds: Int64(shifted.timeIntervalSince1970) * 1000), in: calendar.timeZone
    )
  }

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(until other: CalendarDay) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let from = DateComponents(year: year, month: month, day: day)
    let to = DateComponents(year: other.year, month: other.month, day: other.day)
    return calendar.dateComponents([.day], from: from, to: to).day ?? 0
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Orders days chronologically.
  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
