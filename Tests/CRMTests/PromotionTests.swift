import CRM
import FreightdeskCore
import Testing

@Suite struct PromotionTests {
  let december = (CivilDate("2026-12-01")!, CivilDate("2026-12-31")!)

  var promotions: [Promotion] {
    [
      Promotion(
        code: "VIP10", name: "VIP 九折", discount: .percent(basisPoints: 1_000), segment: "vip",
        validFrom: december.0, validThrough: december.1),
      Promotion(
        code: "WINTER20", name: "冬季立减 20 元", discount: .fixed(yuan(20)), segment: nil,
        validFrom: december.0, validThrough: december.1),
    ]
  }

  @Test func theLargestSingleDiscountApplies() throws {
    let small = try engine.price(
      shipment(grams: 100_000, segment: "vip"), list: listCard, promotions: promotions)
    #expect(small.promotionCode == "WINTER20")
    #expect(small.amount(of: "promotion") == yuan(-20))
    let large = try engine.price(
      shipment(grams: 500_000, segment: "vip"), list: listCard, promotions: promotions)
    #expect(large.promotionCode == "VIP10")
    #expect(large.amount(of: "promotion") == yuan(-60))
    #expect(large.total == yuan(600 + 30 - 60))
  }

  @Test func aPromotionForAnotherSegmentDoesNotApply() throws {
    let price = try engine.price(
      shipment(grams: 500_000, segment: "tmall"), list: listCard, promotions: promotions)
    #expect(price.promotionCode == "WINTER20")
  }

  @Test func aPromotionAppliesThroughItsLastDayAndNotAfter() throws {
    let lastDay = try engine.price(
      shipment(grams: 100_000, on: "2026-12-31"), list: listCard, promotions: promotions)
    #expect(lastDay.promotionCode == "WINTER20")
    let expired = try engine.price(
      shipment(grams: 100_000, on: "2027-01-01"), list: listCard, promotions: promotions)
    #expect(expired.promotionCode == nil)
    #expect(expired.amount(of: "promotion") == nil)
    let early = try engine.price(
      shipment(grams: 100_000, on: "2026-11-30"), list: listCard, promotions: promotions)
    #expect(early.promotionCode == nil)
  }

  @Test func equalDiscountsGoToTheFirstCodeAndNoneExceedsTheFreight() throws {
    let twins = ["B", "A"].map {
      Promotion(
        code: $0, name: $0, discount: .fixed(yuan(500)), segment: nil, validFrom: december.0,
        validThrough: december.1)
    }
    let price = try engine.price(shipment(grams: 10_000), list: listCard, promotions: twins)
    #expect(price.promotionCode == "A")
    #expect(price.amount(of: "promotion") == yuan(-50))
  }
}
