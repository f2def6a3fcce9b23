public import Foundation

/// Pure functions that turn Freightdesk values into the text a person reads.
///
/// Numbers and money use integer arithmetic only (never `Double`), so what is shown is exactly
/// what is stored. Dates use a fixed, unambiguous `yyyy-MM-dd HH:mm` shape in both languages,
/// the way Chinese business documents write them, computed without shared formatter objects,
/// so every function is safe to call from any thread.
public enum DisplayFormat {
  /// The zone a tenant's times are shown in unless it chose another: China Standard Time.
  /// China has kept UTC+8 without daylight saving since 1991, which is the fallback should
  /// the system's time-zone database lack `Asia/Shanghai`.
  public static let defaultTimeZone: TimeZone =
    TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
}
