/// A language the user interface is offered in.
///
/// Freightdesk speaks Simplified Chinese and English. Every Chinese variant a browser asks
/// for (`zh`, `zh-Hans`, `zh-TW`, ...) is served in Simplified Chinese, because that is the one
/// Chinese catalog we keep; likewise every English variant is served in `en`.
public enum AppLocale: String, CaseIterable, Sendable, Codable {
  /// Simplified Chinese as written in mainland China (简体中文).
  case simplifiedChinese = "zh-CN"
  /// English.
  case english = "en"

  /// The locale used when neither the user, the browser nor the tenant decides:
  /// most of the people who use Freightdesk read Chinese.
  public static let fallback: AppLocale = .simplifiedChinese

  /// The BCP 47 tag, for the `lang` attribute, the locale form field and cookies.
  public var languageTag: String { rawValue }

  /// The locale that serves a BCP 47 language tag such as `zh-Hans-CN` or `en_GB`,
  /// or nil when we have no catalog in that language.
  ///
  /// Only the primary subtag decides, case-insensitively: `zh-TW` becomes ``simplifiedChinese``.
  public init?(languageTag: String) {
    let primary = languageTag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first
    switch primary?.lowercased() {
    case "zh": self = .simplifiedChinese
    case "en": self = .english
    default: return nil
    }
  }
}
