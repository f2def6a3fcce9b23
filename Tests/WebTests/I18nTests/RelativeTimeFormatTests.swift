import FreightdeskCore
import Testing
import Web

@Suite struct RelativeTimeFormatTests {
  let now = Instant(epochMilliseconds: 1_796_391_000_000)

  func relative(secondsAgo: Int64, _ locale: AppLocale) -> String {
    Localizer(locale: locale).relative(now.adding(seconds: -secondsAgo), now: now)
  }

  /// Seconds ago (negative: ahead), then the Chinese and English wording.
  static let spans: [(seconds: Int64, chinese: String, english: String)] = [
    (Int64(0), "刚刚", "just now"), (59, "刚刚", "just now"), (-30, "刚刚", "just now"),
    (60, "1 分钟前", "1 minute ago"), (180, "3 分钟前", "3 minutes ago"),
    (3599, "59 分钟前", "59 minutes ago"), (3600, "1 小时前", "1 hour ago"),
    (7 * 3600 + 59, "7 小时前", "7 hours ago"), (86_400, "1 天前", "1 day ago"),
    (29 * 86_400, "29 天前", "29 days ago"), (30 * 86_400, "1 个月前", "1 month ago"),
    (364 * 86_400, "12 个月前", "12 months ago"), (365 * 86_400, "1 年前", "1 year ago"),
    (3 * 365 * 86_400, "3 年前", "3 years ago"),
    (-180, "3 分钟后", "in 3 minutes"), (-2 * 86_400, "2 天后", "in 2 days"),
    (-3600, "1 小时后", "in 1 hour"),
  ]

  @Test(arguments: spans)
  func durationsReadNaturallyInBothLanguages(seconds: Int64, chinese: String, english: String) {
    #expect(relative(secondsAgo: seconds, .simplifiedChinese) == chinese)
    #expect(relative(secondsAgo: seconds, .english) == english)
  }

  @Test func largeCountsAreGrouped() {
    #expect(relative(secondsAgo: 1_500 * 365 * 86_400, .english) == "1,500 years ago")
  }
}
