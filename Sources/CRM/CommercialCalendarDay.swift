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
  ///
  /// Read byte by byte: prices read the validity days of every contract and promotion they
  /// consider, and splitting the text into substrings cost thousands of instructions a day.
  public init?(_ text: String) {
    var text = text
    guard
      let (year, month, day) = text.withUTF8({ bytes -> (Int, Int, Int)? in
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
      }),
      (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `instant` falls on in `timeZone`.
  public init(_ instant: Instant, in timeZone: TimeZone) {
    let seconds = Self.floorDivision(instant.epochMilliseconds, 1000)
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    self.init(daysSinceEpoch: Self.floorDivision(seconds + Int64(offset), 86_400))
  }

  /// The first instant of the day in `timeZone`.
  public func start(in timeZone: TimeZone) -> Instant {
    let midnight = daysSinceEpoch * 86_400
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(midnight)))
    return Instant(epochMilliseconds: (midnight - Int64(offset)) * 1000)
  }

  /// The day `count` days later (earlier when negative).
  public func adding(days count: Int) -> CalendarDay {
    CalendarDay(daysSinceEpoch: daysSinceEpoch + Int64(count))
  }

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(until other: CalendarDay) -> Int {
    Int(other.daysSinceEpoch - daysSinceEpoch)
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar, counted in 400-year eras that
  /// start on 1 March so the leap day ends a year.
  private var daysSinceEpoch: Int64 {
    let shiftedYear = Int64(month <= 2 ? year - 1 : year)
    let era = Self.floorDivision(shiftedYear, 400)
    let yearOfEra = shiftedYear - era * 400
    let marchMonth = Int64(month > 2 ? month - 3 : month + 9)
    let dayOfYear = (153 * marchMonth + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day `days` days after 1970-01-01.
  private init(daysSinceEpoch days: Int64) {
    let shifted = days + 719_468
    let era = Self.floorDivision(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let marchMonth = (5 * dayOfYear + 2) / 153
    let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
    year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    self.month = Int(month)
    day = Int(dayOfYear - (153 * marchMonth + 2) / 5 + 1)
  }

  private static func floorDivision(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    CivilDate(year: year, month: month, day: day).description
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
