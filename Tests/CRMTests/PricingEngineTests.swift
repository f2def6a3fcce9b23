import CRM
import FreightdeskCore
import Testing

@Suite struct PricingEngineTests {
  @Test(arguments: [
    (Int64(99_900), Int64(19_980)), (99_950, 15_000), (100_000, 15_000), (499_900, 74_985),
    (500_000, 60_000),
  ])
  func aWeightAtABreakIsChargedAtThatBreaksRate(grams: Int64, freightFen: Int64) throws {
    let price = try engine.price(shipment(grams: grams), list: listCard)
    #expect(price.amount(of: "freight") == fen(freightFen))
  }

  @Test func roundingUpToTheTenthKilogramCanCrossABreak() throws {
    let price = try engine.price(shipment(grams: 99_901), list: listCard)
    #expect(price.chargeableWeight == Weight(grams: 100_000))
    #expect(price.amount(of: "freight") == fen(15_000))
  }

  @Test func theVolumetricWeightIsChargedWhenItIsTheLarger() throws {
    let light = try engine.price(
      shipment(grams: 40_000, cubicCentimetres: 200_000), list: listCard)
    #expect(light.chargeableWeight == .kilograms(50))
    #expect(light.amount(of: "freight") == fen(10_000))
    let heavy = try engine.price(
      shipment(grams: 60_000, cubicCentimetres: 200_000), list: listCard)
    #expect(heavy.chargeableWeight == .kilograms(60))
    #expect(heavy.amount(of: "freight") == fen(12_000))
  }

  @Test func theMinimumChargeRaisesASmallFreight() throws {
    let small = try engine.price(shipment(grams: 10_000), list: listCard)
    #expect(small.amount(of: "freight") == yuan(50))
    #expect(small.minimumChargeApplied)
    let large = try engine.price(shipment(grams: 25_000), list: listCard)
    #expect(large.amount(of: "freight") == yuan(50))
    #expect(!large.minimumChargeApplied)
  }

  @Test func theMostSpecificLaneWinsAndTheLargerBasisPricesIt() throws {
    let byWeight = try engine.price(
      shipment(to: "广东省/深圳市/南山区", grams: 100_000), list: listCard)
    #expect(byWeight.laneDestination == RegionPattern("广东省/深圳市"))
    #expect(byWeight.amount(of: "freight") == fen(18_000))
    let byVolume = try engine.price(
      shipment(to: "广东省/深圳市", grams: 100_000, cubicCentimetres: 1_000_000), list: listCard)
    #expect(byVolume.amount(of: "freight") == fen(50_000))
    let elsewhere = try engine.price(shipment(to: "北京市/朝阳区", grams: 100_000), list: listCard)
    #expect(elsewhere.laneOrigin == RegionPattern("*"))
    #expect(elsewhere.amount(of: "freight") == fen(30_000))
  }

  @Test func aRouteNoLaneServesIsATypedErrorNamingTheLane() {
    var card = listCard
    card.lanes.removeLast()
    let error = #expect(throws: PricingError.self) {
      try engine.price(shipment(to: "新疆维吾尔自治区/乌鲁木齐市", grams: 1_000), list: card)
    }
    #expect(error == .noRateForLane(origin: "上海市/浦东新区", destination: "新疆维吾尔自治区/乌鲁木齐市"))
    #expect(error?.code == "no_rate_for_lane")
    #expect(error?.arguments["destination"] == "新疆维吾尔自治区/乌鲁木齐市")
  }

  @Test func surchargesAndFuelAreLinesOfTheBreakdownThatAddUpToTheTotal() throws {
    let price = try engine.price(
      shipment(grams: 100_000, services: [.coldChain, .urgent]), list: listCard)
    #expect(
      price.lines.map(\.code) == ["freight", "surcharge.urgent", "surcharge.cold_chain", "fuel"])
    #expect(price.amount(of: "surcharge.urgent") == fen(3_000))
    #expect(price.amount(of: "surcharge.cold_chain") == yuan(120))
    #expect(price.amount(of: "fuel") == fen(750))
    #expect(price.total == fen(30_750))
  }

  @Test func fuelIsRoundedHalfUpToTheFen() throws {
    // 33.25 kg rounds up to 33.3 kg: ¥66.60 freight; 3 % of 6,660 fen is 199.8 → 200 fen.
    var card = listCard
    card.fuelBasisPoints = 300
    let price = try engine.price(shipment(grams: 33_250), list: card)
    #expect(price.amount(of: "freight") == fen(6_660))
    #expect(price.amount(of: "fuel") == fen(200))
  }

  @Test func aServiceTheCardDoesNotOfferIsRefused() {
    var card = listCard
    card.surcharges[.night] = nil
    #expect(throws: PricingError.serviceNotOffered(.night)) {
      try engine.price(shipment(grams: 100_000, services: [.night]), list: card)
    }
  }

  @Test(arguments: [
    (Int64(1_000_000), Int64(3_000)), (10_000, 200), (123_450, 370), (123_500, 371),
    (50_000_000, 150_000),
  ])
  func insuranceIsAShareOfTheDeclaredValueWithAMinimum(declaredFen: Int64, feeFen: Int64) throws {
    let price = try engine.price(
      shipment(grams: 100_000, declaredValue: fen(declaredFen)), list: listCard)
    #expect(price.amount(of: "insurance") == fen(feeFen))
  }

  @Test func aDeclaredValueAboveTheCapIsRefused() {
    #expect(throws: PricingError.declaredValueOverCap(cap: yuan(500_000))) {
      try engine.price(
        shipment(grams: 100_000, declaredValue: fen(50_000_001)), list: listCard)
    }
    var card = listCard
    card.insurance = nil
    #expect(throws: PricingError.insuranceNotOffered) {
      try engine.price(shipment(grams: 100_000, declaredValue: yuan(100)), list: card)
    }
  }

  @Test func aContractCardOverridesTheListWhereItServesTheRoute() throws {
    let contract = RateCard(
      name: "顺达贸易 合同价",
      lanes: [
        Lane(
          origin: RegionPattern("上海市"), destination: RegionPattern("广东省"),
          breaks: [perKilogram(from: 0, 100)], minimumCharge: yuan(20))
      ])
    let served = try engine.price(shipment(grams: 100_000), list: listCard, contract: contract)
    #expect(served.rateSource == .contract)
    #expect(served.rateCardName == "顺达贸易 合同价")
    #expect(served.total == yuan(100))
    let elsewhere = try engine.price(
      shipment(to: "北京市", grams: 100_000), list: listCard, contract: contract)
    #expect(elsewhere.rateSource == .list)
    #expect(elsewhere.amount(of: "freight") == yuan(300))
  }

  @Test func aShipmentWithNeitherWeightNorVolumeIsInvalid() {
    let error = #expect(throws: ValidationFailure.self) {
      try engine.price(shipment(grams: 0), list: listCard)
    }
    #expect(error?.fieldErrors.map(\.code) == ["weight_or_volume_required"])
  }
}
