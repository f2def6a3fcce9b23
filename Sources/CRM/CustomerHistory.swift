public import FreightdeskCore
public import Storage

/// What a customer ordered in a window of time, as the module that keeps orders counts it:
/// the figures automatic tags, segments and the 360° page are computed from.
public struct CustomerOrderFigures: Sendable, Equatable {
  /// Orders placed in the window.
  public var orders: Int
  /// Of those, orders placed as urgent (加急).
  public var urgentOrders: Int
  /// Deliveries completed in the window.
  public var deliveries: Int
  /// Of those, deliveries made in a night window.
  public var nightDeliveries: Int
  /// Of those, deliveries made after the promised time.
  public var lateDeliveries: Int
  /// What the orders placed in the window are worth.
  public var revenue: Money
  /// When the customer's latest order in the window was placed.
  public var lastOrderAt: Instant?
  /// Orders placed in the window by the promotion they used.
  public var ordersByPromotion: [Identifier: Int]

  /// Bundles the figures.
  public init(
    orders: Int = 0, urgentOrders: Int = 0, deliveries: Int = 0, nightDeliveries: Int = 0,
    lateDeliveries: Int = 0, revenue: Money = .zero(), lastOrderAt: Instant? = nil,
    ordersByPromotion: [Identifier: Int] = [:]
  ) {
    precondition(
      (0...orders).contains(urgentOrders) && (0...deliveries).contains(nightDeliveries)
        && (0...deliveries).contains(lateDeliveries),
      "urgent orders, night and late deliveries are parts of their totals")
    self.orders = orders
    self.urgentOrders = urgentOrders
    self.deliveries = deliveries
    self.nightDeliveries = nightDeliveries
    self.lateDeliveries = lateDeliveries
    self.revenue = revenue
    self.lastOrderAt = lastOrderAt
    self.ordersByPromotion = ordersByPromotion
  }

  /// A customer that ordered nothing in the window.
  public static let none = CustomerOrderFigures()

  /// Deliveries made on time, in basis points of all deliveries (10,000 = all on time), or
  /// nil when nothing was delivered.
  public var onTimeBasisPoints: Int? {
    deliveries == 0 ? nil : (deliveries - lateDeliveries) * 10_000 / deliveries
  }
}

/// The port through which CRM reads customers' order history without importing the module
/// that keeps orders: Orders implements it and `App` wires it into
/// ``CRMModule/module(panels:staff:history:exposure:)``.
///
/// ```swift
/// struct OrderHistory: CustomerHistorySource {
///   func figures(of customers: [Identifier]?, from: Instant, to: Instant, in scope: TenantScope)
///     throws -> [Identifier: CustomerOrderFigures] { … one grouped query over orders … }
/// }
/// ```
public protocol CustomerHistorySource: Sendable {
  /// The figures of `customers` (every customer when nil) for orders placed, and deliveries
  /// made, from `from` (inclusive) to `to` (exclusive), read in the transaction `scope`.
  /// Customers with neither orders nor deliveries in the window may be left out.
  func figures(of customers: [Identifier]?, from: Instant, to: Instant, in scope: TenantScope)
    throws -> [Identifier: CustomerOrderFigures]
}

/// The history of a company that keeps no orders: every customer ordered nothing. `App`
/// wires it while no module that keeps orders is part of the product.
public struct NoCustomerHistory: CustomerHistorySource {
  /// The source.
  public init() {}

  /// No figures for anyone.
  public func figures(
    of customers: [Identifier]?, from: Instant, to: Instant, in scope: TenantScope
  ) throws -> [Identifier: CustomerOrderFigures] {
    [:]
  }
}
