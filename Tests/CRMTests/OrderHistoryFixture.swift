import CRM
import FreightdeskCore
import Storage
import Synchronization

/// One order as the fake history keeps it.
struct HistoricOrder: Sendable {
  var customer: Identifier
  var placedAt: Instant
  var urgent = false
  var deliveredAt: Instant?
  var night = false
  var late = false
  var revenueFen: Int64 = 10_000
  var promotion: Identifier?
}

/// An order history that aggregates the orders a test adds, as the orders module would, so
/// the figures CRM reads are computed, not fixed.
final class OrderHistoryFixture: CustomerHistorySource {
  private let orders = Mutex<[HistoricOrder]>([])

  /// Adds orders.
  func add(_ new: [HistoricOrder]) {
    orders.withLock { $0 += new }
  }

  /// `count` orders of `customer`, one every `spacingHours` hours back from `before`.
  func addOrders(
    _ count: Int, of customer: Identifier, before: Instant, spacingHours: Int64 = 6,
    urgent: Bool = false
  ) {
    add(
      (1...count).map { index in
        HistoricOrder(
          customer: customer,
          placedAt: before.adding(seconds: -Int64(index) * spacingHours * 3_600),
          urgent: urgent)
      })
  }

  func figures(of customers: [Identifier]?, from: Instant, to: Instant, in scope: TenantScope)
    throws -> [Identifier: CustomerOrderFigures]
  {
    let wanted = customers.map(Set.init)
    var result: [Identifier: CustomerOrderFigures] = [:]
    for order in orders.withLock({ $0 }) where wanted?.contains(order.customer) ?? true {
      var figures = result[order.customer] ?? .none
      if order.placedAt >= from && order.placedAt < to {
        figures.orders += 1
        if order.urgent { figures.urgentOrders += 1 }
        figures.revenue = figures.revenue + Money(minorUnits: order.revenueFen)
        figures.lastOrderAt = max(figures.lastOrderAt ?? order.placedAt, order.placedAt)
        if let promotion = order.promotion { figures.ordersByPromotion[promotion, default: 0] += 1 }
      }
      if let delivered = order.deliveredAt, delivered >= from && delivered < to {
        figures.deliveries += 1
        if order.night { figures.nightDeliveries += 1 }
        if order.late { figures.lateDeliveries += 1 }
      }
      result[order.customer] = figures
    }
    return result
  }
}
