import Foundation
public import FreightdeskCore
public import Storage
public import Web

/// Finance's review of credit holds: approving releases the amount despite the rule (an
/// audited override), rejecting refuses it. Each decision is announced as
/// `credit_hold.decided` (see ``CreditHoldDecided``) so the module that asked (orders, for
/// `order:<id>`) can act on it.
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
    _ = try services.outbox.enqueue(
      topic: CreditHoldDecided.topic,
      payload: try CreditHoldDecided(hold).json(), in: scope)
    try audit.record(
      entity: "credit_hold", id: id, action: approve ? "override" : "reject",
      before: ["status": "held"], after: ["status": hold.status, "note": trimmed], in: scope)
    return hold
  }
}

/// What `credit_hold.decided` carries: the hold, its reference (`order:<id>`, …), its customer,
/// the decision (`approved` or `rejected`) and finance's note.
public struct CreditHoldDecided: Codable, Sendable, Equatable {
  /// The outbox topic.
  public static let topic = "credit_hold.decided"

  /// The hold's id.
  public var holdID: Identifier
  /// What was held, e.g. `order:123`.
  public var reference: String
  /// The customer.
  public var customerID: Identifier
  /// `approved` or `rejected`.
  public var status: String
  /// Finance's note.
  public var note: String

  enum CodingKeys: String, CodingKey {
    case reference, status, note
    case holdID = "hold_id"
    case customerID = "customer_id"
  }

  /// The announcement of decided `hold`.
  public init(_ hold: CreditHold) {
    holdID = hold.id
    reference = hold.reference
    customerID = hold.customerID
    status = hold.status
    note = hold.decisionNote ?? ""
  }

  /// The payload as compact JSON.
  func json() throws -> String {
    try CompactJSONEncoder().text(self)
  }
}
