/// Excel's date serial numbers: days since the workbook's epoch, the fraction being the time
/// of day. In the 1900 system serial 1 is 1900-01-01 and serial 60 is the 29 February 1900
/// that never was (kept for Lotus 1-2-3); in the 1904 system serial 0 is 1904-01-01.
enum ExcelDate {
  /// Days from 1970-01-01 back to the day before serial 1 of the 1900 system.
  private static let epoch1900DaysFromUnix = -25_568
  /// Days from 1970-01-01 to serial 0 of the 1904 system.
  private static let epoch1904DaysFromUnix = -24_107
  private static let secondsPerDay = 86_400

  /// The serial shown as `yyyy-MM-dd`, `HH:mm:ss` or `yyyy-MM-dd HH:mm:ss` per `kind`, or nil
  /// when it is negative or too large to be a date Excel can show (after 9999-12-31).
  static func text(serial: Double, kind: DateKind, uses1904: Bool) -> String? {
    guard serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * Double(secondsPerDay)).rounded())
    if seconds == secondsPerDay {
      days += 1
      seconds = 0
    }
    let time =
      "\(padded(seconds / 3600, 2)):\(padded(seconds / 60 % 60, 2)):\(padded(seconds % 60, 2))"
    if kind == .time { return time }
    let unixDays: Int
    if uses1904 {
      unixDays = epoch1904DaysFromUnix + days
    } else {
      // Serials after the phantom leap day count one day too many.
      unixDays = epoch1900DaysFromUnix + (days > 59 ? days - 1 : days)
    }
    let (year, month, day) = civilDate(daysFromUnix: unixDays)
    let date = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    return kind == .date ? date : date + " " + time
  }

  /// The proleptic Gregorian year, month and day of a count of days since 1970-01-01,
  /// computed through 400-year eras that start on 1 March.
  static func civilDate(daysFromUnix: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = daysFromUnix + 719_468  // days since 0000-03-01
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `value` in decimal with leading zeros up to `width` digits.
  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
