public import FreightdeskCore

/// Where a quote stands: open until its validity ends, then accepted or expired.
public enum QuoteStatus: String, Sendable, CaseIterable, Codable {
  /// Sent and still valid.
  case open
  /// Accepted by the customer; becomes an order.
  case accepted
  /// Its validity ended, or it was withdrawn, before acceptance.
  case expired
}

/// A quote step its state does not allow (409): accepting or expiring a quote that is no longer
/// open, or accepting one after its last valid day.
public struct QuoteStateError: UserFacingError, Equatable {
  /// `quote_not_open` or `quote_expired`.
  public var code: String
  /// The quote's status.
  public var status: QuoteStatus

  /// The error `code` for a quote at `status`.
  public init(code: String, status: QuoteStatus) {
    self.code = code
    self.status = status
  }

  /// A conflict with the quote's state.
  public var kind: ErrorKind { .conflict }
  /// The status.
  public var arguments: [String: String] { ["status": status.rawValue] }
  /// The status's name in the reader's language.
  public var argumentLabelKeys: [String: String] { ["status": "quotes.status.\(status.rawValue)"] }
}

/// The quote's lifecycle as a pure value: accept on or before the last valid day; expire while
/// open.
public struct QuoteLifecycle: Hashable, Sendable {
  /// The status.
  public private(set) var status: QuoteStatus
  /// The last day the quote may be accepted.
  public let validThrough: CivilDate

  /// A lifecycle at `status`.
  public init(status: QuoteStatus, validThrough: CivilDate) {
    self.status = status
    self.validThrough = validThrough
  }

  /// Accepts on `day`; throws `quote_not_open` or `quote_expired`.
  public mutating func accept(on day: CivilDate) throws(QuoteStateError) {
    guard status == .open else { throw QuoteStateError(code: "quote_not_open", status: status) }
    guard day <= validThrough else {
      throw QuoteStateError(code: "quote_expired", status: status)
    }
    status = .accepted
  }

  /// Expires an open quote; throws `quote_not_open` otherwise.
  public mutating func expire() throws(QuoteStateError) {
    guard status == .open else { throw QuoteStateError(code: "quote_not_open", status: status) }
    status = .expired
  }
}
