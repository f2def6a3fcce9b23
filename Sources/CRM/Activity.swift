public import FreightdeskCore
public import Web

/// How we were in touch with a customer.
public enum InteractionKind: String, Sendable, Codable, CaseIterable, SchemaEnumeration {
  /// A phone call.
  case call
  /// A visit.
  case visit
  /// An e-mail.
  case email
  /// A WeChat message.
  case wechat
  /// A note.
  case note
  /// A complaint the customer made (counted by the 时效敏感 rule).
  case complaint
}

/// A call, visit, e-mail, WeChat message or note logged against a customer (and optionally
/// one of its contacts, or an order or ticket by its number).
public struct Interaction: Codable, Sendable, Equatable {
  /// The interaction's id.
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// The contact spoken to, if any.
  public var contactID: Identifier?
  /// The kind.
  public var kind: InteractionKind
  /// The order or ticket number it concerns, or empty.
  public var reference: String
  /// What was said or done.
  public var summary: String
  /// Who logged it.
  public var authorID: Identifier
  /// Their name when they logged it.
  public var authorName: String
  /// When it happened.
  public var occurredAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, kind, reference, summary
    case customerID = "customer_id"
    case contactID = "contact_id"
    case authorID = "author_id"
    case authorName = "author_name"
    case occurredAt = "occurred_at"
  }
}

/// A task to get back to a customer by a date.
public struct FollowUp: Codable, Sendable, Equatable {
  /// The follow-up's id.
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// The customer's short name, for lists.
  public var customerName: String
  /// Who is to do it.
  public var assigneeID: Identifier
  /// What to do.
  public var title: String
  /// The due date in the company's calendar, `YYYY-MM-DD`.
  public var dueOn: String
  /// When it was done, or nil while open.
  public var doneAt: Instant?

  enum CodingKeys: String, CodingKey {
    case id, title
    case customerID = "customer_id"
    case customerName = "customer_name"
    case assigneeID = "assignee_id"
    case dueOn = "due_on"
    case doneAt = "done_at"
  }
}

/// Something another module announced about a customer (an order placed, a complaint raised,
/// a survey answered), shown in the customer's timeline.
public struct TimelineEvent: Codable, Sendable, Equatable {
  /// The event's id (the outbox event's).
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// The outbox topic, e.g. `order.created`.
  public var topic: String
  /// The document it concerns, e.g. an order number.
  public var reference: String
  /// When it happened.
  public var occurredAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, topic, reference
    case customerID = "customer_id"
    case occurredAt = "occurred_at"
  }
}
