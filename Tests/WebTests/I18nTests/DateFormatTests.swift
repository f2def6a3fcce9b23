import Foundation
import FreightdeskCore
import Testing
import Web

@Suite struct DateFormatTests {
  let shanghai = DisplayFormat.defaultTimeZone
  let utc = TimeZone(identifier: "UTC")!

  /// 2026-12-04T13:30:00Z, which is 21:30 in Shanghai.
  let evening = Instant(epochMilliseconds: 1_796_391_000_000)

  @Test func defaultZoneIsShanghaiTime() {
    #expect(shanghai.secondsFromGMT(for: Date(timeIntervalSince1970: 1_796_391_000)) == 8 * 3600)
  }

  @Test func dateAndTimeAreShownInTheGivenZone() {
    #expect(DisplayFormat.date(evening, in: shanghai) == "2026-12-04")
    #expect(DisplayFormat.dateTime(evening, in: shanghai) == "2026-12-04 21:30")
    #expect(DisplayFormat.dateTime(evening, in: utc) == "2026-12-04 13:30")
    #expect(DisplayFormat.time(evening, in: shanghai) == "21:30")
  }

  @Test func midnightInShanghaiIsStillTheDayBeforeInUTC() {
    // 2026-12-04T16:00:00Z is 2026-12-05 00:00 in Shanghai.
    let midnight = Instant(epochMilliseconds: 1_796_400_000_000)
    #expect(DisplayFormat.dateTime(midnight, in: shanghai) == "2026-12-05 00:00")
    #expect(DisplayFormat.dateTime(midnight, in: utc) == "2026-12-04 16:00")
    let justBefore = midnight.adding(milliseconds: -1)
    #expect(DisplayFormat.dateTime(justBefore, in: shanghai) == "2026-12-04 23:59")
  }

  @Test func leapDaysAndYearEndsAreCorrect() {
    // 2028-02-29T12:00:00Z and 2026-12-31T23:59:59Z.
    #expect(
      DisplayFormat.date(Instant(epochMilliseconds: 1_835_438_400_000), in: utc) == "2028-02-29")
    let newYearsEve = Instant(epochMilliseconds: 1_798_761_599_000)
    #expect(DisplayFormat.dateTime(newYearsEve, in: utc) == "2026-12-31 23:59")
    #expect(DisplayFormat.date(newYearsEve, in: shanghai) == "2027-01-01")
  }

  @Test func instantsBeforeNineteenSeventyLandOnTheRightDay() {
    #expect(DisplayFormat.dateTime(Instant(epochMilliseconds: -1), in: utc) == "1969-12-31 23:59")
    #expect(DisplayFormat.date(Instant(epochMilliseconds: 0), in: utc) == "1970-01-01")
    #expect(
      DisplayFormat.date(Instant(epochMilliseconds: -62_135_596_800_000), in: utc) == "0001-01-01")
  }

  @Test func daylightSavingIsApplied() throws {
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    // 2026-07-01T12:00:00Z is 08:00 EDT; 2026-01-01T12:00:00Z is 07:00 EST.
    #expect(
      DisplayFormat.time(Instant(epochMilliseconds: 1_782_907_200_000), in: newYork) == "08:00")
    #expect(
      DisplayFormat.time(Instant(epochMilliseconds: 1_767_268_800_000), in: newYork) == "07:00")
  }

  @Test func everyDayOfFourHundredYearsMatchesFoundationsCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = utc
    let dayMilliseconds: Int64 = 86_400_000
    // Every 7th day from 1900 to 2300 covers every month, leap rule and weekday.
    let start: Int64 = -2_208_988_800_000
    for step in stride(from: Int64(0), to: 146_097, by: 7) {
      let instant = Instant(epochMilliseconds: start + step * dayMilliseconds + 43_200_000)
      let date = Date(timeIntervalSince1970: TimeInterval(instant.epochMilliseconds / 1000))
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      let expected = String(
        format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
      #expect(DisplayFormat.date(instant, in: utc) == expected)
    }
  }

  @Test func formattingIsSafeFromManyTasksAtOnce() async {
    let zone = shanghai
    let moment = evening
    let results = await withTaskGroup(of: String.self) { group in
      for offset in 0..<64 {
        group.addTask {
          DisplayFormat.dateTime(moment.adding(seconds: Int64(offset % 2) * 60), in: zone)
        }
      }
      return await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(results == ["2026-12-04 21:30", "2026-12-04 21:31"])
  }
}
