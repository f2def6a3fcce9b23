public import FreightdeskCore
public import Storage
public import Web

/// Finance's review of credit holds: approving releases the amount despite the rule (an
/// audited override), rejecting refuses it.
public struct CreditHoldReview: Sendable {
  let services: ModuleServices

  /// A review over the shared services.
  public init(services: ModuleServices) {
    self.services = services
  }

  /// Finance decides hold `id`: `approve` releases it despite the rule, otherwise it is
  /// rejected; a note is required, and a decided hold cannot be decided again.
  public func decide(
    _ id: Identifier, approve: Bool, note: String, by user: Identifier, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> CreditHold {
    let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw ValidationFailure(pointer: "/note", code: "required") }
    var hold = try CreditHoldStore.load(id, scope)
    guard hold.status == "held" else { throw CommercialError.creditHoldDecided }
    hold.status = approve ? "approved" : "rejected"
    hold.decidedBy = user
    hold.decisionNote = trimmed
    try CreditHoldStore.saveDecision(hold, at: services.clock.now(), scope)
    try audit.record(
      entity: "credit_hold", id: id, action: approve ? "override" : "reject",
      before: ["status": "held"], after: ["status": hold.status, "note": trimmed], in: scope)
    return hold
  }
}
