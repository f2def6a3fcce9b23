public import Foundation
public import FreightdeskCore

extension DisplayFormat {
  /// The calendar date of an instant in a time zone: `2026-12-04`.
  public static func date(_ instant: Instant, in timeZone: TimeZone) -> String {
    let civil = CivilDateTime(instant, in: timeZone)
    return padded(civil.year, 4) + "-" + padded(civil.month, 2) + "-" + padded(civil.day, 2)
  }

  /// The wall-clock time of an instant in a time zone, 24-hour: `21:30`.
  public static func time(_ instant: Instant, in timeZone: TimeZone) -> String {
    let civil = CivilDateTime(instant, in: timeZone)
    return padded(civil.hour, 2) + ":" + padded(civil.minute, 2)
  }

  /// Date and time of an instant in a time zone: `2026-12-04 21:30`.
  public static func dateTime(_ instant: Instant, in timeZone: TimeZone) -> String {
    date(instant, in: timeZone) + " " + time(instant, in: timeZone)
  }

  /// A non-negative number left-padded with zeros to `width` digits (a sign stays in front).
  private static func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
  }
}
