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
}
