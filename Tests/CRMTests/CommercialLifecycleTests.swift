import CRM
import FreightdeskCore
import Testing

@Suite struct CommercialLifecycleTests {
  @Test func anInquiryMovesThroughThePipeline() throws {
    var pipeline = InquiryPipeline()
    try pipeline.apply(.qualify)
    try pipeline.apply(.quote)
    try pipeline.apply(.quote)
    try pipeline.apply(.win)
    #expect(pipeline.stage == .won)
    #expect(pipeline.stage.isClosed)
  }

  @Test func anImpossibleStepIsAConflictWithAStableCode() {
    var pipeline = InquiryPipeline(stage: .new)
    let early = #expect(throws: InquiryTransitionError.self) { try pipeline.apply(.win) }
    #expect(early?.code == "inquiry_transition_not_allowed")
    #expect(early?.kind == .conflict)
    var won = InquiryPipeline(stage: .won)
    #expect(throws: InquiryTransitionError(stage: .won, event: "lose")) {
      try won.apply(.lose(reason: "价格太高"))
    }
    #expect(won.stage == .won)
  }

  @Test func losingNeedsAReason() throws {
    var pipeline = InquiryPipeline(stage: .quoted)
    #expect(throws: ValidationFailure.self) { try pipeline.apply(.lose(reason: "  ")) }
    #expect(pipeline.stage == .quoted)
    try pipeline.apply(.lose(reason: " 价格太高 "))
    #expect(pipeline.stage == .lost)
    #expect(pipeline.lostReason == "价格太高")
  }

  @Test func aQuoteIsAcceptedThroughItsLastValidDayOnly() throws {
    let last = CivilDate("2026-12-10")!
    var onTime = QuoteLifecycle(status: .open, validThrough: last)
    try onTime.accept(on: last)
    #expect(onTime.status == .accepted)
    #expect(throws: QuoteStateError(code: "quote_not_open", status: .accepted)) {
      try onTime.accept(on: last)
    }
    var late = QuoteLifecycle(status: .open, validThrough: last)
    #expect(throws: QuoteStateError(code: "quote_expired", status: .open)) {
      try late.accept(on: last.adding(days: 1))
    }
    try late.expire()
    #expect(late.status == .expired)
  }

  @Test func creditIsApprovedUpToTheLimitAndHeldAbove() {
    let limit = yuan(100_000)
    let exposure = CreditExposure(openReceivables: yuan(60_000), openOrders: yuan(30_000))
    let plain = CreditRatingRule(rating: "B")
    #expect(
      CreditCheck.evaluate(limit: limit, rule: plain, exposure: exposure, amount: yuan(10_000))
        == .approved(headroom: yuan(0)))
    #expect(
      CreditCheck.evaluate(
        limit: limit, rule: plain, exposure: exposure, amount: yuan(10_000) + fen(1))
        == .hold(.creditLimitExceeded))
  }

  @Test func theRatingsRulesWidenOrCloseTheLimit() {
    let limit = yuan(100_000)
    let exposure = CreditExposure(openReceivables: yuan(100_000), openOrders: yuan(0))
    let trusted = CreditRatingRule(rating: "A", toleranceBasisPoints: 1_000)
    #expect(
      CreditCheck.evaluate(limit: limit, rule: trusted, exposure: exposure, amount: yuan(4_000))
        == .approved(headroom: yuan(6_000)))
    let cashOnly = CreditRatingRule(rating: "D", alwaysHold: true)
    let empty = CreditExposure(openReceivables: yuan(0), openOrders: yuan(0))
    #expect(
      CreditCheck.evaluate(limit: limit, rule: cashOnly, exposure: empty, amount: yuan(1))
        == .hold(.ratingRequiresApproval))
  }
}
