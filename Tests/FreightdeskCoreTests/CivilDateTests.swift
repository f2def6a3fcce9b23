import Foundation
import FreightdeskCore
import Testing

@Suite struct CivilDateTests {
  @Test(arguments: [
    (0, "1970-01-01"), (-1, "1969-12-31"), (20_791, "2026-12-04"), (11_016, "2000-02-29"),
    (-25_567, "1900-01-01"), (-25_508, "1900-03-01"), (2_932_896, "9999-12-31"),
  ])
  func dayCountsBecomeCalendarDates(days: Int, expected: String) {
    #expect(CivilDate(daysSinceUnixEpoch: days).description == expected)
  }

  @Test func consecutiveDaysNeverSkipOrRepeatADate() {
    var previous = CivilDate(daysSinceUnixEpoch: -800)
    for days in -799...800 {
      let date = CivilDate(daysSinceUnixEpoch: days)
      let sameMonth = date.year == previous.year && date.month == previous.month
      #expect(sameMonth ? date.day == previous.day + 1 : date.day == 1)
      previous = date
    }
  }

  @Test func calendarDaysParseStrictlyAndCount() {
    #expect(CivilDate("2026-02-29") == nil)
    #expect(CivilDate("2028-02-29") != nil)
    #expect(CivilDate("2026-1-05") == nil)
    for malformed in [
      "", "2026-12-4", "2026/12/04", "+026-12-04", "2026-12-04 ", "２０２６-12-04", "2026-00-10",
      "2026-13-01", "2026-12-00", "2026-12-32", "2026-1a-04", "2026-12-0４",
    ] {
      #expect(CivilDate(malformed) == nil, "\(malformed)")
    }
    #expect(CivilDate("0001-01-01")?.description == "0001-01-01")
    #expect(CivilDate("2000-02-29") != nil)
    #expect(CivilDate("1900-02-29") == nil)
    #expect(CivilDate("2026-12-31")!.adding(days: 1) == CivilDate("2027-01-01"))
    #expect(CivilDate("2026-12-04")!.days(until: CivilDate("2027-01-03")!) == 30)
    #expect(CivilDate("2026-12-04")!.description == "2026-12-04")
  }

  @Test func theDayOfAnInstantIsTheCompanysLocalDay() throws {
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    // 2026-12-04T16:30:00Z is 00:30 on 5 December in Shanghai.
    let lateEvening = Instant(epochMilliseconds: 1_796_401_800_000)
    #expect(CivilDate(lateEvening, in: shanghai) == CivilDate("2026-12-05"))
    #expect(CivilDate(lateEvening, in: TimeZone(identifier: "UTC")!) == CivilDate("2026-12-04"))
    #expect(
      CivilDate(Instant(epochMilliseconds: -1), in: TimeZone(identifier: "UTC")!)
        == CivilDate("1969-12-31"))
  }

  @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
    #expect(CivilDate("2028-02-28")!.adding(days: 1) == CivilDate("2028-02-29"))
    #expect(CivilDate("2028-02-29")!.adding(days: 1) == CivilDate("2028-03-01"))
    #expect(CivilDate("2100-03-01")!.adding(days: -1) == CivilDate("2100-02-28"))
    #expect(CivilDate("2000-03-01")!.adding(days: -1) == CivilDate("2000-02-29"))
    #expect(CivilDate("2026-01-01")!.days(until: CivilDate("2027-01-01")!) == 365)
  }

  @Test func dayCountsAndDatesConvertBothWays() {
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(CivilDate(daysSinceUnixEpoch: days).daysSinceUnixEpoch == days)
    }
    #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceUnixEpoch == 0)
    #expect(CivilDate(year: 1969, month: 12, day: 31).daysSinceUnixEpoch == -1)
  }

  @Test func validatedPartsNameOnlyRealDays() {
    #expect(CivilDate.validated(year: 2026, month: 2, day: 29) == nil)
    #expect(CivilDate.validated(year: 2026, month: 13, day: 1) == nil)
    #expect(CivilDate.validated(year: 2026, month: 4, day: 31) == nil)
    #expect(CivilDate.validated(year: 2026, month: 1, day: 5)?.description == "2026-01-05")
  }

  /// Every day of two years, in a zone without daylight saving, one that changes at 2:00 and one
  /// that skips midnight itself: the start is on the day and the millisecond before is not.
  @Test(arguments: ["Asia/Shanghai", "America/New_York", "America/Santiago", "UTC"])
  func eachDayStartsAtItsFirstInstantInTheZone(zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    var day = CivilDate(year: 2025, month: 1, day: 1)
    while day.year < 2027 {
      let start = day.start(in: timeZone)
      #expect(CivilDate(start, in: timeZone) == day, "\(day) in \(zone)")
      let before = Instant(epochMilliseconds: start.epochMilliseconds - 1)
      #expect(CivilDate(before, in: timeZone) == day.adding(days: -1), "\(day) in \(zone)")
      day = day.adding(days: 1)
    }
  }

  @Test func localMillisecondsFollowTheZoneAndFloorBefore1970() throws {
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(Instant(epochMilliseconds: 0).localMilliseconds(in: shanghai) == 8 * 3_600_000)
    #expect(Int64(-1).floorDivided(by: 1000) == -1)
    #expect(Int64(-1000).floorDivided(by: 1000) == -1)
    #expect(Int64(-1001).floorDivided(by: 1000) == -2)
    #expect(Int64(1999).floorDivided(by: 1000) == 1)
  }
}
