public import FreightdeskCore

/// A quote: a price frozen when it was made, valid through a day, for a customer or an inquiry.
public struct Quote: Sendable, Equatable {
  /// Its id.
  public var id: Identifier
  /// Its number, e.g. `BJ20261204-0001`.
  public var number: String
  /// The inquiry it answers, if any.
  public var inquiryID: Identifier?
  /// The customer, when known.
  public var customerID: Identifier?
  /// What was priced.
  public var request: PricingRequestBody
  /// The price as computed when the quote was made.
  public var price: PriceView
  /// Where it stands, and its last valid day.
  public var lifecycle: QuoteLifecycle
  /// When it was made.
  public var createdAt: Instant
}
