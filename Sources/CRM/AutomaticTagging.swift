public import Foundation
public import FreightdeskCore
public import Storage
public import Web

/// Automatic tags: the company's rules, and their recomputation from the order history port.
/// A customer is recomputed shortly after an order of theirs is created or delivered (one job
/// per burst of orders), every customer nightly, and every customer at once when the rules
/// change. Each customer's automatic tags are replaced in one audited transaction; manual tags
/// are never touched.
public struct AutomaticTagging: Sendable {
  /// The job that recomputes one customer; its payload is the customer's id.
  static let customerJobKind = "crm.automatic_tags.customer"
  /// The job that recomputes every customer; its payload is ``nightlyPayload`` or
  /// ``requestedPayload``.
  static let allJobKind = "crm.automatic_tags.all"
  /// The payload of the nightly run, which schedules the next night's when it finishes.
  static let nightlyPayload = "nightly"
  /// The payload of a run someone asked for (after changing the rules).
  static let requestedPayload = "requested"
  /// The hour of the night, in the company's zone, the nightly run starts at.
  static let nightlyHour = 2

  let services: ModuleServices
  let history: any CustomerHistorySource
  let timeZone: TimeZone

  /// Tagging over the shared services and the order history.
  public init(
    services: ModuleServices, history: any CustomerHistorySource,
    timeZone: TimeZone = DisplayFormat.defaultTimeZone
  ) {
    self.services = services
    self.history = history
    self.timeZone = timeZone
  }

  /// The company's rules.
  public func settings(in tenant: TenantID) throws -> AutomaticTagSettings {
    try services.database.read(for: tenant) { try AutomaticTagStore.settings($0) }
  }

  /// Replaces the company's rules after checking them, and asks for every customer to be
  /// recomputed under them; returns the recomputation job, or nil when one was waiting.
  @discardableResult
  public func update(
    _ settings: AutomaticTagSettings, in tenant: TenantID, audit: AuditContext
  ) throws -> Identifier? {
    let problems = settings.problems()
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return try services.database.write(for: tenant) { scope in
      let before = try AutomaticTagStore.settings(scope)
      try AutomaticTagStore.save(settings, at: services.clock.now(), scope)
      try audit.record(
        entity: "automatic_tag_settings", id: nil, action: "update",
        before: try Self.summary(before), after: try Self.summary(settings), in: scope)
      try scheduleNightly(in: scope)
      return try services.jobs.enqueueUnlessWaiting(
        kind: Self.allJobKind, payload: Self.requestedPayload, in: scope)
    }
  }

  /// A customer's automatic tags, in the rules' order; `customer_not_found` when the company
  /// has no such customer.
  public func tags(of customer: Identifier, in tenant: TenantID) throws -> [AutomaticTag] {
    try services.database.read(for: tenant) { scope in
      _ = try CustomerStore.load(customer, scope)
      return try AutomaticTagStore.tags(of: [customer], scope)[customer] ?? []
    }
  }

  /// Recomputes `customers` (those not merged away) in the transaction `scope`: reads each
  /// window the rules need once, evaluates the rules, and replaces the tags of every customer
  /// whose tags or reasons changed, with an audit row each; returns how many changed.
  @discardableResult
  public func recompute(_ requested: [Identifier], audit: AuditContext, in scope: TenantScope)
    throws -> Int
  {
    let customers = try AutomaticTagStore.live(requested, scope)
    guard !customers.isEmpty else { return 0 }
    let now = services.clock.now()
    let settings = try AutomaticTagStore.settings(scope)
    var figures: [HistoryWindow: [Identifier: CustomerOrderFigures]] = [:]
    for window in settings.windows.sorted() {
      let bounds = window.bounds(endingAt: now)
      figures[window] = try history.figures(
        of: customers, from: bounds.from, to: bounds.to, in: scope)
    }
    var complaints: [Identifier: Int] = [:]
    if let window = settings.complaintWindow {
      let bounds = window.bounds(endingAt: now)
      complaints = try AutomaticTagStore.complaints(
        of: customers, from: bounds.from, to: bounds.to, scope)
    }
    let stored = try AutomaticTagStore.tags(of: customers, scope)
    var changed = 0
    for customer in customers {
      let snapshot = CustomerHistorySnapshot(
        figures: figures.compactMapValues { $0[customer] },
        complaints: settings.complaintWindow.map { [$0: complaints[customer] ?? 0] } ?? [:])
      let findings = settings.findings(for: snapshot)
      let before = stored[customer] ?? []
      guard before.map(\.finding) != findings else { continue }
      try AutomaticTagStore.replace(
        of: customer,
        with: findings.map { AutomaticTag(customerID: customer, finding: $0, computedAt: now) },
        scope)
      try audit.record(
        entity: "customer", id: customer, action: "automatic_tags",
        before: try Self.summary(before.map(\.finding)), after: try Self.summary(findings),
        in: scope)
      changed += 1
    }
    return changed
  }

  /// Recomputes every customer in batches, each batch its own transaction, reporting
  /// progress to the job.
  func recomputeAll(_ context: JobContext, audit: AuditContext) throws {
    let total = try context.read { try AutomaticTagStore.customerCount($0) }
    var done = 0
    var last: Identifier?
    while true {
      let batch = try context.write { scope in
        let ids = try AutomaticTagStore.customerIDs(
          after: last, limit: CRMLimits.automaticTagBatchCustomersMax, scope)
        try recompute(ids, audit: audit, in: scope)
        return ids
      }
      done += batch.count
      try context.reportProgress(
        done: Int64(done), total: Int64(max(total, done)), message: "customers")
      guard batch.count == CRMLimits.automaticTagBatchCustomersMax, let next = batch.last
      else { return }
      last = next
    }
  }

  /// Asks for `customer` to be recomputed a little later, once however many of its orders
  /// arrive meanwhile; whether a recomputation was newly queued (false: one was waiting).
  func scheduleRecompute(of customer: Identifier, in scope: TenantScope) throws -> Bool {
    try services.jobs.enqueueUnlessWaiting(
      kind: Self.customerJobKind, payload: customer.description,
      runAfter: services.clock.now().adding(
        milliseconds: CRMLimits.automaticTagDebounceMilliseconds),
      in: scope) != nil
  }

  /// Makes sure the next nightly run of the company is queued.
  func scheduleNightly(in scope: TenantScope) throws {
    try services.jobs.enqueueUnlessWaiting(
      kind: Self.allJobKind, payload: Self.nightlyPayload,
      runAfter: Self.nextNight(after: services.clock.now(), in: timeZone), in: scope)
  }

  /// The first `nightlyHour` o'clock in `timeZone` after `now`.
  static func nextNight(after now: Instant, in timeZone: TimeZone) -> Instant {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let date = Date(timeIntervalSince1970: Double(now.epochMilliseconds) / 1000)
    let next =
      calendar.nextDate(
        after: date, matching: DateComponents(hour: nightlyHour, minute: 0, second: 0),
        matchingPolicy: .nextTime) ?? date.addingTimeInterval(86_400)
    return Instant(epochMilliseconds: Int64((next.timeIntervalSince1970 * 1000).rounded()))
  }

  private static func summary(_ value: some Encodable) throws -> [String: String] {
    ["value": try CompactJSONEncoder().text(value)]
  }
}
