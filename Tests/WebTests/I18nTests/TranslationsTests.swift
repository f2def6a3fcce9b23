import Testing
import Web

@Suite struct TranslationsTests {
  let translations: Translations

  init() throws {
    translations = Translations(catalogs: [
      .simplifiedChinese: try Catalog(parsing: "greeting = 你好，{name}！\nonly.zh = 仅中文\n"),
      .english: try Catalog(parsing: "greeting = Hello, {name}!\nonly.en = English only\n"),
    ])
  }

  @Test func textIsLookedUpInTheAskedLocaleWithPlaceholdersFilled() {
    #expect(
      translations.text("greeting", locale: .simplifiedChinese, arguments: ["name": "李雷"])
        == "你好，李雷！")
    #expect(
      translations.text("greeting", locale: .english, arguments: ["name": "Li"]) == "Hello, Li!")
  }

  @Test func aKeyMissingInChineseFallsBackToEnglish() {
    #expect(translations.text("only.en", locale: .simplifiedChinese) == "English only")
  }

  @Test func aKeyMissingEverywhereFallsBackToTheKeyItself() {
    #expect(translations.text("nowhere.at_all", locale: .english) == "nowhere.at_all")
    #expect(translations.text("only.zh", locale: .english) == "only.zh")
  }

  @Test func aLocaleWithoutACatalogUsesEnglish() throws {
    let englishOnly = Translations(catalogs: [.english: try Catalog(parsing: "a = A\n")])
    #expect(englishOnly.text("a", locale: .simplifiedChinese) == "A")
  }

  @Test func localizerSpeaksItsLocale() {
    let localizer = Localizer(translations: translations, locale: .simplifiedChinese)
    #expect(localizer("greeting", ["name": "韩梅梅"]) == "你好，韩梅梅！")
  }

  @Test func bundledChineseTranslatesAPIErrorsNaturally() {
    let text = Translations.bundled.text(
      "error.wrong_type", locale: .simplifiedChinese,
      arguments: ["field": "weight_kg", "expected": "number"])
    #expect(text == "字段 weight_kg 的类型不正确，应为 number。")
  }
}
