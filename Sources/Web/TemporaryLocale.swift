/// Interim locale until the i18n files land.
public enum AppLocale: String, Sendable { case simplifiedChinese = "zh-CN", english = "en"
  static func resolve(userPreference: AppLocale?, acceptLanguage: String?, tenantDefault: AppLocale?) -> AppLocale { .simplifiedChinese }
}
