import FreightdeskCore

/// A rate card as the API returns it: its id, current version and definition.
struct RateCardView: Codable, Sendable {
  var id: Identifier
  var version: Int64
  var definition: RateCardDocument

  init(_ card: StoredRateCard) {
    id = card.id
    version = card.version
    definition = card.document
  }
}

/// A list of rate cards.
struct RateCardList: Codable, Sendable {
  var items: [RateCardView]
}

/// The company's chargeable-weight rule.
struct PricingSettingsView: Codable, Sendable {
  var kilogramsPerCubicMetre: Int64
  var weightRounding: String

  enum CodingKeys: String, CodingKey {
    case kilogramsPerCubicMetre = "kilograms_per_cubic_metre"
    case weightRounding = "weight_rounding"
  }
}

/// A promotion as the API reads and writes it.
struct PromotionView: Codable, Sendable {
  var code: String
  var name: String
  var percentBasisPoints: Int64?
  var fixedFen: Int64?
  var segment: String?
  var validFrom: String
  var validThrough: String

  enum CodingKeys: String, CodingKey {
    case code, name, segment
    case percentBasisPoints = "percent_basis_points"
    case fixedFen = "fixed_fen"
    case validFrom = "valid_from"
    case validThrough = "valid_through"
  }
}

/// A list of promotions.
struct PromotionList: Codable, Sendable {
  var items: [PromotionView]
}

/// An inquiry as the API returns it.
struct InquiryView: Codable, Sendable {
  var id: Identifier
  var number: String
  var stage: String
  var lostReason: String?
  var source: String
  var details: NewInquiry

  enum CodingKeys: String, CodingKey {
    case id, number, stage, source, details
    case lostReason = "lost_reason"
  }
}

/// A step in an inquiry's pipeline: `qualify`, `quote`, `win` or `lose` (with a reason).
struct InquiryTransition: Codable, Sendable {
  var event: String
  var reason: String?
}

/// One period's conversion figures.
struct ConversionView: Codable, Sendable {
  var period: String
  var total: Int
  var stages: [String: Int]
  var wonRateBasisPoints: Int64?

  enum CodingKeys: String, CodingKey {
    case period, total, stages
    case wonRateBasisPoints = "won_rate_basis_points"
  }
}

/// Conversion figures by month.
struct ConversionList: Codable, Sendable {
  var items: [ConversionView]
}

/// A quote as the API returns it.
struct QuoteView: Codable, Sendable {
  var id: Identifier
  var number: String
  var status: String
  var inquiryID: Identifier?
  var customerID: Identifier?
  var validThrough: String
  var request: PricingRequestBody
  var price: PriceView

  enum CodingKeys: String, CodingKey {
    case id, number, status, request, price
    case inquiryID = "inquiry_id"
    case customerID = "customer_id"
    case validThrough = "valid_through"
  }
}

/// How many quotes were expired.
struct ExpiredQuotes: Codable, Sendable {
  var expired: Int
}

/// A contract as the API reads and writes it.
struct ContractView: Codable, Sendable {
  var id: Identifier?
  var number: String?
  var customerID: Int64
  var title: String
  var rateCardID: Int64
  var validFrom: String
  var validThrough: String
  var settlement: String
  var onTimeTargetBasisPoints: Int64
  var renewalReminderDays: Int
  var dueForRenewal: Bool?

  enum CodingKeys: String, CodingKey {
    case id, number, title, settlement
    case customerID = "customer_id"
    case rateCardID = "rate_card_id"
    case validFrom = "valid_from"
    case validThrough = "valid_through"
    case onTimeTargetBasisPoints = "on_time_target_basis_points"
    case renewalReminderDays = "renewal_reminder_days"
    case dueForRenewal = "due_for_renewal"
  }
}

/// A list of contracts.
struct ContractList: Codable, Sendable {
  var items: [ContractView]
}

/// Finance's note on a credit decision.
struct CreditDecisionNote: Codable, Sendable {
  var note: String
}
