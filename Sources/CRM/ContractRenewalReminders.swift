import Foundation
import FreightdeskCore
import Storage
import Web

/// Renewal reminders: a daily job gives the sales rep who owns a contract's customer a
/// follow-up task on the day the contract enters its reminder window (its
/// `renewal_reminder_days`, 30 unless set, before it ends), once per contract and end date,
/// so a renewed contract (a new end date) is reminded again. Customers without an owner get no
/// task until they have one.
struct ContractRenewalReminders: Sendable {
  /// The daily job.
  static let jobKind = "crm.contracts.renewal_reminders"
  /// The payload of the daily job.
  static let dailyPayload = "daily"

  let service: CRMService
  let jobs: JobQueue
  let timeZone: TimeZone

  /// Creates the follow-ups due on `day` in the transaction `scope`; returns how many.
  @discardableResult
  func remind(on day: CivilDate, audit: AuditContext, in scope: TenantScope) throws -> Int {
    let localizer = Localizer(locale: .simplifiedChinese, timeZone: timeZone)
    var created = 0
    for contract in try ContractStore.list(scope) where contract.isDueForRenewal(on: day) {
      let through = contract.validThrough.description
      let reminded = try scope.query(
        """
        SELECT follow_up_id FROM contract_renewal_reminders
        WHERE tenant_id = $1 AND contract_id = $2 AND valid_through = $3
        """, [.integer(contract.id.rawValue), .text(through)])
      guard reminded.isEmpty,
        let owner = try CustomerStore.list(ids: [contract.customerID], scope).first?.ownerID
      else { continue }
      let followUp = service.identifiers.next()
      try service.insertFollowUp(
        id: followUp, customer: contract.customerID, assignee: owner,
        title: localizer(
          "crm.contracts.renewal_follow_up", ["number": contract.number, "date": through]),
        dueOn: day.description, audit: audit, scope)
      try scope.execute(
        """
        INSERT INTO contract_renewal_reminders (tenant_id, contract_id, valid_through,
          follow_up_id, created_at)
        VALUES ($1, $2, $3, $4, $5)
        """,
        [
          .integer(contract.id.rawValue), .text(through), .integer(followUp.rawValue),
          .integer(service.clock.now().epochMilliseconds),
        ])
      created += 1
    }
    return created
  }

  /// Makes sure the company's next daily run (after `now`, at night in `timeZone`) is queued.
  static func scheduleDaily(
    jobs: JobQueue, after now: Instant, timeZone: TimeZone, in scope: TenantScope
  ) throws {
    try jobs.enqueueUnlessWaiting(
      kind: jobKind, payload: dailyPayload,
      runAfter: AutomaticTagging.nextNight(after: now, in: timeZone), in: scope)
  }

  /// The daily job: today's reminders, then the next day's run.
  var jobHandler: JobHandler {
    let audit = AuditContext.system("contract_renewal_reminders", log: service.auditLog)
    return JobHandler(kind: Self.jobKind) { context in
      try context.write { scope in
        try remind(on: CivilDate(service.clock.now(), in: timeZone), audit: audit, in: scope)
        try Self.scheduleDaily(
          jobs: jobs, after: service.clock.now(), timeZone: timeZone, in: scope)
      }
    }
  }
}
