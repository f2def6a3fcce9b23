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

@Suite struct CreditHoldTests {
  @Test(arguments: Backend.allCases)
  func anAmountOverTheLimitIsHeldUntilFinanceOverridesIt(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let service = CreditCheckService(
      services: app.application.services,
      exposure: FixedExposure(
        figures: CreditExposure(
          openReceivables: Money(minorUnits: 90_000_00), openOrders: Money(minorUnits: 5_000_00))))
    let audit = AuditContext.system("orders", log: app.application.services.audit)
    let request = CreditCheckRequest(
      customer: Identifier(rawValue: 42), amount: Money(minorUnits: 6_000_00),
      reference: "order:1", limit: Money(minorUnits: 100_000_00),
      rule: CreditRatingRule(rating: "B"))
    let outcome = try app.database.write(for: company.tenant) {
      try service.check(request, audit: audit, $0)
    }
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
    let service = CreditCheckService(
      services: app.application.services,
      exposure: FixedExposure(
        figures: CreditExposure(openReceivables: .zero(), openOrders: .zero())))
    let outcome = try app.database.write(for: company.tenant) {
      try service.check(
        CreditCheckRequest(
          customer: Identifier(rawValue: 42), amount: Money(minorUnits: 100),
          reference: "order:2", limit: Money(minorUnits: 1_000),
          rule: CreditRatingRule(rating: "A")),
        audit: AuditContext.system("orders", log: app.application.services.audit), $0)
    }
    #expect(outcome.decision == .approved(headroom: Money(minorUnits: 900)))
    #expect(outcome.hold == nil)
  }
}
