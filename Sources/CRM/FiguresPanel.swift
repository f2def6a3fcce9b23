import FreightdeskCore
import Web

/// A customer's order figures for the 360° page: orders and revenue over the last 30, 90
/// and 365 days, the on-time rate of the year's deliveries, and the credit used against the
/// limit when the exposure is known.
struct CustomerFigures: Sendable, Equatable {
  /// The windows shown, in days.
  static let windowDays = [30, 90, 365]

  /// Orders and revenue per window, in the order of ``windowDays``.
  var windows: [(days: Int, orders: Int, revenue: Money)]
  /// The year's on-time deliveries in basis points, or nil when nothing was delivered.
  var onTimeBasisPoints: Int?
  /// What the customer owes and has ordered unbilled, or nil when unknown.
  var creditUsed: Money?
  /// The customer's credit limit.
  var creditLimit: Money

  static func == (lhs: CustomerFigures, rhs: CustomerFigures) -> Bool {
    lhs.windows.map { [$0.days, $0.orders] } == rhs.windows.map { [$0.days, $0.orders] }
      && lhs.windows.map(\.revenue) == rhs.windows.map(\.revenue)
      && lhs.onTimeBasisPoints == rhs.onTimeBasisPoints && lhs.creditUsed == rhs.creditUsed
      && lhs.creditLimit == rhs.creditLimit
  }

  /// The credit used in basis points of the limit, or nil when either is unknown or the
  /// limit is zero.
  var creditUsedBasisPoints: Int64? {
    guard let creditUsed, creditLimit.minorUnits > 0 else { return nil }
    return creditUsed.minorUnits * 10_000 / creditLimit.minorUnits
  }

  /// The figures from each window's history (`figures[days]`), the exposure and the limit.
  init(
    figures: [Int: CustomerOrderFigures], creditUsed: Money?, creditLimit: Money
  ) {
    windows = Self.windowDays.map { days in
      let window = figures[days] ?? .none
      return (days, window.orders, window.revenue)
    }
    onTimeBasisPoints = figures[Self.windowDays.last ?? 365]?.onTimeBasisPoints
    self.creditUsed = creditUsed
    self.creditLimit = creditLimit
  }
}

/// The figures panel: orders, revenue and on-time rate from the order history port, credit
/// used from the exposure port.
struct FiguresPanel: CustomerPanel {
  let service: CRMService
  let history: any CustomerHistorySource
  let exposure: (any ExposureSource)?
  let titleKey = "crm.panel.figures"
  let order = 3
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let now = service.clock.now()
    let figures = try service.database.read(for: context.request.tenant) { scope in
      var byDays: [Int: CustomerOrderFigures] = [:]
      for days in CustomerFigures.windowDays {
        let bounds = HistoryWindow(days: days).bounds(endingAt: now)
        byDays[days] = try history.figures(
          of: [customer], from: bounds.from, to: bounds.to, in: scope)[customer]
      }
      return CustomerFigures(
        figures: byDays, creditUsed: try exposure?.exposure(of: customer, in: scope).total,
        creditLimit: Money(minorUnits: context.customer.terms.creditLimitFen))
    }
    return HTML.div(.id("customer-figures")) {
      for window in figures.windows {
        CRMPanels.row(
          t("crm.figures.window", ["days": String(window.days)]),
          t(
            "crm.figures.orders_revenue",
            ["orders": String(window.orders), "revenue": t.money(window.revenue)]))
      }
      CRMPanels.row(
        t("crm.figures.on_time"),
        figures.onTimeBasisPoints.map {
          DisplayFormat.decimal(Int64($0), fractionDigits: 2) + " %"
        } ?? t("crm.figures.no_deliveries"))
      if let used = figures.creditUsed {
        CRMPanels.row(
          t("crm.figures.credit_used"),
          t(
            "crm.figures.credit_used_of_limit",
            [
              "used": t.money(used), "limit": t.money(figures.creditLimit),
              "share": figures.creditUsedBasisPoints.map {
                DisplayFormat.decimal($0, fractionDigits: 2)
              } ?? "—",
            ]))
      }
    }
  }
}
