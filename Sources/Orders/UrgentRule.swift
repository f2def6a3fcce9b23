public import FreightdeskCore
import Storage

/// Who may order urgent service (加急 / 次日达): customers rated at least ``ratingMin`` with at
/// least ``deliveredMin`` orders delivered in the last ``periodDays`` days. It is company data
/// that the settings page changes; the default, rating A or B and three deliveries in ninety
/// days, lets a customer in good standing order urgently once it has shown it ships with us,
/// while a new or poorly rated customer cannot tie up the fast lane on credit.
public struct UrgentRule: Sendable, Equatable, Codable {
  /// The worst rating still allowed, `A` to `D` (`B` allows A and B).
  public var ratingMin: String
  /// Delivered orders needed within the period (0 means none).
  public var deliveredMin: Int
  /// The period in days, counted back from now.
  public var periodDays: Int

  enum CodingKeys: String, CodingKey {
    case ratingMin = "rating_min"
    case deliveredMin = "delivered_min"
    case periodDays = "period_days"
  }

  /// A rule.
  public init(ratingMin: String, deliveredMin: Int, periodDays: Int) {
    self.ratingMin = ratingMin
    self.deliveredMin = deliveredMin
    self.periodDays = periodDays
  }

  /// Rating A or B, three orders delivered in the last ninety days.
  public static let standard = UrgentRule(ratingMin: "B", deliveredMin: 3, periodDays: 90)

  /// The ratings, best first.
  public static let ratings = ["A", "B", "C", "D"]

  /// Whether a customer rated `rating` with `delivered` orders in the period may order urgently.
  public func allows(rating: String, delivered: Int) -> Bool {
    guard let have = Self.ratings.firstIndex(of: rating),
      let need = Self.ratings.firstIndex(of: ratingMin)
    else { return false }
    return have <= need && delivered >= deliveredMin
  }

  /// Throws a ``ValidationFailure`` unless the rating is known, the count is 0...1000 and the
  /// period 1...365 days.
  public func validate() throws(ValidationFailure) {
    var problems: [FieldError] = []
    if !Self.ratings.contains(ratingMin) {
      problems.append(FieldError(pointer: "/rating_min", code: "unknown_choice"))
    }
    if !(0...1000).contains(deliveredMin) {
      problems.append(
        FieldError(
          pointer: "/delivered_min", code: "out_of_range", arguments: ["min": "0", "max": "1000"]))
    }
    if !(1...365).contains(periodDays) {
      problems.append(
        FieldError(
          pointer: "/period_days", code: "out_of_range", arguments: ["min": "1", "max": "365"]))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
  }
}

/// Reads and writes the company's ``UrgentRule`` (one row; ``UrgentRule/standard`` until set).
enum OrderSettingsStore {
  static func urgentRule(_ scope: TenantScope) throws -> UrgentRule {
    guard
      let row = try scope.query(
        """
        SELECT urgent_rating_min, urgent_delivered_min, urgent_period_days FROM order_settings
        WHERE tenant_id = $1 AND id = $1
        """
      ).first
    else { return .standard }
    return UrgentRule(
      ratingMin: try row.string("urgent_rating_min"),
      deliveredMin: try row.int("urgent_delivered_min"),
      periodDays: try row.int("urgent_period_days"))
  }

  static func save(_ rule: UrgentRule, _ scope: TenantScope) throws {
    try scope.execute("DELETE FROM order_settings WHERE tenant_id = $1")
    try scope.execute(
      """
      INSERT INTO order_settings (tenant_id, id, urgent_rating_min, urgent_delivered_min,
        urgent_period_days)
      VALUES ($1, $1, $2, $3, $4)
      """,
      [.text(rule.ratingMin), .integer(Int64(rule.deliveredMin)), .integer(Int64(rule.periodDays))])
  }

  /// The rule's fields for an audit row.
  static func fields(_ rule: UrgentRule) -> [String: String] {
    [
      "rating_min": rule.ratingMin, "delivered_min": String(rule.deliveredMin),
      "period_days": String(rule.periodDays),
    ]
  }

  /// How many of `customer`'s orders were delivered at or after `since`.
  static func deliveredCount(of customer: Identifier, since: Instant, _ scope: TenantScope) throws
    -> Int
  {
    try scope.query(
      """
      SELECT COUNT(*) AS n FROM orders
      WHERE tenant_id = $1 AND customer_id = $2 AND delivered_at >= $3
      """, [.integer(customer.rawValue), .integer(since.epochMilliseconds)]
    )[0].int("n")
  }
}
