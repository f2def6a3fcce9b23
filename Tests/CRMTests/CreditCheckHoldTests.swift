import CRM
import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

/// Exposure figures a test sets, standing in for Finance and Orders.
struct FixedExposure: ExposureSource {
  let figures: CreditExposure

  func exposure(of customer: Identifier, in scope: TenantScope) throws -> CreditExposure {
    figures
  }
}

extension TestApp {
  /// Runs the credit check for `request` in `company` with exposure `figures`, as Orders would.
  func checkCredit(
    _ request: CreditCheckRequest, exposure figures: CreditExposure, of company: CommercialCompany
  ) throws -> (decision: CreditDecision, hold: CreditHold?) {
    let service = CreditCheckService(
      services: application.services, exposure: FixedExposure(figures: figures))
    return try database.write(for: company.tenant) {
      try service.check(
        request, audit: AuditContext.system("orders", log: application.services.audit), $0)
    }
  }
}

@Suite struct CreditHoldTests {
  @Test(arguments: Backend.allCases)
  func anAmountOverTheLimitIsHeldUntilFinanceOverridesIt(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let outcome = try app.checkCredit(
      CreditCheckRequest(
        customer: Identifier(rawValue: 42), amount: Money(minorUnits: 6_000_00),
        reference: "order:1", limit: Money(minorUnits: 100_000_00),
        rule: CreditRatingRule(rating: "B")),
      exposure: CreditExposure(
        openReceivables: Money(minorUnits: 90_000_00), openOrders: Money(minorUnits: 5_000_00)),
      of: company)
    #expect(outcome.decision == .hold(.creditLimitExceeded))
    let hold = try #require(outcome.hold)
    let listed = try app.call("GET", "/api/v1/credit-holds?status=held", as: .sales, of: company)
    #expect(
      (listed.json["items"] as? [[String: Any]])?.first?["reason"] as? String
        == "credit_limit_exceeded")
    let path = "/api/v1/credit-holds/\(hold.id)/approve"
    let note = #"{"note": "老客户，月底回款"}"#
    #expect(try app.call("POST", path, note, as: .sales, of: company).status == 403)
    #expect(try app.call("POST", path, #"{"note": " "}"#, as: .finance, of: company).status == 400)
    let approved = try app.call("POST", path, note, as: .finance, of: company)
    #expect(approved.json["status"] as? String == "approved")
    let twice = try app.call("POST", path, note, as: .finance, of: company)
    #expect(twice.status == 409)
    #expect(twice.code == "credit_hold_decided")
    let audited = try app.database.read(for: company.tenant) {
      try $0.query(
        "SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'credit_hold' ORDER BY sequence",
        [])
    }
    #expect(try audited.map { try $0.string("action") } == ["hold", "override"])
  }

  @Test(arguments: Backend.allCases)
  func anAmountWithinTheLimitIsApprovedWithoutAHold(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let outcome = try app.checkCredit(
      CreditCheckRequest(
        customer: Identifier(rawValue: 42), amount: Money(minorUnits: 100), reference: "order:2",
        limit: Money(minorUnits: 1_000), rule: CreditRatingRule(rating: "A")),
      exposure: CreditExposure(openReceivables: .zero(), openOrders: .zero()), of: company)
    #expect(outcome.decision == .approved(headroom: Money(minorUnits: 900)))
    #expect(outcome.hold == nil)
  }
}
