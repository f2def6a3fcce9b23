public import FreightdeskCore
import Storage
public import Web

/// One line of a customer's timeline: an interaction someone logged, or an event another
/// module announced.
public enum TimelineEntry: Sendable, Equatable {
  /// A call, visit, e-mail, WeChat message or note.
  case interaction(Interaction)
  /// An order placed, a complaint raised, a survey answered.
  case event(TimelineEvent)

  /// When it happened.
  public var occurredAt: Instant {
    switch self {
    case .interaction(let interaction): interaction.occurredAt
    case .event(let event): event.occurredAt
    }
  }
}

extension CRMService {
  /// The most interactions a timeline shows.
  static let timelineEntriesMax = 100

  /// Logs an interaction by the caller against a customer.
  @discardableResult
  public func logInteraction(
    _ input: InteractionInput, customer: Identifier, by author: StaffMember, in tenant: TenantID,
    audit: AuditContext
  ) throws -> Interaction {
    var problems = CustomerRules.text(input.summary, pointer: "/summary", max: 2000)
    problems += CustomerRules.text(
      input.reference ?? "", pointer: "/reference", max: 40, optional: true)
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let interaction = Interaction(
      id: identifiers.next(), customerID: customer, contactID: input.contactID, kind: input.kind,
      reference: (input.reference ?? "").trimmed, summary: input.summary.trimmed,
      authorID: author.id, authorName: author.name, occurredAt: input.occurredAt ?? clock.now())
    try database.write(for: tenant) { scope in
      _ = try CustomerStore.load(customer, scope)
      if let contact = input.contactID {
        do {
          _ = try ContactStore.load(contact, of: customer, scope)
        } catch CRMError.contactNotFound {
          throw ValidationFailure(pointer: "/contact_id", code: "unknown_choice")
        }
      }
      try insertInteraction(interaction, audit: audit, scope)
    }
    return interaction
  }

  func insertInteraction(_ interaction: Interaction, audit: AuditContext, _ scope: TenantScope)
    throws
  {
    try InteractionStore.insert(interaction, scope)
    try audit.record(
      entity: "interaction", id: interaction.id, action: "create",
      after: [
        "customer_id": interaction.customerID.description, "kind": interaction.kind.rawValue,
      ], in: scope)
  }

  /// A customer's interactions, newest first.
  public func interactions(of customer: Identifier, in tenant: TenantID) throws -> [Interaction] {
    try reading(customer, in: tenant) {
      try InteractionStore.list(of: customer, limit: Self.timelineEntriesMax, $0)
    }
  }

  /// A customer's timeline: interactions and announced events, newest first.
  public func timeline(of customer: Identifier, in tenant: TenantID) throws -> [TimelineEntry] {
    try database.read(for: tenant) { scope in
      let interactions = try InteractionStore.list(
        of: customer, limit: Self.timelineEntriesMax, scope)
      let events = try TimelineEventStore.list(of: customer, limit: Self.timelineEntriesMax, scope)
      let entries = interactions.map(TimelineEntry.interaction) + events.map(TimelineEntry.event)
      return Array(entries.sorted { $0.occurredAt > $1.occurredAt }.prefix(Self.timelineEntriesMax))
    }
  }
}

/// Reads and writes `interactions`.
enum InteractionStore {
  static func insert(_ interaction: Interaction, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO interactions (tenant_id, id, customer_id, contact_id, kind, reference, summary,
        author_id, author_name, occurred_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      """,
      [
        .integer(interaction.id.rawValue), .integer(interaction.customerID.rawValue),
        SQLValue(interaction.contactID), .text(interaction.kind.rawValue),
        .text(interaction.reference), .text(interaction.summary),
        .integer(interaction.authorID.rawValue), .text(interaction.authorName),
        .integer(interaction.occurredAt.epochMilliseconds),
      ])
  }

  static func list(of customer: Identifier, limit: Int, _ scope: TenantScope) throws
    -> [Interaction]
  {
    try scope.query(
      """
      SELECT id, customer_id, contact_id, kind, reference, summary, author_id, author_name,
        occurred_at
      FROM interactions WHERE tenant_id = $1 AND customer_id = $2
      ORDER BY occurred_at DESC, id DESC LIMIT \(limit)
      """, [.integer(customer.rawValue)]
    ).map { row in
      Interaction(
        id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
        contactID: try row.optionalIdentifier("contact_id"),
        kind: InteractionKind(rawValue: try row.string("kind")) ?? .note,
        reference: try row.string("reference"), summary: try row.string("summary"),
        authorID: try row.identifier("author_id"), authorName: try row.string("author_name"),
        occurredAt: try row.instant("occurred_at"))
    }
  }
}
