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
}
