import Foundation
public import FreightdeskCore
import Storage

/// What another module puts in an outbox event about a customer for the CRM timeline, e.g.
/// `{"customer_id": 123, "reference": "TO20261204-0007"}` on topic `order.created`.
public struct CustomerEventPayload: Codable, Sendable, JSONObjectReadable {
  /// The customer.
  public var customerID: Identifier
  /// The document it concerns (order, ticket or survey number).
  public var reference: String

  /// The JSON members.
  public enum CodingKeys: String, CodingKey {
    case reference
    case customerID = "customer_id"
  }

  /// Decodes a payload from its members: each order event is read by the timeline on the
  /// SQLite writer's thread, where the generic decoder's cost held up every other write.
  public init(members: some KeyedDecodingSource<CodingKeys>) throws {
    self.init(
      customerID: try members.decode(Identifier.self, forKey: .customerID),
      reference: try members.decode(String.self, forKey: .reference))
  }

  /// A payload.
  public init(customerID: Identifier, reference: String) {
    self.customerID = customerID
    self.reference = reference
  }
}

/// The outbox topics whose events appear in customers' timelines by themselves.
public enum CustomerTimelineTopic: String, CaseIterable, Sendable {
  /// An order was placed.
  case orderCreated = "order.created"
  /// A complaint was raised.
  case complaintRaised = "complaint.raised"
  /// A satisfaction survey was answered.
  case surveyAnswered = "survey.answered"

  /// The catalog key of the timeline line.
  var labelKey: String { "crm.timeline.topic.\(rawValue.replacingOccurrences(of: ".", with: "_"))" }

  /// The handler that records this topic's events in `crm_timeline_events`; the event's id
  /// keys the row, so a retried delivery records nothing twice.
  var handler: OutboxHandler {
    OutboxHandler(name: "crm.timeline.\(rawValue)", topic: rawValue) { event, scope in
      let payload = try JSONValueDecoder().decode(
        CustomerEventPayload.self, fromText: event.payload)
      try scope.execute(
        """
        INSERT INTO crm_timeline_events (tenant_id, id, customer_id, topic, reference,
          occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
        """,
        [
          .integer(event.id.rawValue), .integer(payload.customerID.rawValue), .text(event.topic),
          .text(payload.reference), .integer(event.createdAt.epochMilliseconds),
        ])
    }
  }
}

/// Reads `crm_timeline_events`.
enum TimelineEventStore {
  /// The customer's events newest first, after `position` when given; at most `limit`.
  static func list(
    of customer: Identifier, after position: TimelinePosition?, limit: Int,
    _ scope: TenantScope
  ) throws -> [TimelineEvent] {
    try TimelinePosition.rows(
      "id, customer_id, topic, reference, occurred_at", from: "crm_timeline_events",
      of: customer, after: position, limit: limit, scope
    ).map { row in
      TimelineEvent(
        id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
        topic: try row.string("topic"), reference: try row.string("reference"),
        occurredAt: try row.instant("occurred_at"))
    }
  }
}
