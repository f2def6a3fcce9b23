public import FreightdeskCore

/// Failures of the orders module other than field rules and lifecycle transitions, each with
/// its stable code.
public enum OrdersError: UserFacingError, Equatable {
  /// No order with this id in the company (404).
  case orderNotFound
  /// The user has no saved view with this id (404).
  case viewNotFound
  /// Only a draft can be edited (409).
  case orderNotDraft(status: OrderStatus)
  /// The customer may not order urgent service under the company's rule (422).
  case urgentNotAllowed(ratingMin: String, deliveredMin: Int, periodDays: Int)
  /// The waybill and phone digits did not match an order, or too many guesses were made
  /// (the same answer for both, so guessing learns nothing) (404).
  case trackingNotFound
  /// Too many tracking guesses from this address; try again later (429).
  case trackingThrottled
  /// The order has more packages than one label sheet prints (422).
  case tooManyLabels(max: Int)

  /// The stable code.
  public var code: String {
    switch self {
    case .orderNotFound: "order_not_found"
    case .viewNotFound: "order_view_not_found"
    case .orderNotDraft: "order_not_draft"
    case .urgentNotAllowed: "urgent_not_allowed"
    case .trackingNotFound: "tracking_not_found"
    case .trackingThrottled: "tracking_throttled"
    case .tooManyLabels: "order_labels_too_many"
    }
  }

  /// The kind, which decides the HTTP status.
  public var kind: ErrorKind {
    switch self {
    case .orderNotFound, .viewNotFound, .trackingNotFound: .notFound
    case .orderNotDraft: .conflict
    case .urgentNotAllowed, .tooManyLabels: .unprocessable
    case .trackingThrottled: .rateLimited
    }
  }

  /// The values the message quotes.
  public var arguments: [String: String] {
    switch self {
    case .orderNotDraft(let status): ["status": status.rawValue]
    case .urgentNotAllowed(let rating, let delivered, let days):
      ["rating_min": rating, "delivered_min": String(delivered), "period_days": String(days)]
    case .tooManyLabels(let max): ["max": String(max)]
    default: [:]
    }
  }
}
