import Testing
import Web

@Suite struct LocaleResolutionTests {
  @Test func theUsersPreferenceWinsOverEverythingElse() {
    let locale = AppLocale.resolve(
      userPreference: .english, acceptLanguage: "zh-CN", tenantDefault: .simplifiedChinese)
    #expect(locale == .english)
  }

  @Test func theBrowserDecidesWhenTheUserHasNoPreference() {
    let locale = AppLocale.resolve(
      userPreference: nil, acceptLanguage: "en-GB,en;q=0.9", tenantDefault: .simplifiedChinese)
    #expect(locale == .english)
  }

  @Test func theTenantDefaultDecidesWhenTheBrowserAsksForNothingWeSpeak() {
    let locale = AppLocale.resolve(
      userPreference: nil, acceptLanguage: "fr-FR,de;q=0.5", tenantDefault: .english)
    #expect(locale == .english)
    let withoutHeader = AppLocale.resolve(
      userPreference: nil, acceptLanguage: nil, tenantDefault: .english)
    #expect(withoutHeader == .english)
  }

  @Test func simplifiedChineseIsTheLastResort() {
    let locale = AppLocale.resolve(userPreference: nil, acceptLanguage: "fr", tenantDefault: nil)
    #expect(locale == .simplifiedChinese)
    #expect(AppLocale.fallback == .simplifiedChinese)
  }
}
