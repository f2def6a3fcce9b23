import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@testable import CRM

/// The daily job that gives customers' owners a follow-up when a contract nears its end.
@Suite struct ContractRenewalReminderTests {
  @Test(arguments: Backend.allCases)
  func theOwnerGetsOneFollowUpPerContractEndingSoon(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let card = try app.createListCard(for: company)
    let sales = try #require(company.userIDs[.sales])
    let audit = testAudit(app)
    let owned = try app.crm.createCustomer(
      CustomerInput(name: "郑州源华食品有限公司", ownerID: sales), in: company.tenant, audit: audit)
    let orphan = try app.crm.createCustomer(
      CustomerInput(name: "洛阳新城建材有限公司"), in: company.tenant, audit: audit)
    var numbers: [String] = []
    for (customer, through) in [
      (owned.id, "2026-12-20"), (owned.id, "2027-12-31"), (orphan.id, "2026-12-10"),
    ] {
      let created = try app.call(
        "POST", "/api/v1/contracts",
        """
        {"customer_id": \(customer), "title": "年度运输合同", "rate_card_id": \(card),
         "valid_from": "2026-01-01", "valid_through": "\(through)", "settlement": "monthly",
         "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
        """, as: .sales, of: company)
      #expect(created.status == 201)
      numbers.append(try #require(created.json["number"] as? String))
    }
    let queued = try app.database.read(for: company.tenant) {
      try app.application.services.jobs.recent(limit: 10, in: $0)
    }.filter { $0.kind == ContractRenewalReminders.jobKind }
    #expect(queued.map(\.status) == [.queued])
    let reminders = ContractRenewalReminders(
      service: app.crm, jobs: app.application.services.jobs,
      timeZone: DisplayFormat.defaultTimeZone)
    let today = CivilDate(app.clock.now(), in: DisplayFormat.defaultTimeZone)
    for expected in [1, 0] {
      let created = try app.database.write(for: company.tenant) {
        try reminders.remind(on: today, audit: audit, in: $0)
      }
      #expect(created == expected)
    }
    let tasks = try app.crm.openFollowUps(of: sales, in: company.tenant)
    #expect(tasks.map(\.title) == ["合同 \(numbers[0]) 将于 2026-12-20 到期，请联系客户续签"])
    #expect(tasks.first?.dueOn == today.description)
  }

  @Test(arguments: Backend.allCases)
  func theDailyJobRemindsAtNightAndQueuesTheNextNight(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let card = try app.createListCard(for: company)
    let sales = try #require(company.userIDs[.sales])
    let owned = try app.crm.createCustomer(
      CustomerInput(name: "郑州源华食品有限公司", ownerID: sales), in: company.tenant,
      audit: testAudit(app))
    let created = try app.call(
      "POST", "/api/v1/contracts",
      """
      {"customer_id": \(owned.id), "title": "年度运输合同", "rate_card_id": \(card),
       "valid_from": "2026-01-01", "valid_through": "2026-12-31", "settlement": "monthly",
       "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
      """, as: .sales, of: company)
    #expect(created.status == 201)
    app.clock.set(
      AutomaticTagging.nextNight(after: app.clock.now(), in: DisplayFormat.defaultTimeZone))
    let runner = JobRunner(
      database: app.database, queue: app.application.services.jobs,
      handlers: [
        ContractRenewalReminders(
          service: app.crm, jobs: app.application.services.jobs,
          timeZone: DisplayFormat.defaultTimeZone
        ).jobHandler
      ], workerName: "test")
    var statuses: [JobStatus] = []
    for _ in 0..<500 {
      try runner.runNext()
      statuses = try app.database.read(for: company.tenant) {
        try app.application.services.jobs.recent(limit: 10, in: $0)
      }.filter { $0.kind == ContractRenewalReminders.jobKind }.map(\.status)
      if statuses.contains(.succeeded) { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(statuses == [.queued, .succeeded])
    #expect(try app.crm.openFollowUps(of: sales, in: company.tenant).count == 1)
  }
}
