import FreightdeskCore

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
      "\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
    if kind == .time { return time }
    let unixDays: Int
    if uses1904 {
      unixDays = epoch1904DaysFromUnix + days
    } else {
      // Serials after the phantom leap day count one day too many.
      unixDays = epoch1900DaysFromUnix + (days > 59 ? days - 1 : days)
    }
    let date = CivilDate(daysSinceUnixEpoch: unixDays).description
    return kind == .date ? date : date + " " + time
  }

  /// `value` (0...99) as two digits.
  private static func twoDigits(_ value: Int) -> String {
    (value < 10 ? "0" : "") + String(value)
  }
}
