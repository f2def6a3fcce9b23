import Foundation
import FreightdeskCore
public import Storage
import Web

/// What CRM reads from the order events that trigger a recomputation: the customer.
struct OrderEventCustomer: JSONObjectReadable {
  var customerID: Identifier

  enum CodingKeys: String, CodingKey {
    case customerID = "customer_id"
  }

  init(members: some KeyedDecodingSource<CodingKeys>) throws {
    customerID = try members.decode(Identifier.self, forKey: .customerID)
  }
}

/// The order events after which a customer's automatic tags are recomputed; their payload
/// carries `customer_id` (as ``CustomerEventPayload`` does).
enum AutomaticTagTrigger: String, CaseIterable {
  /// An order was placed.
  case orderCreated = "order.created"
  /// An order was delivered.
  case orderDelivered = "order.delivered"
}

extension AutomaticTagging {
  /// The handlers that schedule a recomputation of the order's customer (and keep the nightly
  /// run queued) when an order is created or delivered.
  public var outboxHandlers: [OutboxHandler] {
    AutomaticTagTrigger.allCases.map { trigger in
      OutboxHandler(name: "crm.automatic_tags.\(trigger.rawValue)", topic: trigger.rawValue) {
        event, scope in
        let payload = try JSONValueDecoder().decode(
          OrderEventCustomer.self, fromText: event.payload)
        // The nightly run is re-checked only when a recomputation was newly queued, not for
        // every order of a burst.
        if try scheduleRecompute(of: payload.customerID, in: scope) {
          try scheduleNightly(in: scope)
        }
      }
    }
  }

  /// The jobs that recompute one customer, and every customer (nightly and on request).
  public var jobHandlers: [JobHandler] {
    let audit = AuditContext.system("automatic_tags", log: services.audit)
    return [
      JobHandler(kind: Self.customerJobKind) { context in
        guard let id = Int64(context.job.payload) else {
          throw CRMJobError.badPayload(context.job.payload)
        }
        try context.write { try recompute([Identifier(rawValue: id)], audit: audit, in: $0) }
      },
      JobHandler(kind: Self.allJobKind) { context in
        try recomputeAll(context, audit: audit)
        if context.job.payload == Self.nightlyPayload {
          try context.write { try scheduleNightly(in: $0) }
        }
      },
    ]
  }
}
