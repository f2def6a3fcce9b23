import FreightdeskCore
import Testing

@Suite struct MoneyTests {
  @Test func addingAndSubtractingStaysInFen() {
    let price = Money(minorUnits: 12_345)
    let discount = Money(minorUnits: 345)
    #expect((price - discount).minorUnits == 12_000)
    #expect((price + discount).minorUnits == 12_690)
  }

  @Test(arguments: [
    (Int64(1000), Int64(9), Int64(100), MoneyRounding.halfUp, Int64(90)),
    (Int64(1005), Int64(9), Int64(100), .halfUp, Int64(90)),
    (Int64(1006), Int64(9), Int64(100), .halfUp, Int64(91)),
    (Int64(50), Int64(1), Int64(100), .halfUp, Int64(1)),
    (Int64(-50), Int64(1), Int64(100), .halfUp, Int64(-1)),
    (Int64(199), Int64(1), Int64(100), .down, Int64(1)),
    (Int64(-199), Int64(1), Int64(100), .down, Int64(-2)),
    (Int64(101), Int64(1), Int64(100), .up, Int64(2)),
    (Int64(-101), Int64(1), Int64(100), .up, Int64(-1)),
  ])
  func proportionsRoundByTheNamedRule(
    amount: Int64, numerator: Int64, denominator: Int64, rounding: MoneyRounding, expected: Int64
  ) {
    let result = Money(minorUnits: amount).multiplied(
      by: numerator, dividedBy: denominator, rounding: rounding)
    #expect(result.minorUnits == expected)
  }

  @Test func hugeAmountsDoNotOverflowWhileScaling() {
    let large = Money(minorUnits: Int64.max / 2)
    let half = large.multiplied(by: 1_000_000, dividedBy: 2_000_000, rounding: .halfUp)
    #expect(half.minorUnits == Int64.max / 4 + 1)
  }

  @Test func amountsCompareWithinACurrency() {
    #expect(Money(minorUnits: 1) < Money(minorUnits: 2))
    #expect(Money.zero() == Money(minorUnits: 0, currency: .cny))
    #expect(Currency.cny.symbol == "¥")
  }
}
