public import FreightdeskCore

/// Where a transport order stands, from the draft a clerk is typing to the closed file.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
  /// Being typed; may still change.
  case draft
  /// Sent by the customer or clerk, waiting for confirmation.
  case submitted
  /// Accepted: the price is frozen and the order waits for planning.
  case confirmed
  /// Over the customer's credit; waits for finance.
  case onHold = "on_hold"
  /// Put on a trip.
  case planned
  /// The goods are on the truck.
  case pickedUp = "picked_up"
  /// On the way.
  case inTransit = "in_transit"
  /// Handed over to the consignee.
  case delivered
  /// The signed receipt (签收回单 / POD) is back.
  case podReceived = "pod_received"
  /// Invoiced.
  case billed
  /// Done; nothing more happens.
  case closed
  /// Called off.
  case cancelled

  /// Whether the order is still alive: not a draft, not closed and not cancelled. An
  /// exception may be flagged only on an active order.
  public var isActive: Bool {
    switch self {
    case .draft, .closed, .cancelled: false
    default: true
    }
  }

  /// Whether the order counts against the customer's credit: accepted and not yet billed.
  public var isOpenExposure: Bool {
    switch self {
    case .confirmed, .planned, .pickedUp, .inTransit, .delivered, .podReceived: true
    default: false
    }
  }

  /// The catalog key of the status's name.
  public var labelKey: String { "orders.status.\(rawValue)" }
}

/// What may happen to an order. Staff and the API send most of them by name (`confirm`,
/// `plan`, …); the credit decisions come from finance through an outbox event.
public enum OrderEvent: Sendable, Equatable {
  /// The customer or clerk sends the draft.
  case submit
  /// Confirmation, after the credit check: `creditApproved` false puts the order on hold.
  case confirm(creditApproved: Bool)
  /// Finance approved the held amount.
  case approveCredit
  /// Finance refused the held amount; the order is cancelled.
  case rejectCredit
  /// Put on a trip, with the expected delivery time when known.
  case plan
  /// The driver picked the goods up.
  case pickUp
  /// The truck left with them.
  case depart
  /// Handed over to the consignee.
  case deliver
  /// The signed receipt came back.
  case receiveProofOfDelivery
  /// Invoiced.
  case bill
  /// Filed.
  case close
  /// Called off.
  case cancel
  /// Something went wrong (delay, breakdown, damage, refusal); the reason is shown.
  case flagException(reason: String)
  /// The exception was resolved.
  case clearException

  /// The status the event leads to when the order's state allows it; exception events keep
  /// the status.
  public func target(from status: OrderStatus) -> OrderStatus {
    switch self {
    case .submit: .submitted
    case .confirm(let approved): approved ? .confirmed : .onHold
    case .approveCredit: .confirmed
    case .plan: .planned
    case .rejectCredit, .cancel: .cancelled
    case .pickUp: .pickedUp
    case .depart: .inTransit
    case .deliver: .delivered
    case .receiveProofOfDelivery: .podReceived
    case .bill: .billed
    case .close: .closed
    case .flagException, .clearException: status
    }
  }

  /// The refusal of this event at `status`.
  func refused(at status: OrderStatus) -> InvalidTransition {
    InvalidTransition(from: status, to: target(from: status), event: name)
  }

  /// The event's stable name, as the API spells it.
  public var name: String {
    switch self {
    case .submit: "submit"
    case .confirm: "confirm"
    case .approveCredit: "approve_credit"
    case .rejectCredit: "reject_credit"
    case .plan: "plan"
    case .pickUp: "pick_up"
    case .depart: "depart"
    case .deliver: "deliver"
    case .receiveProofOfDelivery: "receive_pod"
    case .bill: "bill"
    case .close: "close"
    case .cancel: "cancel"
    case .flagException: "flag_exception"
    case .clearException: "clear_exception"
    }
  }
}

/// A transition the order's state does not allow (409 `invalid_transition`), naming the
/// status the order is in, the status the event leads to, and the event.
public struct InvalidTransition: UserFacingError, Equatable {
  /// The status the order was in.
  public var from: OrderStatus
  /// The status the event leads to when allowed (the same status for exception events).
  public var to: OrderStatus
  /// The event that was refused.
  public var event: String

  /// The refusal of `event` (which leads to `to`) at `from`.
  public init(from: OrderStatus, to: OrderStatus, event: String) {
    self.from = from
    self.to = to
    self.event = event
  }

  /// Always `invalid_transition`.
  public var code: String { "invalid_transition" }
  /// A conflict with the order's state.
  public var kind: ErrorKind { .conflict }
  /// The statuses and the event.
  public var arguments: [String: String] {
    ["from": from.rawValue, "to": to.rawValue, "event": event]
  }
  /// The statuses' and the event's names in the reader's language.
  public var argumentLabelKeys: [String: String] {
    ["from": from.labelKey, "to": to.labelKey, "event": "orders.event.\(event)"]
  }
}

/// The order's lifecycle as a pure value: its status and exception flag, and the one function
/// that moves them. It never touches the database; the service applies the result and
/// announces ``OrderTransition/topic`` through the outbox.
///
/// ```swift
/// var state = OrderState(status: .submitted)
/// let transition = try state.apply(.confirm(creditApproved: false))  // status is .onHold
/// ```
public struct OrderState: Hashable, Sendable {
  /// The status.
  public private(set) var status: OrderStatus
  /// The open exception's reason, if one is flagged.
  public private(set) var exception: String?

  /// A state at `status`, with an exception when flagged.
  public init(status: OrderStatus, exception: String? = nil) {
    self.status = status
    self.exception = exception
  }

  /// Applies `event`, returning what changed; throws ``InvalidTransition`` when the state does
  /// not allow it and leaves the state untouched.
  @discardableResult
  public mutating func apply(_ event: OrderEvent) throws(InvalidTransition) -> OrderTransition {
    let from = status
    switch event {
    case .flagException(let reason):
      guard status.isActive else { throw event.refused(at: status) }
      exception = reason
      return OrderTransition(from: from, to: status, topic: "order.exception_flagged")
    case .clearException:
      guard status.isActive, exception != nil else { throw event.refused(at: status) }
      exception = nil
      return OrderTransition(from: from, to: status, topic: "order.exception_cleared")
    default:
      guard let next = Self.target(of: event, from: status) else {
        throw event.refused(at: status)
      }
      status = next
      if !next.isActive { exception = nil }
      return OrderTransition(from: from, to: next, topic: "order.\(next.rawValue)")
    }
  }

  /// The status `event` leads to from `status`, or nil when it is not allowed.
  static func target(of event: OrderEvent, from status: OrderStatus) -> OrderStatus? {
    switch (event, status) {
    case (.submit, .draft): .submitted
    case (.confirm(let approved), .draft), (.confirm(let approved), .submitted):
      approved ? .confirmed : .onHold
    case (.approveCredit, .onHold): .confirmed
    case (.rejectCredit, .onHold): .cancelled
    case (.plan, .confirmed): .planned
    case (.pickUp, .planned): .pickedUp
    case (.depart, .pickedUp): .inTransit
    case (.deliver, .pickedUp), (.deliver, .inTransit): .delivered
    case (.receiveProofOfDelivery, .delivered): .podReceived
    case (.bill, .delivered), (.bill, .podReceived): .billed
    case (.close, .billed): .closed
    case (.cancel, .draft), (.cancel, .submitted), (.cancel, .confirmed), (.cancel, .onHold),
      (.cancel, .planned):
      .cancelled
    default: nil
    }
  }
}

/// What one applied event changed: the status before and after, and the outbox topic that
/// announces it (`order.<new status>`, or `order.exception_flagged` / `order.exception_cleared`).
public struct OrderTransition: Hashable, Sendable {
  /// The status before.
  public var from: OrderStatus
  /// The status after.
  public var to: OrderStatus
  /// The outbox topic, e.g. `order.confirmed`.
  public var topic: String
}
