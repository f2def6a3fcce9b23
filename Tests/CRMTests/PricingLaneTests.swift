import CRM
import FreightdeskCore
import Testing

@Suite struct PricingLaneTests {
  private func lane(_ origin: String, _ destination: String, fenPerKilogram: Int64) -> Lane {
    Lane(
      origin: RegionPattern(origin), destination: RegionPattern(destination),
      breaks: [perKilogram(from: 0, fenPerKilogram)], minimumCharge: fen(0))
  }

  @Test func onEqualSpecificityTheMoreSpecificOriginWinsThenTheFirstListed() throws {
    let card = RateCard(
      name: "tie",
      lanes: [
        lane("*", "广东省/深圳市", fenPerKilogram: 100),
        lane("上海市", "广东省", fenPerKilogram: 200),
        lane("上海市", "广东省/*", fenPerKilogram: 300),
      ])
    let price = try engine.price(shipment(to: "广东省/深圳市", grams: 10_000), list: card)
    #expect(price.amount(of: "freight") == fen(2_000))
  }

  @Test(arguments: [
    (Int64(999_999), Int64(50_000)), (1_000_000, 40_000), (2_500_000, 100_000),
  ])
  func aVolumeAtABreakIsChargedAtThatBreaksRate(cubicCentimetres: Int64, freightFen: Int64)
    throws
  {
    let card = RateCard(
      name: "泡货",
      lanes: [
        Lane(
          origin: RegionPattern("*"), destination: RegionPattern("*"),
          breaks: [perCubicMetre(from: 0, 50_000), perCubicMetre(from: 1, 40_000)],
          minimumCharge: fen(0))
      ])
    let price = try engine.price(
      shipment(grams: 1_000, cubicCentimetres: cubicCentimetres), list: card)
    #expect(price.amount(of: "freight") == fen(freightFen))
  }

  @Test func aPercentSurchargeIsRoundedHalfUpOnTheFreightAfterTheMinimum() throws {
    var card = listCard
    card.surcharges[.night] = .percentOfFreight(basisPoints: 333)
    let small = try engine.price(shipment(grams: 1_000, services: [.night]), list: card)
    // ¥2.00 raised to the ¥50.00 minimum; 3.33 % of 5,000 fen = 166.5 → 167 fen.
    #expect(small.amount(of: "freight") == yuan(50))
    #expect(small.amount(of: "surcharge.night") == fen(167))
  }

  @Test func everyServiceIsALineInTheDeclaredOrder() throws {
    let price = try engine.price(
      shipment(grams: 100_000, services: Set(SurchargeKind.allCases)), list: listCard)
    #expect(
      price.lines.map(\.code) == [
        "freight", "surcharge.urgent", "surcharge.cold_chain", "surcharge.night",
        "surcharge.pickup", "surcharge.receipt_return", "fuel",
      ])
    #expect(price.total == fen(15_000 + 3_000 + 12_000 + 3_000 + 2_500 + 500 + 750))
  }

  @Test func aContractCardPricesWithItsOwnServicesAndFuel() throws {
    let contract = RateCard(
      name: "合同价",
      lanes: [lane("上海市", "*", fenPerKilogram: 100)],
      surcharges: [.pickup: .fixed(yuan(10))], fuelBasisPoints: 0)
    let price = try engine.price(
      shipment(grams: 100_000, services: [.pickup]), list: listCard, contract: contract)
    #expect(price.lines.map(\.code) == ["freight", "surcharge.pickup"])
    #expect(price.total == yuan(110))
    #expect(throws: PricingError.serviceNotOffered(.coldChain)) {
      try engine.price(
        shipment(grams: 100_000, services: [.coldChain]), list: listCard, contract: contract)
    }
  }

  @Test func theSameInputsGiveTheSameBreakdown() throws {
    let request = shipment(
      grams: 123_456, cubicCentimetres: 654_321, services: [.urgent, .pickup],
      declaredValue: yuan(8_000), segment: "vip")
    #expect(try engine.price(request, list: listCard) == engine.price(request, list: listCard))
  }
}
