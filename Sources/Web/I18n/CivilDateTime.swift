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
    let civil = CivilDate(daysSinceUnixEpoch: Int(days))
    (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
  }
}

/// Division rounding toward negative infinity, so instants before 1970 land on the right day.
func floorDivision(_ dividend: Int64, _ divisor: Int64) -> Int64 {
  let quotient = dividend / divisor
  return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
}
