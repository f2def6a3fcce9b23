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
    let local = instant.localMilliseconds(in: timeZone).floorDivided(by: 1000)
    let days = local.floorDivided(by: 86_400)
    let secondOfDay = local - days * 86_400
    hour = secondOfDay / 3600
    minute = secondOfDay % 3600 / 60
    let civil = CivilDate(daysSinceUnixEpoch: Int(days))
    (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
  }
}
