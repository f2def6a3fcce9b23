import FreightdeskCore

/// A shipment to price as the API and the calculator send it: decimal kg and m³, services by
/// code, amounts in fen, the shipping day as `YYYY-MM-DD` (today when absent).
public struct PricingRequestBody: Codable, Sendable, Equatable {
  /// The origin region, e.g. `上海市/浦东新区`.
  public var origin: String
  /// The destination region.
  public var destination: String
  /// The actual weight in kg.
  public var weightKg: Double
  /// The volume in m³.
  public var volumeM3: Double?
  /// Service codes: `urgent`, `cold_chain`, `night`, `pickup`, `receipt_return`.
  public var services: [String]?
  /// The value to insure, in fen.
  public var declaredValueFen: Int64?
  /// The customer, whose valid contract card overrides the list card.
  public var customerID: Int64?
  /// The customer's segment or platform, for promotions.
  public var segment: String?
  /// The shipping day.
  public var shipDate: String?

  enum CodingKeys: String, CodingKey {
    case origin, destination, services, segment
    case weightKg = "weight_kg"
    case volumeM3 = "volume_m3"
    case declaredValueFen = "declared_value_fen"
    case customerID = "customer_id"
    case shipDate = "ship_date"
  }

  /// The engine's request; unknown services and a malformed day are field errors.
  func pricingRequest(today: CivilDate) throws -> PricingRequest {
    var problems: [FieldError] = []
    var kinds: Set<SurchargeKind> = []
    for (index, code) in (services ?? []).enumerated() {
      if let kind = SurchargeKind(rawValue: code) {
        kinds.insert(kind)
      } else {
        problems.append(FieldError(pointer: "/services/\(index)", code: "invalid_choice"))
      }
    }
    let day = shipDate.map { CivilDate($0) } ?? today
    if day == nil { problems.append(FieldError(pointer: "/ship_date", code: "invalid_date")) }
    guard let day, problems.isEmpty else { throw ValidationFailure(problems) }
    let request = PricingRequest(
      origin: RegionPath(origin), destination: RegionPath(destination),
      actualWeight: Weight(grams: Quantities.scaled(weightKg, by: 1000)),
      volume: Volume(
        cubicCentimetres: Quantities.scaled(
          volumeM3 ?? 0, by: Volume.cubicCentimetresPerCubicMetre)),
      services: kinds, declaredValue: declaredValueFen.map { Money(minorUnits: $0) },
      segment: segment.flatMap { $0.isEmpty ? nil : $0 }, shipDate: day)
    try request.validate()
    return request
  }
}

/// A computed price as the API returns it and a quote keeps it.
public struct PriceView: Codable, Sendable, Equatable {
  /// One line.
  public struct Line: Codable, Sendable, Equatable {
    /// The line's code, e.g. `surcharge.cold_chain`.
    public var code: String
    /// Its amount in fen (negative for a discount).
    public var amountFen: Int64

    enum CodingKeys: String, CodingKey {
      case code
      case amountFen = "amount_fen"
    }
  }

  /// The chargeable weight in kg.
  public var chargeableWeightKg: Double
  /// The lane's origin pattern.
  public var laneOrigin: String
  /// The lane's destination pattern.
  public var laneDestination: String
  /// `list` or `contract`.
  public var rateSource: String
  /// The card's name.
  public var rateCardName: String
  /// Whether the minimum charge applied.
  public var minimumChargeApplied: Bool
  /// The promotion applied.
  public var promotionCode: String?
  /// Every line.
  public var lines: [Line]
  /// The total in fen.
  public var totalFen: Int64
  /// The currency code.
  public var currency: String

  enum CodingKeys: String, CodingKey {
    case lines, currency
    case chargeableWeightKg = "chargeable_weight_kg"
    case laneOrigin = "lane_origin"
    case laneDestination = "lane_destination"
    case rateSource = "rate_source"
    case rateCardName = "rate_card_name"
    case minimumChargeApplied = "minimum_charge_applied"
    case promotionCode = "promotion_code"
    case totalFen = "total_fen"
  }

  /// The view of `breakdown`.
  init(_ breakdown: PriceBreakdown) {
    chargeableWeightKg = Quantities.decimal(breakdown.chargeableWeight.grams, by: 1000)
    laneOrigin = breakdown.laneOrigin.description
    laneDestination = breakdown.laneDestination.description
    rateSource = breakdown.rateSource.rawValue
    rateCardName = breakdown.rateCardName
    minimumChargeApplied = breakdown.minimumChargeApplied
    promotionCode = breakdown.promotionCode
    lines = breakdown.lines.map { Line(code: $0.code, amountFen: $0.amount.minorUnits) }
    totalFen = breakdown.total.minorUnits
    currency = breakdown.total.currency.rawValue
  }
}
