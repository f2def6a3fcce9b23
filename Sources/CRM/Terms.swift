public import Web

/// How a customer settles freight charges.
public enum Settlement: String, Sendable, Codable, CaseIterable, SchemaEnumeration {
  /// 现付: paid when the goods are handed over.
  case prepaid
  /// 到付: the consignee pays on delivery.
  case collect
  /// 月结: a monthly statement, paid within agreed days.
  case monthly
}

/// A customer's credit rating, A (best) to D.
public enum CreditRating: String, Sendable, Codable, CaseIterable, SchemaEnumeration {
  /// Excellent.
  case a = "A"
  /// Good.
  case b = "B"
  /// Fair; the rating of a new customer.
  case c = "C"
  /// Poor: prepaid only in practice.
  case d = "D"
}

/// How a customer pays: settlement, billing day and days to pay for 月结, rating and limit.
public struct CommercialTerms: Codable, Sendable, Equatable {
  /// The settlement.
  public var settlement: Settlement
  /// For 月结: the day of the month the statement is drawn (1–28).
  public var billingDay: Int?
  /// For 月结: days from the statement to payment (0–120).
  public var paymentDays: Int?
  /// The credit rating.
  public var creditRating: CreditRating
  /// The credit limit in fen (never negative).
  public var creditLimitFen: Int64

  enum CodingKeys: String, CodingKey {
    case settlement
    case billingDay = "billing_day"
    case paymentDays = "payment_days"
    case creditRating = "credit_rating"
    case creditLimitFen = "credit_limit_fen"
  }

  /// Terms.
  public init(
    settlement: Settlement, billingDay: Int? = nil, paymentDays: Int? = nil,
    creditRating: CreditRating, creditLimitFen: Int64
  ) {
    self.settlement = settlement
    self.billingDay = billingDay
    self.paymentDays = paymentDays
    self.creditRating = creditRating
    self.creditLimitFen = creditLimitFen
  }

  /// A new customer's terms: prepaid, rating C, no credit.
  public static let initial = CommercialTerms(
    settlement: .prepaid, creditRating: .c, creditLimitFen: 0)
}

/// How a customer wants goods moved; every field may be left out of a request.
public struct TransportPreferences: Codable, Sendable, Equatable {
  /// Usual delivery and pickup time windows, e.g. 09:00–12:00，14:00–17:30.
  public var timeWindows: String
  /// Accepts deliveries at night.
  public var nightDelivery: Bool
  /// Needs cold chain.
  public var coldChain: Bool
  /// Needs the signed receipt returned (签收回单).
  public var receiptReturn: Bool
  /// Packaging requirements.
  public var packaging: String
  /// Notes for drivers.
  public var driverNotes: String

  enum CodingKeys: String, CodingKey {
    case packaging
    case timeWindows = "time_windows"
    case nightDelivery = "night_delivery"
    case coldChain = "cold_chain"
    case receiptReturn = "receipt_return"
    case driverNotes = "driver_notes"
  }

  /// Preferences.
  public init(
    timeWindows: String = "", nightDelivery: Bool = false, coldChain: Bool = false,
    receiptReturn: Bool = false, packaging: String = "", driverNotes: String = ""
  ) {
    self.timeWindows = timeWindows
    self.nightDelivery = nightDelivery
    self.coldChain = coldChain
    self.receiptReturn = receiptReturn
    self.packaging = packaging
    self.driverNotes = driverNotes
  }

  /// Decodes preferences, taking the defaults for fields left out.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    timeWindows = try container.decodeIfPresent(String.self, forKey: .timeWindows) ?? ""
    nightDelivery = try container.decodeIfPresent(Bool.self, forKey: .nightDelivery) ?? false
    coldChain = try container.decodeIfPresent(Bool.self, forKey: .coldChain) ?? false
    receiptReturn = try container.decodeIfPresent(Bool.self, forKey: .receiptReturn) ?? false
    packaging = try container.decodeIfPresent(String.self, forKey: .packaging) ?? ""
    driverNotes = try container.decodeIfPresent(String.self, forKey: .driverNotes) ?? ""
  }
}
