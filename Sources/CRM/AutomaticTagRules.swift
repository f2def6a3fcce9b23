public import FreightdeskCore
public import Web

/// The rules that tag customers by themselves from their order history.
public enum AutomaticTagRule: String, Sendable, Codable, CaseIterable, SchemaEnumeration {
  /// 时效敏感: a large share of urgent orders, or complaints.
  case timeSensitive = "time_sensitive"
  /// 偏好夜间: most deliveries in night windows.
  case nightPreferring = "night_preferring"
  /// 高价值: many orders in the period.
  case highValue = "high_value"
  /// 流失风险: orders fell sharply against the period before.
  case churnRisk = "churn_risk"
}

/// A company's automatic tag rules: which apply, the tag each gives, and their thresholds and
/// periods. Company data that staff read and change; ``defaults`` until they do.
public struct AutomaticTagSettings: Codable, Sendable, Equatable {
  /// 时效敏感: urgent orders are at least `sharePercentMin` % of the orders of the last
  /// `periodDays` days, or the customer complained at least `complaintsMin` times in them.
  public var timeSensitive: ShareRule
  /// 偏好夜间: night deliveries are at least `sharePercentMin` % of the deliveries of the last
  /// `periodDays` days, counted only from `countMin` deliveries.
  public var nightPreferring: ShareRule
  /// 高价值: at least `countMin` orders in the last `periodDays` days.
  public var highValue: CountRule
  /// 流失风险: the orders of the last `periodDays` days fell by at least `sharePercentMin` %
  /// against the `periodDays` days before, counted only from `countMin` orders before.
  public var churnRisk: ShareRule

  enum CodingKeys: String, CodingKey {
    case timeSensitive = "time_sensitive"
    case nightPreferring = "night_preferring"
    case highValue = "high_value"
    case churnRisk = "churn_risk"
  }

  /// Bundles the rules.
  public init(
    timeSensitive: ShareRule, nightPreferring: ShareRule, highValue: CountRule,
    churnRisk: ShareRule
  ) {
    self.timeSensitive = timeSensitive
    self.nightPreferring = nightPreferring
    self.highValue = highValue
    self.churnRisk = churnRisk
  }

  /// The rules of a company that never changed them, as the issue defines them: 高价值 is 50
  /// orders a month.
  public static let defaults = AutomaticTagSettings(
    timeSensitive: ShareRule(
      tag: "时效敏感", periodDays: 90, sharePercentMin: 30, countMin: 10, complaintsMin: 2),
    nightPreferring: ShareRule(tag: "偏好夜间", periodDays: 90, sharePercentMin: 50, countMin: 5),
    highValue: CountRule(tag: "高价值", periodDays: 30, countMin: 50),
    churnRisk: ShareRule(tag: "流失风险", periodDays: 30, sharePercentMin: 50, countMin: 5))

  /// The broken rules, by JSON pointer: periods of 1–365 days, shares of 1–100 %, counts of
  /// 1–100,000, tags of 1–20 characters and no two rules giving the same tag.
  public func problems() -> [FieldError] {
    var problems =
      timeSensitive.problems(pointer: "/time_sensitive", complaints: true)
      + nightPreferring.problems(pointer: "/night_preferring", complaints: false)
      + highValue.problems(pointer: "/high_value")
      + churnRisk.problems(pointer: "/churn_risk", complaints: false)
    var seen: Set<String> = []
    for rule in AutomaticTagRule.allCases {
      let tag = self.tag(of: rule).trimmed
      if !tag.isEmpty && !seen.insert(tag).inserted {
        problems.append(
          FieldError(pointer: "/\(rule.rawValue)/tag", code: "already_taken"))
      }
    }
    return problems
  }

  /// The tag `rule` gives.
  public func tag(of rule: AutomaticTagRule) -> String {
    switch rule {
    case .timeSensitive: timeSensitive.tag
    case .nightPreferring: nightPreferring.tag
    case .highValue: highValue.tag
    case .churnRisk: churnRisk.tag
    }
  }

  /// Whether `rule` applies at all.
  public func isEnabled(_ rule: AutomaticTagRule) -> Bool {
    switch rule {
    case .timeSensitive: timeSensitive.enabled
    case .nightPreferring: nightPreferring.enabled
    case .highValue: highValue.enabled
    case .churnRisk: churnRisk.enabled
    }
  }
}

/// A rule over a share of a period's orders or deliveries.
public struct ShareRule: Codable, Sendable, Equatable {
  /// Whether the rule applies.
  public var enabled: Bool
  /// The tag it gives.
  public var tag: String
  /// The period looked at, in days back from now.
  public var periodDays: Int
  /// The least share, in percent, that gives the tag.
  public var sharePercentMin: Int
  /// The least count the share is taken of (orders or deliveries), so a handful of orders
  /// does not decide it.
  public var countMin: Int
  /// For 时效敏感 only: the complaints in the period that give the tag whatever the share.
  public var complaintsMin: Int?

  enum CodingKeys: String, CodingKey {
    case enabled, tag
    case periodDays = "period_days"
    case sharePercentMin = "share_percent_min"
    case countMin = "count_min"
    case complaintsMin = "complaints_min"
  }

  /// A rule.
  public init(
    enabled: Bool = true, tag: String, periodDays: Int, sharePercentMin: Int, countMin: Int,
    complaintsMin: Int? = nil
  ) {
    self.enabled = enabled
    self.tag = tag
    self.periodDays = periodDays
    self.sharePercentMin = sharePercentMin
    self.countMin = countMin
    self.complaintsMin = complaintsMin
  }

  func problems(pointer: String, complaints: Bool) -> [FieldError] {
    var problems = AutomaticTagSettings.common(tag: tag, periodDays: periodDays, pointer: pointer)
    problems += CustomerRules.range(
      sharePercentMin, 1...100, pointer: "\(pointer)/share_percent_min")
    problems += CustomerRules.range(
      countMin, AutomaticTagSettings.countRange, pointer: "\(pointer)/count_min")
    if complaints {
      problems += CustomerRules.range(
        complaintsMin, AutomaticTagSettings.countRange, pointer: "\(pointer)/complaints_min")
    } else if complaintsMin != nil {
      problems.append(FieldError(pointer: "\(pointer)/complaints_min", code: "unknown_field"))
    }
    return problems
  }
}

/// A rule over a count of a period's orders.
public struct CountRule: Codable, Sendable, Equatable {
  /// Whether the rule applies.
  public var enabled: Bool
  /// The tag it gives.
  public var tag: String
  /// The period looked at, in days back from now.
  public var periodDays: Int
  /// The least count that gives the tag.
  public var countMin: Int

  enum CodingKeys: String, CodingKey {
    case enabled, tag
    case periodDays = "period_days"
    case countMin = "count_min"
  }

  /// A rule.
  public init(enabled: Bool = true, tag: String, periodDays: Int, countMin: Int) {
    self.enabled = enabled
    self.tag = tag
    self.periodDays = periodDays
    self.countMin = countMin
  }

  func problems(pointer: String) -> [FieldError] {
    AutomaticTagSettings.common(tag: tag, periodDays: periodDays, pointer: pointer)
      + CustomerRules.range(
        countMin, AutomaticTagSettings.countRange, pointer: "\(pointer)/count_min")
  }
}

extension AutomaticTagSettings {
  /// The counts a rule may ask for.
  static let countRange = 1...100_000
  /// The periods a rule may look at, in days.
  static let periodDaysRange = 1...365

  static func common(tag: String, periodDays: Int, pointer: String) -> [FieldError] {
    CustomerRules.text(tag, pointer: "\(pointer)/tag", max: 20)
      + CustomerRules.range(periodDays, periodDaysRange, pointer: "\(pointer)/period_days")
  }
}
