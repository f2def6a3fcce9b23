public import FreightdeskCore

/// A span of days ending some days before now: `HistoryWindow(days: 30)` is the last 30
/// days, `HistoryWindow(days: 30, endDaysAgo: 30)` the 30 days before those.
public struct HistoryWindow: Hashable, Sendable, Comparable {
  /// Its length in days.
  public var days: Int
  /// How many days before now it ends.
  public var endDaysAgo: Int

  /// A window.
  public init(days: Int, endDaysAgo: Int = 0) {
    precondition(days > 0 && endDaysAgo >= 0, "a window has days and ends now or earlier")
    self.days = days
    self.endDaysAgo = endDaysAgo
  }

  /// Its first and past-the-last instants, counted back from `now`.
  public func bounds(endingAt now: Instant) -> (from: Instant, to: Instant) {
    let day: Int64 = 86_400_000
    let to = now.adding(milliseconds: -Int64(endDaysAgo) * day)
    return (to.adding(milliseconds: -Int64(days) * day), to)
  }

  /// Shorter windows first, then the more recent.
  public static func < (lhs: HistoryWindow, rhs: HistoryWindow) -> Bool {
    (lhs.days, lhs.endDaysAgo) < (rhs.days, rhs.endDaysAgo)
  }
}

/// One customer's history as the automatic tag rules read it: order figures and complaints
/// by window.
public struct CustomerHistorySnapshot: Sendable, Equatable {
  /// Order figures by window; a missing window means no orders.
  public var figures: [HistoryWindow: CustomerOrderFigures]
  /// Complaints by window; a missing window means none.
  public var complaints: [HistoryWindow: Int]

  /// A snapshot.
  public init(
    figures: [HistoryWindow: CustomerOrderFigures] = [:], complaints: [HistoryWindow: Int] = [:]
  ) {
    self.figures = figures
    self.complaints = complaints
  }

  /// The figures of `window`.
  public func figures(_ window: HistoryWindow) -> CustomerOrderFigures {
    figures[window] ?? .none
  }
}

/// Why an automatic tag applies: the rule, which of its tests was met, and the figures, which
/// fill the reason's placeholders in either language (`crm.auto_tag.reason.<basis>`).
public struct AutomaticTagFinding: Codable, Sendable, Equatable {
  /// The rule.
  public var rule: AutomaticTagRule
  /// The tag it gives.
  public var tag: String
  /// The rule and the test that was met, e.g. `time_sensitive.urgent_share` or
  /// `time_sensitive.complaints`.
  public var basis: String
  /// The figures and thresholds, by placeholder name, e.g. `["orders": "62", "days": "30",
  /// "threshold": "50"]`.
  public var evidence: [String: String]

  enum CodingKeys: String, CodingKey {
    case rule, tag, basis, evidence
  }

  /// A finding.
  public init(rule: AutomaticTagRule, tag: String, basis: String, evidence: [String: String]) {
    self.rule = rule
    self.tag = tag
    self.basis = basis
    self.evidence = evidence
  }

  /// The catalog key of the reason.
  public var reasonKey: String { "crm.auto_tag.reason.\(basis)" }
}

extension AutomaticTagSettings {
  /// The windows the enabled rules read, so each is fetched once for many customers.
  public var windows: Set<HistoryWindow> {
    var windows: Set<HistoryWindow> = []
    if timeSensitive.enabled { windows.insert(HistoryWindow(days: timeSensitive.periodDays)) }
    if nightPreferring.enabled { windows.insert(HistoryWindow(days: nightPreferring.periodDays)) }
    if highValue.enabled { windows.insert(HistoryWindow(days: highValue.periodDays)) }
    if churnRisk.enabled {
      windows.insert(HistoryWindow(days: churnRisk.periodDays))
      windows.insert(HistoryWindow(days: churnRisk.periodDays, endDaysAgo: churnRisk.periodDays))
    }
    return windows
  }

  /// The window whose complaints 时效敏感 counts, or nil when the rule is off.
  public var complaintWindow: HistoryWindow? {
    timeSensitive.enabled ? HistoryWindow(days: timeSensitive.periodDays) : nil
  }

  /// The automatic tags `history` earns under these rules, in the rules' order, each with
  /// its reason.
  public func findings(for history: CustomerHistorySnapshot) -> [AutomaticTagFinding] {
    [
      timeSensitive.enabled ? timeSensitiveFinding(history) : nil,
      nightPreferring.enabled ? nightFinding(history) : nil,
      highValue.enabled ? highValueFinding(history) : nil,
      churnRisk.enabled ? churnFinding(history) : nil,
    ].compactMap { $0 }
  }

  private func timeSensitiveFinding(_ history: CustomerHistorySnapshot) -> AutomaticTagFinding? {
    let rule = timeSensitive
    let window = HistoryWindow(days: rule.periodDays)
    let figures = history.figures(window)
    if figures.orders >= rule.countMin,
      figures.urgentOrders * 100 >= rule.sharePercentMin * figures.orders
    {
      return finding(
        .timeSensitive, basis: "urgent_share",
        [
          "days": rule.periodDays, "urgent": figures.urgentOrders, "orders": figures.orders,
          "share": figures.urgentOrders * 100 / figures.orders, "threshold": rule.sharePercentMin,
        ])
    }
    let complaints = history.complaints[window] ?? 0
    if let complaintsMin = rule.complaintsMin, complaints >= complaintsMin {
      return finding(
        .timeSensitive, basis: "complaints",
        ["days": rule.periodDays, "complaints": complaints, "threshold": complaintsMin])
    }
    return nil
  }

  private func nightFinding(_ history: CustomerHistorySnapshot) -> AutomaticTagFinding? {
    let rule = nightPreferring
    let figures = history.figures(HistoryWindow(days: rule.periodDays))
    guard figures.deliveries >= rule.countMin,
      figures.nightDeliveries * 100 >= rule.sharePercentMin * figures.deliveries
    else { return nil }
    return finding(
      .nightPreferring, basis: "night_share",
      [
        "days": rule.periodDays, "night": figures.nightDeliveries,
        "deliveries": figures.deliveries,
        "share": figures.nightDeliveries * 100 / figures.deliveries,
        "threshold": rule.sharePercentMin,
      ])
  }

  private func highValueFinding(_ history: CustomerHistorySnapshot) -> AutomaticTagFinding? {
    let rule = highValue
    let orders = history.figures(HistoryWindow(days: rule.periodDays)).orders
    guard orders >= rule.countMin else { return nil }
    return finding(
      .highValue, basis: "orders",
      ["days": rule.periodDays, "orders": orders, "threshold": rule.countMin])
  }

  private func churnFinding(_ history: CustomerHistorySnapshot) -> AutomaticTagFinding? {
    let rule = churnRisk
    let current = history.figures(HistoryWindow(days: rule.periodDays)).orders
    let previous = history.figures(
      HistoryWindow(days: rule.periodDays, endDaysAgo: rule.periodDays)
    ).orders
    guard previous >= rule.countMin, current < previous,
      (previous - current) * 100 >= rule.sharePercentMin * previous
    else { return nil }
    return finding(
      .churnRisk, basis: "order_drop",
      [
        "days": rule.periodDays, "orders": current, "previous": previous,
        "drop": (previous - current) * 100 / previous, "threshold": rule.sharePercentMin,
      ])
  }

  private func finding(_ rule: AutomaticTagRule, basis: String, _ figures: [String: Int])
    -> AutomaticTagFinding
  {
    AutomaticTagFinding(
      rule: rule, tag: tag(of: rule).trimmed, basis: "\(rule.rawValue).\(basis)",
      evidence: figures.mapValues(String.init))
  }
}
