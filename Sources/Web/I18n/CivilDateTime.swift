import Foundation
import FreightdeskCore

/// A wall-clock date and time in one time zone, computed from an instant with integer
/// arithmetic (days-to-civil-date over the proleptic Gregorian calendar), so it needs no
/// shared, non-thread-safe formatter.
struct CivilDateTime: Equatable {
  /// The year, e.g. 2026.
  var year: Int64
  /// The month, 1...12.
  var month: Int64
  /// The day of the month, 1...31.
  var day: Int64
  /// The hour, 0...23.
  var hour: Int64
  /// The minute, 0...59.
  var minute: Int64

  /// The wall-clock reading of `instant` in `timeZone`, daylight saving included.
  init(_ instant: Instant, in timeZone: TimeZone) {
    let seconds = floorDivision(instant.epochMilliseconds, 1000)
    let date = Date(timeIntervalSince1970: TimeInterval(seconds))
    let local = seconds + Int64(timeZone.secondsFromGMT(for: date))
    let days = floorDivision(local, 86_400)
    let secondOfDay = local - days * 86_400
    hour = secondOfDay / 3600
    minute = secondOfDay % 3600 / 60
    (year, month, day) = CivilDateTime.civilDate(daysSinceEpoch: days)
  }

  /// The Gregorian date of a day count since 1970-01-01, using 400-year eras of 146097 days
  /// that start on 1 March, so leap days fall at the end of an era's year.
  private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
    let shifted = daysSinceEpoch + 719_468  // days from 0000-03-01 to 1970-01-01
    let era = floorDivision(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let marchBasedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1
    let month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}

/// Division rounding toward negative infinity, so instants before 1970 land on the right day.
func floorDivision(_ dividend: Int64, _ divisor: Int64) -> Int64 {
  let quotient = dividend / divisor
  return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
}
