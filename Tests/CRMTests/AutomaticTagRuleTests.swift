import Foundation
import FreightdeskCore
import Testing
import Web

@testable import CRM

/// The automatic tag rules as pure functions over a customer's history.
@Suite struct AutomaticTagRuleTests {
  let rules = AutomaticTagSettings.defaults
  let month = HistoryWindow(days: 30)
  let previousMonth = HistoryWindow(days: 30, endDaysAgo: 30)
  let quarter = HistoryWindow(days: 90)

  func history(
    _ figures: [HistoryWindow: CustomerOrderFigures], complaints: Int = 0
  ) -> CustomerHistorySnapshot {
    CustomerHistorySnapshot(figures: figures, complaints: [quarter: complaints])
  }

  @Test func fiftyOrdersAMonthMakeAHighValueCustomerWithTheFiguresAsReason() {
    let findings = rules.findings(for: history([month: CustomerOrderFigures(orders: 62)]))
    #expect(
      findings == [
        AutomaticTagFinding(
          rule: .highValue, tag: "高价值", basis: "high_value.orders",
          evidence: ["days": "30", "orders": "62", "threshold": "50"])
      ])
    let english = Localizer(locale: .english)
    #expect(
      english(findings[0].reasonKey, findings[0].evidence)
        == "62 orders in the last 30 days ≥ 50")
    let chinese = Localizer(locale: .simplifiedChinese)
    #expect(chinese(findings[0].reasonKey, findings[0].evidence) == "近 30 天 62 单 ≥ 50 单")
  }

  @Test func fortyNineOrdersAMonthAreNotHighValue() {
    #expect(rules.findings(for: history([month: CustomerOrderFigures(orders: 49)])).isEmpty)
  }

  @Test func aThirdOfUrgentOrdersMakesACustomerTimeSensitive() {
    let figures = CustomerOrderFigures(orders: 10, urgentOrders: 3)
    let findings = rules.findings(for: history([quarter: figures]))
    #expect(findings.map(\.rule) == [.timeSensitive])
    #expect(findings[0].basis == "time_sensitive.urgent_share")
    #expect(findings[0].evidence["share"] == "30")
    #expect(findings[0].evidence["urgent"] == "3")
  }

  @Test func justUnderTheUrgentShareIsNotTimeSensitive() {
    let figures = CustomerOrderFigures(orders: 10, urgentOrders: 2)
    #expect(rules.findings(for: history([quarter: figures])).isEmpty)
  }

  @Test func aHandfulOfUrgentOrdersDoesNotDecideTheShare() {
    let figures = CustomerOrderFigures(orders: 9, urgentOrders: 9)
    #expect(rules.findings(for: history([quarter: figures])).isEmpty)
  }

  @Test func complaintsMakeACustomerTimeSensitiveWithoutUrgentOrders() {
    let findings = rules.findings(for: history([:], complaints: 2))
    #expect(findings.map(\.basis) == ["time_sensitive.complaints"])
    #expect(findings[0].evidence == ["days": "90", "complaints": "2", "threshold": "2"])
    #expect(rules.findings(for: history([:], complaints: 1)).isEmpty)
  }

  @Test func mostDeliveriesAtNightMakeANightCustomer() {
    let night = CustomerOrderFigures(deliveries: 8, nightDeliveries: 4)
    let findings = rules.findings(for: history([quarter: night]))
    #expect(findings.map(\.rule) == [.nightPreferring])
    #expect(findings[0].evidence["share"] == "50")
    let day = CustomerOrderFigures(deliveries: 8, nightDeliveries: 3)
    #expect(rules.findings(for: history([quarter: day])).isEmpty)
  }

  @Test func fewDeliveriesDoNotDecideTheNightShare() {
    let figures = CustomerOrderFigures(deliveries: 4, nightDeliveries: 4)
    #expect(rules.findings(for: history([quarter: figures])).isEmpty)
  }

  @Test func ordersHalvingAgainstThePreviousMonthIsAChurnRisk() {
    let findings = rules.findings(
      for: history([
        month: CustomerOrderFigures(orders: 5), previousMonth: CustomerOrderFigures(orders: 10),
      ]))
    #expect(findings.map(\.rule) == [.churnRisk])
    #expect(
      findings[0].evidence == [
        "days": "30", "orders": "5", "previous": "10", "drop": "50", "threshold": "50",
      ])
    let chinese = Localizer(locale: .simplifiedChinese)
    #expect(
      chinese(findings[0].reasonKey, findings[0].evidence)
        == "近 30 天 5 单，此前 30 天 10 单：下降 50% ≥ 50%")
  }

  @Test func aSmallerDropOrAGrowthIsNoChurnRisk() {
    for current in [6, 10, 14] {
      let findings = rules.findings(
        for: history([
          month: CustomerOrderFigures(orders: current),
          previousMonth: CustomerOrderFigures(orders: 10),
        ]))
      #expect(findings.isEmpty, "\(current) orders after 10")
    }
  }

  @Test func aCustomerThatNeverOrderedMuchCannotChurn() {
    let findings = rules.findings(
      for: history([previousMonth: CustomerOrderFigures(orders: 4)]))
    #expect(findings.isEmpty)
  }

  @Test func aCustomerCanEarnSeveralTagsInTheRulesOrder() {
    let findings = rules.findings(
      for: history(
        [
          month: CustomerOrderFigures(orders: 55),
          quarter: CustomerOrderFigures(
            orders: 120, urgentOrders: 60, deliveries: 100, nightDeliveries: 70),
        ]))
    #expect(findings.map(\.rule) == [.timeSensitive, .nightPreferring, .highValue])
  }

  @Test func aDisabledRuleNeitherTagsNorReadsItsWindow() {
    var settings = rules
    settings.highValue.enabled = false
    settings.churnRisk.enabled = false
    #expect(settings.findings(for: history([month: CustomerOrderFigures(orders: 80)])).isEmpty)
    #expect(settings.windows == [quarter])
    #expect(rules.windows == [month, previousMonth, quarter])
  }

  @Test func changedThresholdsAndPeriodsApply() {
    var settings = rules
    settings.highValue = CountRule(tag: "大客户", periodDays: 7, countMin: 20)
    let week = HistoryWindow(days: 7)
    #expect(settings.windows.contains(week))
    let findings = settings.findings(for: history([week: CustomerOrderFigures(orders: 20)]))
    #expect(findings.map(\.tag) == ["大客户"])
    #expect(findings[0].evidence["days"] == "7")
  }

  @Test func theDefaultsAreValid() {
    #expect(rules.problems().isEmpty)
  }

  @Test func badRulesNameEveryBrokenField() {
    var settings = rules
    settings.highValue.periodDays = 0
    settings.timeSensitive.sharePercentMin = 101
    settings.nightPreferring.tag = " "
    settings.churnRisk.complaintsMin = 3
    settings.churnRisk.tag = "时效敏感"
    settings.timeSensitive.complaintsMin = nil
    let problems = settings.problems()
    #expect(
      Set(problems.map { "\($0.pointer) \($0.code)" }) == [
        "/high_value/period_days out_of_range", "/time_sensitive/share_percent_min out_of_range",
        "/time_sensitive/complaints_min required", "/night_preferring/tag required",
        "/churn_risk/complaints_min unknown_field", "/churn_risk/tag already_taken",
      ])
  }

  @Test func theRulesTravelAsSnakeCaseJSON() throws {
    let data = try JSONEncoder().encode(rules)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"share_percent_min\""))
    #expect(text.contains("\"high_value\""))
    #expect(try JSONDecoder().decode(AutomaticTagSettings.self, from: data) == rules)
  }

  @Test func windowsCountBackWholeDaysFromNow() {
    let now = Instant(epochMilliseconds: 1_796_342_400_000)
    let bounds = previousMonth.bounds(endingAt: now)
    #expect(bounds.to == now.adding(seconds: -30 * 86_400))
    #expect(bounds.from == now.adding(seconds: -60 * 86_400))
  }

  @Test func onTimeRateIsInBasisPointsOfDeliveries() {
    #expect(CustomerOrderFigures(deliveries: 8, lateDeliveries: 2).onTimeBasisPoints == 7_500)
    #expect(CustomerOrderFigures.none.onTimeBasisPoints == nil)
  }

  @Test func theNightlyRunStartsAtTwoInTheCompanysZone() throws {
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    // 2026-12-04T00:00:00Z is 08:00 in Shanghai: the next run is 02:00 on the 5th there,
    // which is 18:00Z on the 4th.
    let morning = Instant(epochMilliseconds: 1_796_342_400_000)
    #expect(
      AutomaticTagging.nextNight(after: morning, in: shanghai)
        == morning.adding(seconds: 18 * 3_600))
    // 01:00 in Shanghai (17:00Z): one hour later, the same night.
    let night = morning.adding(seconds: 17 * 3_600)
    #expect(AutomaticTagging.nextNight(after: night, in: shanghai) == night.adding(seconds: 3_600))
  }
}
