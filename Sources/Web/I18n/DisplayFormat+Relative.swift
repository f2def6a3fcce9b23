public import FreightdeskCore

extension DisplayFormat {
  /// How far an instant is from now, in words of the locale: `3 分钟前` / `3 minutes ago`,
  /// `2 天后` / `in 2 days`, `刚刚` / `just now` within a minute.
  ///
  /// The largest whole unit is used, rounding toward zero: minutes below an hour, hours below
  /// a day, days below 30 days, months of 30 days below 365 days, then years of 365 days.
  /// The words come from the catalogs (`time.*`), including the English singular.
  public static func relative(
    _ instant: Instant, now: Instant, locale: AppLocale, translations: Translations
  ) -> String {
    let elapsedSeconds = now.milliseconds(since: instant) / 1000
    let seconds = elapsedSeconds.magnitude
    guard seconds >= 60 else { return translations.text("time.just_now", locale: locale) }
    let (unit, count) = largestUnit(seconds: seconds)
    let plural = (count == 1 && locale == .english) ? "one" : "other"
    let duration = translations.text(
      "time.unit.\(unit).\(plural)", locale: locale, arguments: ["count": integer(Int64(count))])
    let direction = elapsedSeconds > 0 ? "time.relative.past" : "time.relative.future"
    return translations.text(direction, locale: locale, arguments: ["duration": duration])
  }

  /// The unit name and whole count for a span of at least a minute.
  private static func largestUnit(seconds: UInt64) -> (String, UInt64) {
    let day: UInt64 = 86_400
    switch seconds {
    case ..<3600: return ("minute", seconds / 60)
    case ..<day: return ("hour", seconds / 3600)
    case ..<(30 * day): return ("day", seconds / day)
    case ..<(365 * day): return ("month", seconds / (30 * day))
    default: return ("year", seconds / (365 * day))
    }
  }
}
