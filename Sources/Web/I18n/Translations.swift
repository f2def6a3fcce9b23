import Foundation

/// The catalogs of every ``AppLocale``, loaded once and immutable afterwards.
///
/// Lookup falls back from the asked locale to English to the key itself, so a missing
/// translation degrades visibly instead of failing a request; tests keep that from shipping
/// by requiring both catalogs to have the same keys and placeholders.
public struct Translations: Sendable {
  /// The catalog of each locale.
  public let catalogs: [AppLocale: Catalog]

  /// Creates translations from catalogs; a locale without a catalog falls back to English.
  public init(catalogs: [AppLocale: Catalog]) {
    self.catalogs = catalogs
  }

  /// The catalogs shipped in the Web target's resources (`Resources/i18n/<tag>.catalog`),
  /// read on first use. A missing or malformed shipped catalog is a packaging bug that
  /// the catalog tests catch, so it stops the process with the reason.
  public static let bundled: Translations = {
    do {
      return try loadBundled()
    } catch {
      fatalError("the bundled catalogs cannot be read: \(error)")
    }
  }()

  /// Reads and parses the shipped catalog files.
  static func loadBundled() throws -> Translations {
    guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
      throw CocoaError(.fileNoSuchFile)
    }
    var catalogs: [AppLocale: Catalog] = [:]
    for locale in AppLocale.allCases {
      let file = directory.appendingPathComponent("i18n/\(locale.languageTag).catalog")
      let text = try String(contentsOf: file, encoding: .utf8)
      catalogs[locale] = try Catalog(parsing: text)
    }
    return Translations(catalogs: catalogs)
  }

  /// The text for `key` in `locale` with its `{name}` placeholders filled from `arguments`;
  /// falls back to English, then to the key itself.
  public func text(_ key: String, locale: AppLocale, arguments: [String: String] = [:])
    -> String
  {
    let template = catalogs[locale]?[key] ?? catalogs[.english]?[key] ?? key
    return Placeholders.fill(template, with: arguments)
  }
}
