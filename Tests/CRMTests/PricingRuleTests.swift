import CRM
import Foundation
import FreightdeskCore
import Testing

@Suite struct PricingRuleTests {
  @Test func regionPatternsMatchEverythingInsideThem() {
    #expect(RegionPattern("*").matches(RegionPath("新疆维吾尔自治区")))
    #expect(RegionPattern("广东省/*") == RegionPattern("广东省"))
    #expect(RegionPattern("广东省").matches(RegionPath("广东省/深圳市/南山区")))
    #expect(!RegionPattern("广东省/深圳市").matches(RegionPath("广东省")))
    #expect(!RegionPattern("广东省/深圳市").matches(RegionPath("广东省/广州市")))
    #expect(RegionPattern(" 440000 / 440300 ").matches(RegionPath("440000/440300/440305")))
    #expect(RegionPattern("广东省/深圳市").specificity == 2)
    #expect(!RegionPattern("*/深圳市").isWellFormed)
    #expect(RegionPath("/广东省//\u{3000}深圳市 /").segments == ["广东省", "深圳市"])
    #expect(RegionPath(" / ").segments.isEmpty)
    #expect(RegionPath("广东省/深圳市").description == "广东省/深圳市")
  }

  @Test(arguments: [
    (WeightRounding.gramUp, Int64(10_001), Int64(10_001)),
    (.tenthKilogramUp, 10_001, 10_100), (.tenthKilogramUp, 10_100, 10_100),
    (.wholeKilogramUp, 10_001, 11_000), (.wholeKilogramUp, 11_000, 11_000),
  ])
  func chargeableWeightIsRoundedUpByTheNamedRule(
    rounding: WeightRounding, grams: Int64, expected: Int64
  ) {
    let rule = ChargeableWeight(kilogramsPerCubicMetre: 250, rounding: rounding)
    #expect(
      rule.weight(actual: Weight(grams: grams), volume: Volume(cubicCentimetres: 0)).grams
        == expected)
  }

  @Test func theVolumetricFactorIsTheCompanys() {
    let air = ChargeableWeight(kilogramsPerCubicMetre: 167, rounding: .wholeKilogramUp)
    let volume = Volume(cubicCentimetres: 1_000_000)
    #expect(air.weight(actual: .kilograms(100), volume: volume) == .kilograms(167))
    #expect(ChargeableWeight.standard.volumetricWeight(Volume(cubicCentimetres: 1)).grams == 1)
  }

  @Test func aRateCardNamesEveryProblem() {
    let card = RateCard(
      name: " ",
      lanes: [
        Lane(
          origin: RegionPattern("*/深圳市"), destination: RegionPattern("*"),
          breaks: [perKilogram(from: 10, 100)], minimumCharge: fen(-1))
      ], fuelBasisPoints: 20_000)
    let error = #expect(throws: ValidationFailure.self) { try card.validate() }
    #expect(
      error?.fieldErrors.map(\.pointer) == [
        "/name", "/lanes/0/origin", "/lanes/0/breaks", "/lanes/0/minimum_charge_fen",
        "/fuel_basis_points",
      ])
    #expect(throws: Never.self) { try listCard.validate() }
  }

  @Test func calendarDaysParseStrictlyAndCount() {
    #expect(CalendarDay("2026-02-29") == nil)
    #expect(CalendarDay("2028-02-29") != nil)
    #expect(CalendarDay("2026-1-05") == nil)
    for malformed in [
      "", "2026-12-4", "2026/12/04", "+026-12-04", "2026-12-04 ", "２０２６-12-04", "2026-00-10",
      "2026-13-01", "2026-12-00", "2026-12-32", "2026-1a-04", "2026-12-0４",
    ] {
      #expect(CalendarDay(malformed) == nil, "\(malformed)")
    }
    #expect(CalendarDay("0001-01-01")?.description == "0001-01-01")
    #expect(CalendarDay("2000-02-29") != nil)
    #expect(CalendarDay("1900-02-29") == nil)
    #expect(CalendarDay("2026-12-31")!.adding(days: 1) == CalendarDay("2027-01-01"))
    #expect(CalendarDay("2026-12-04")!.days(until: CalendarDay("2027-01-03")!) == 30)
    #expect(CalendarDay("2026-12-04")!.description == "2026-12-04")
  }
}

@Suite struct CalendarDayTests {
  @Test func theDayOfAnInstantIsTheCompanysLocalDay() throws {
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    // 2026-12-04T16:30:00Z is 00:30 on 5 December in Shanghai.
    let lateEvening = Instant(epochMilliseconds: 1_796_401_800_000)
    #expect(CalendarDay(lateEvening, in: shanghai) == CalendarDay("2026-12-05"))
    #expect(CalendarDay(lateEvening, in: TimeZone(identifier: "UTC")!) == CalendarDay("2026-12-04"))
    #expect(
      CalendarDay(Instant(epochMilliseconds: -1), in: TimeZone(identifier: "UTC")!)
        == CalendarDay("1969-12-31"))
  }

  @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
    #expect(CalendarDay("2028-02-28")!.adding(days: 1) == CalendarDay("2028-02-29"))
    #expect(CalendarDay("2028-02-29")!.adding(days: 1) == CalendarDay("2028-03-01"))
    #expect(CalendarDay("2100-03-01")!.adding(days: -1) == CalendarDay("2100-02-28"))
    #expect(CalendarDay("2000-03-01")!.adding(days: -1) == CalendarDay("2000-02-29"))
    #expect(CalendarDay("2026-01-01")!.days(until: CalendarDay("2027-01-01")!) == 365)
  }
}
