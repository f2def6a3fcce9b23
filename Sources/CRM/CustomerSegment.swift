public import FreightdeskCore

/// A saved filter over customers (客户分群), e.g. 华东的高价值淘宝客户: staff save it once and
/// see how many customers it holds today, export them or target them with a campaign.
/// Not to be confused with a ``PlatformSegment``, the e-commerce platform a customer sells on.
public struct CustomerSegment: Codable, Sendable, Equatable {
  /// The segment's id.
  public var id: Identifier
  /// Its name, unique in the company.
  public var name: String
  /// Which customers it holds.
  public var filter: CustomerSegmentFilter
  /// When it was saved first.
  public var createdAt: Instant
  /// When it was changed last.
  public var updatedAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, name, filter
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}

/// A segment to save: its name and filter.
public struct CustomerSegmentInput: Codable, Sendable, Equatable {
  /// The name, at most 40 characters.
  public var name: String
  /// The filter.
  public var filter: CustomerSegmentFilter

  /// An input.
  public init(name: String, filter: CustomerSegmentFilter) {
    self.name = name
    self.filter = filter
  }
}

/// Which customers a segment holds: every condition set must hold. Revenue and the RFM scores
/// are read from the order history of the last ``historyDays`` days.
public struct CustomerSegmentFilter: Codable, Sendable, Equatable {
  /// Only customers on this e-commerce platform (a ``PlatformSegment`` code).
  public var platform: String?
  /// Only customers with every one of these tags, manual or automatic.
  public var tags: [String]
  /// Only customers with an address in this province.
  public var province: String?
  /// Only customers with an address in this city.
  public var city: String?
  /// Only customers in this status.
  public var status: CustomerStatus?
  /// Only this sales rep's customers.
  public var ownerID: Identifier?
  /// Only customers whose orders brought at least this much, in fen.
  public var revenueMinFen: Int64?
  /// Only customers whose orders brought at most this much, in fen.
  public var revenueMaxFen: Int64?
  /// The least recency score, 1–5.
  public var recencyMin: Int?
  /// The least frequency score, 1–5.
  public var frequencyMin: Int?
  /// The least monetary score, 1–5.
  public var monetaryMin: Int?

  /// The days of order history revenue and RFM scores are read from.
  public static let historyDays = 365

  enum CodingKeys: String, CodingKey {
    case platform, tags, province, city, status
    case ownerID = "owner_id"
    case revenueMinFen = "revenue_min_fen"
    case revenueMaxFen = "revenue_max_fen"
    case recencyMin = "recency_min"
    case frequencyMin = "frequency_min"
    case monetaryMin = "monetary_min"
  }

  /// A filter; nothing set holds every customer.
  public init(
    platform: String? = nil, tags: [String] = [], province: String? = nil, city: String? = nil,
    status: CustomerStatus? = nil, ownerID: Identifier? = nil, revenueMinFen: Int64? = nil,
    revenueMaxFen: Int64? = nil, recencyMin: Int? = nil, frequencyMin: Int? = nil,
    monetaryMin: Int? = nil
  ) {
    self.platform = platform
    self.tags = tags
    self.province = province
    self.city = city
    self.status = status
    self.ownerID = ownerID
    self.revenueMinFen = revenueMinFen
    self.revenueMaxFen = revenueMaxFen
    self.recencyMin = recencyMin
    self.frequencyMin = frequencyMin
    self.monetaryMin = monetaryMin
  }

  /// Whether it reads the order history (a revenue band or an RFM score).
  public var readsHistory: Bool {
    revenueMinFen != nil || revenueMaxFen != nil || recencyMin != nil || frequencyMin != nil
      || monetaryMin != nil
  }

  /// Whether a customer with these figures and scores passes the history conditions.
  public func admits(_ figures: CustomerOrderFigures, score: RFMScore) -> Bool {
    if let revenueMinFen, figures.revenue.minorUnits < revenueMinFen { return false }
    if let revenueMaxFen, revenueMaxFen < figures.revenue.minorUnits { return false }
    if let recencyMin, score.recency < recencyMin { return false }
    if let frequencyMin, score.frequency < frequencyMin { return false }
    if let monetaryMin, score.monetary < monetaryMin { return false }
    return true
  }

  /// The broken rules, by JSON pointer under `pointer`.
  public func problems(pointer: String = "/filter") -> [FieldError] {
    var problems: [FieldError] = []
    for (index, tag) in tags.enumerated() {
      problems += CustomerRules.text(tag, pointer: "\(pointer)/tags/\(index)", max: 20)
    }
    for (value, name) in [(province, "province"), (city, "city"), (platform, "platform")] {
      if let value {
        problems += CustomerRules.text(value, pointer: "\(pointer)/\(name)", max: 40)
      }
    }
    for (fen, name) in [(revenueMinFen, "revenue_min_fen"), (revenueMaxFen, "revenue_max_fen")] {
      if let fen, fen < 0 {
        problems.append(FieldError(pointer: "\(pointer)/\(name)", code: "negative"))
      }
    }
    if let revenueMinFen, let revenueMaxFen, revenueMaxFen < revenueMinFen {
      problems.append(FieldError(pointer: "\(pointer)/revenue_max_fen", code: "below_minimum"))
    }
    let scores = [
      (recencyMin, "recency_min"), (frequencyMin, "frequency_min"), (monetaryMin, "monetary_min"),
    ]
    for (score, name) in scores {
      if let score, !RFMScore.range.contains(score) {
        problems.append(
          FieldError(
            pointer: "\(pointer)/\(name)", code: "out_of_range",
            arguments: ["min": "1", "max": "5"]))
      }
    }
    return problems
  }
}
