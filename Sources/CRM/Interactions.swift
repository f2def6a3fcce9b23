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

  /// The interaction's or the event's id; ids are unique across both, so with the time they
  /// order the timeline completely.
  public var id: Identifier {
    switch self {
    case .interaction(let interaction): interaction.id
    case .event(let event): event.id
    }
  }

  /// Where a page ending with this entry continues.
  var position: TimelinePosition {
    TimelinePosition(occurredAt: occurredAt, id: id)
  }
}

/// A place in a customer's timeline (newest first): the time and id of an entry; the entries
/// after it are those older, or as old with a smaller id. Pages of the timeline continue from
/// the last entry shown, so entries logged meanwhile never shift a page.
public struct TimelinePosition: Sendable, Equatable {
  /// The entry's time.
  public var occurredAt: Instant
  /// The entry's id.
  public var id: Identifier

  /// A position.
  public init(occurredAt: Instant, id: Identifier) {
    self.occurredAt = occurredAt
    self.id = id
  }

  /// The position written for a link: `<epoch milliseconds>-<id>`.
  public var text: String { "\(occurredAt.epochMilliseconds)-\(id)" }

  /// Reads ``text``; nil for anything else (a hand-edited link shows the newest entries).
  public init?(text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let milliseconds = Int64(parts[0]), let id = Int64(parts[1]),
      milliseconds >= 0, id > 0
    else { return nil }
    self.init(occurredAt: Instant(epochMilliseconds: milliseconds), id: Identifier(rawValue: id))
  }

  /// `columns` of a customer's rows in `table` (which has `customer_id`, `occurred_at` and
  /// `id`), newest first, after `position` when given; at most `limit`.
  static func rows(
    _ columns: String, from table: String, of customer: Identifier,
    after position: TimelinePosition?, limit: Int, _ scope: TenantScope
  ) throws -> [Row] {
    var after = ""
    var values: [SQLValue] = [.integer(customer.rawValue)]
    if let position {
      after = "AND (occurred_at < $3 OR (occurred_at = $3 AND id < $4))"
      values += [.integer(position.occurredAt.epochMilliseconds), .integer(position.id.rawValue)]
    }
    return try scope.query(
      """
      SELECT \(columns) FROM \(table)
      WHERE tenant_id = $1 AND customer_id = $2 \(after)
      ORDER BY occurred_at DESC, id DESC LIMIT \(limit)
      """, values)
  }
}

/// One page of a customer's timeline.
public struct TimelinePage: Sendable, Equatable {
  /// The entries, newest first.
  public var entries: [TimelineEntry]
  /// Where the next (older) page starts; nil on the last page.
  public var next: TimelinePosition?
}

extension CRMService {
  /// The most entries a page of the timeline shows.
  public static let timelineEntriesMax = 100

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
      try InteractionStore.list(of: customer, after: nil, limit: Self.timelineEntriesMax, $0)
    }
  }

  /// A page of a customer's timeline, interactions and announced events newest first: the
  /// newest entries, or those after `position`; at most `limit`.
  public func timeline(
    of customer: Identifier, in tenant: TenantID, after position: TimelinePosition? = nil,
    limit: Int = timelineEntriesMax
  ) throws -> TimelinePage {
    try database.read(for: tenant) { scope in
      // One more than a page from each table tells whether another page follows.
      let interactions = try InteractionStore.list(
        of: customer, after: position, limit: limit + 1, scope)
      let events = try TimelineEventStore.list(
        of: customer, after: position, limit: limit + 1, scope)
      let entries = (interactions.map(TimelineEntry.interaction) + events.map(TimelineEntry.event))
        .sorted { ($0.occurredAt, $0.id.rawValue) > ($1.occurredAt, $1.id.rawValue) }
      let page = Array(entries.prefix(limit))
      return TimelinePage(
        entries: page, next: entries.count > limit ? page.last?.position : nil)
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

  /// The customer's interactions newest first, after `position` when given; at most `limit`.
  static func list(
    of customer: Identifier, after position: TimelinePosition?, limit: Int,
    _ scope: TenantScope
  ) throws -> [Interaction] {
    try TimelinePosition.rows(
      "id, customer_id, contact_id, kind, reference, summary, author_id, author_name, occurred_at",
      from: "interactions", of: customer, after: position, limit: limit, scope
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
