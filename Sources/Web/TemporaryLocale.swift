/// Interim locale until the i18n files land.
public enum AppLocale: String, Sendable { case zhCN = "zh-CN", en }
extension AppLocale {
  static func negotiate(acceptLanguage: String?) -> AppLocale? { nil }
}
