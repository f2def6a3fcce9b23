import Testing
import Web

@Suite struct AcceptLanguageTests {
  @Test func rangesAreOrderedByQualityThenByPosition() {
    let ranges = AcceptLanguage.ranges(in: "fr;q=0.5, en-US, de;q=0.5,zh-CN;q=0.875")
    #expect(ranges.map(\.tag) == ["en-US", "zh-CN", "fr", "de"])
    #expect(ranges.map(\.qualityThousandths) == [1000, 875, 500, 500])
  }

  @Test func rangesWithQualityZeroOrMalformedQualityAreDropped() {
    let ranges = AcceptLanguage.ranges(in: "zh;q=0, en;q=1.5, fr;q=abc, de;q=0.0001, ja;q=0.001")
    #expect(ranges.map(\.tag) == ["ja"])
  }

  @Test(arguments: [
    ("zh", AppLocale.simplifiedChinese), ("zh-CN", .simplifiedChinese),
    ("zh-Hans", .simplifiedChinese), ("zh-TW", .simplifiedChinese),
    ("ZH-hans-cn", .simplifiedChinese), ("zh_CN", .simplifiedChinese), ("en", .english),
    ("en-US", .english), ("en-GB", .english),
  ])
  func chineseAndEnglishVariantsMapToOurTwoLocales(tag: String, expected: AppLocale) {
    #expect(AppLocale(languageTag: tag) == expected)
    #expect(AcceptLanguage.preferredLocale(in: tag) == expected)
  }

  @Test func languagesWeDoNotSpeakAreSkippedForTheNextBest() {
    #expect(AcceptLanguage.preferredLocale(in: "fr-FR, de;q=0.9, en;q=0.8, zh;q=0.7") == .english)
    #expect(AcceptLanguage.preferredLocale(in: "ja, zh-TW;q=0.5, en;q=0.4") == .simplifiedChinese)
  }

  @Test(arguments: ["", "fr, de", "*", ";;;,,,", "en;q=0", "zh-CN;q=0.000"])
  func headersNamingNoLanguageWeSpeakGiveNoLocale(header: String) {
    #expect(AcceptLanguage.preferredLocale(in: header) == nil)
  }

  @Test func onlyTheFirstRangesOfAVeryLongHeaderAreRead() {
    let header = Array(repeating: "fr", count: AcceptLanguage.rangesMax).joined(separator: ",")
    #expect(AcceptLanguage.ranges(in: header + ",de").count == AcceptLanguage.rangesMax)
    #expect(AcceptLanguage.preferredLocale(in: header + ",en") == nil)
  }
}
