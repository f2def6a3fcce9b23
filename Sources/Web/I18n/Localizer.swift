public import Foundation
public import FreightdeskCore

/// Everything a page needs to speak to one person: the catalogs, their locale and their
/// tenant's time zone, with the formatters bound to them.
///
/// Built once per request by the web layer (the locale from
/// ``AppLocale/resolve(userPreference:acceptLanguage:tenantDefault:)``, the zone from the
/// tenant's settings) and handed to pages, so a page writes `localizer("nav.orders")`
/// or `localizer.dateTime(order.createdAt)` without passing locale and zone around.
public struct Localizer: Sendable {
  /// The catalogs.
  public var translations: Translations
  /// The language to speak.
  public var locale: AppLocale
  /// The zone to show times in (the tenant's).
  public var timeZone: TimeZone

  /// Creates a localizer; the zone defaults to ``DisplayFormat/defaultTimeZone``.
  public init(
    translations: Translations = .bundled, locale: AppLocale,
    timeZone: TimeZone = DisplayFormat.defaultTimeZone
  ) {
    self.translations = translations
    self.locale = locale
    self.timeZone = timeZone
  }

  /// The catalog text for `key` with `{name}` placeholders filled from `arguments`.
  public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
    translations.text(key, locale: locale, arguments: arguments)
  }

  /// An amount of money, e.g. `¥1,234.56`.
  public func money(_ amount: Money) -> String { DisplayFormat.money(amount) }

  /// The date of an instant in this zone, e.g. `2026-12-04`.
  public func date(_ instant: Instant) -> String { DisplayFormat.date(instant, in: timeZone) }

  /// Date and time of an instant in this zone, e.g. `2026-12-04 21:30`.
  public func dateTime(_ instant: Instant) -> String {
    DisplayFormat.dateTime(instant, in: timeZone)
  }

  /// How long ago or ahead an instant is, e.g. `3 分钟前`; `now` comes from the injected clock.
  public func relative(_ instant: Instant, now: Instant) -> String {
    DisplayFormat.relative(instant, now: now, locale: locale, translations: translations)
  }
}
