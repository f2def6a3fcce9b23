public import FreightdeskCore
import Storage
public import Web

extension CRMService {
  /// The most open follow-ups one list shows.
  static let followUpsListedMax = 200

  /// Adds a follow-up on a customer for `assignee` (the caller when the input names nobody).
  @discardableResult
  public func addFollowUp(
    _ input: FollowUpInput, customer: Identifier, by caller: Identifier, in tenant: TenantID,
    audit: AuditContext
  ) throws -> Identifier {
    var problems = CustomerRules.text(input.title, pointer: "/title", max: 200)
    problems += CustomerRules.date(input.dueOn, pointer: "/due_on")
    let assignee = input.assigneeID ?? caller
    if try !staff.members(of: tenant).contains(where: { $0.id == assignee }) {
      problems.append(FieldError(pointer: "/assignee_id", code: "unknown_user"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let id = identifiers.next()
    try database.write(for: tenant) { scope in
      _ = try CustomerStore.load(customer, scope)
      try insertFollowUp(
        id: id, customer: customer, assignee: assignee, title: input.title.trimmed,
        dueOn: input.dueOn, audit: audit, scope)
    }
    return id
  }

  func insertFollowUp(
    id: Identifier, customer: Identifier, assignee: Identifier, title: String, dueOn: String,
    audit: AuditContext, _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      INSERT INTO follow_ups (tenant_id, id, customer_id, assignee_id, title, due_on, done_at,
        created_at)
      VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)
      """,
      [
        .integer(id.rawValue), .integer(customer.rawValue), .integer(assignee.rawValue),
        .text(title), .text(dueOn), .integer(clock.now().epochMilliseconds),
      ])
    try audit.record(
      entity: "follow_up", id: id, action: "create",
      after: [
        "customer_id": customer.description, "assignee_id": assignee.description,
        "due_on": dueOn,
      ], in: scope)
  }

  /// The open follow-ups assigned to `user`, earliest due first.
  public func openFollowUps(of user: Identifier, in tenant: TenantID) throws -> [FollowUp] {
    try database.read(for: tenant) { scope in
      try FollowUpStore.list(
        "f.assignee_id = $2 AND f.done_at IS NULL", .integer(user.rawValue), scope)
    }
  }

  /// A customer's follow-ups, open ones first.
  public func followUps(of customer: Identifier, in tenant: TenantID) throws -> [FollowUp] {
    try database.read(for: tenant) { scope in
      try FollowUpStore.list("f.customer_id = $2", .integer(customer.rawValue), scope)
    }
  }

  /// Marks a follow-up done, or open again.
  public func setFollowUp(
    _ id: Identifier, done: Bool, in tenant: TenantID, audit: AuditContext
  ) throws {
    try database.write(for: tenant) { scope in
      let changed = try scope.execute(
        "UPDATE follow_ups SET done_at = $2 WHERE tenant_id = $1 AND id = $3",
        [done ? .integer(clock.now().epochMilliseconds) : .null, .integer(id.rawValue)])
      if changed == 0 { throw CRMError.followUpNotFound }
      try audit.record(
        entity: "follow_up", id: id, action: done ? "done" : "reopen", in: scope)
    }
  }
}

/// Reads `follow_ups` with their customers' short names.
enum FollowUpStore {
  static func list(_ condition: String, _ value: SQLValue, _ scope: TenantScope) throws
    -> [FollowUp]
  {
    try scope.query(
      """
      SELECT f.id, f.customer_id, c.short_name, f.assignee_id, f.title, f.due_on, f.done_at
      FROM follow_ups f
      JOIN customers c ON c.tenant_id = f.tenant_id AND c.id = f.customer_id
      WHERE f.tenant_id = $1 AND \(condition)
      ORDER BY CASE WHEN f.done_at IS NULL THEN 0 ELSE 1 END, f.due_on, f.id
      LIMIT \(CRMService.followUpsListedMax)
      """, [value]
    ).map { row in
      FollowUp(
        id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
        customerName: try row.string("short_name"), assigneeID: try row.identifier("assignee_id"),
        title: try row.string("title"), dueOn: try row.string("due_on"),
        doneAt: try row.optionalInstant("done_at"))
    }
  }
}
