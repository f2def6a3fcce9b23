import CRM
import FreightdeskCore
import Testing

@Suite struct CustomerRulesTests {
  @Test(arguments: [
    ("13800138000", "13800138000"), ("+86 138-0013-8000", "13800138000"),
    ("0086 199 1234 5678", "19912345678"), ("86 15012345678", "15012345678"),
    ("138 0013 800", nil), ("12800138000", nil), ("1380013800a", nil), ("021-62345678", nil),
    ("+86 12800138000", nil), ("", nil),
  ])
  func mobileNumbersAreElevenDigitsStartingWithOneThreeToNine(text: String, expected: String?) {
    #expect(CustomerRules.mobile(text) == expected)
  }

  @Test func aCreditCodeIsNormalisedOrNamesTheBrokenRule() throws {
    #expect(try CustomerRules.creditCode(" 91350100m000100y43 ", pointer: "/c") == validCreditCode)
    #expect(
      throws: ValidationFailure(
        pointer: "/c", code: "invalid_credit_code_check",
        arguments: ["position": "18", "expected": "3", "found": "4"])
    ) {
      try CustomerRules.creditCode("91350100M000100Y44", pointer: "/c")
    }
    let short = #expect(throws: ValidationFailure.self) {
      try CustomerRules.creditCode("9135", pointer: "/c")
    }
    #expect(short?.fieldErrors.first?.code == "invalid_credit_code_length")
  }

  @Test func monthlySettlementNeedsABillingDayAndDaysToPay() {
    let monthly = CommercialTerms(settlement: .monthly, creditRating: .a, creditLimitFen: 0)
    #expect(
      CustomerRules.terms(monthly).map(\.pointer) == ["/billing_day", "/payment_days"])
    var good = monthly
    good.billingDay = 28
    good.paymentDays = 120
    #expect(CustomerRules.terms(good).isEmpty)
    good.billingDay = 29
    good.paymentDays = -1
    #expect(CustomerRules.terms(good).map(\.code) == ["out_of_range", "out_of_range"])
  }

  @Test func otherSettlementsTakeNoBillingDayAndNoLimitIsNegative() {
    let prepaid = CommercialTerms(
      settlement: .prepaid, billingDay: 5, creditRating: .d, creditLimitFen: -1)
    #expect(
      CustomerRules.terms(prepaid).map(\.code) == ["monthly_only", "negative"])
    #expect(
      CustomerRules.terms(
        CommercialTerms(settlement: .collect, creditRating: .b, creditLimitFen: 500_000)
      ).isEmpty)
  }

  @Test(arguments: [
    ("2026-12-04", true), ("2028-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
    ("2026-4-1", false), ("tomorrow", false),
  ])
  func dueDatesAreRealCalendarDates(text: String, valid: Bool) {
    #expect(CustomerRules.date(text, pointer: "/d").isEmpty == valid)
  }

  @Test(arguments: [
    ("12500", Int64(1_250_000)), ("12,500.5", 1_250_050), ("0.08", 8), ("-1", nil),
    ("1.234", nil), ("abc", nil),
  ])
  func amountsInYuanBecomeFenWithoutFloatingPoint(text: String, fen: Int64?) {
    #expect(CustomerRules.fen(fromYuan: text) == fen)
    if let fen { #expect(CustomerRules.fen(fromYuan: CustomerRules.yuan(fromFen: fen)) == fen) }
  }

  @Test func mapPointsStayOnTheGlobe() {
    #expect(
      CustomerRules.mapPoint(
        MapPoint(latitudeMicrodegrees: 31_230_416, longitudeMicrodegrees: 121_473_701),
        pointer: "/p"
      ).isEmpty)
    #expect(
      CustomerRules.mapPoint(
        MapPoint(latitudeMicrodegrees: 91_000_000, longitudeMicrodegrees: 0), pointer: "/p"
      ).map(\.pointer) == ["/p/latitude_microdegrees"])
    #expect(CustomerRules.fixedPoint(-1_500_000, places: 6) == "-1.500000")
  }

  @Test(arguments: [
    ("上海市云舟电商有限公司", "云舟电商"), ("云舟电商（集团）股份有限公司", "云舟电商"),
    ("杭州 星途 服饰有限责任公司", "杭州星途服饰"), ("Acme Trading Co.", "acmetradingco"),
    ("黑龙江省冰城冷链有限公司", "冰城冷链"), ("北京市", "北京市"), ("市北物流有限公司", "市北物流"),
  ])
  func similarNamesShareTheirCore(name: String, key: String) {
    #expect(DuplicateDetection.nameKey(name) == key)
  }
}
