import CRM
import FreightdeskCore
import Identity
import Orders
import Storage
import Web

/// The orders module's ports implemented over the customer module, and its customer-page
/// section as a customer panel: the one place that knows both.
enum OrdersWiring {
  /// The ports for the shared services.
  static func ports(
    staff: @escaping @Sendable (ModuleServices) -> StaffDirectory,
    identity configuration: IdentityConfiguration
  ) -> @Sendable (ModuleServices) -> OrderPorts {
    { services in
      OrderPorts(
        customers: CRMOrderCustomers(), pricing: CRMOrderPricing(),
        credit: CRMOrderCredit(services: services),
        messages: CRMCustomerMessages(
          service: CRMService(services: services, staff: staff(services))),
        companies: IdentityTrackingCompanies(
          identity: IdentityService(services: services, configuration: configuration)))
    }
  }
}

/// Customers for orders: name, settlement, rating and limit from the customer's terms.
struct CRMOrderCustomers: OrderCustomerDirectory {
  func customer(_ id: Identifier, _ scope: TenantScope) throws -> OrderCustomer? {
    guard let customer = try CRMLookups.orderingFacts(id, scope) else { return nil }
    return OrderCustomer(
      id: customer.id, name: customer.shortName.isEmpty ? customer.name : customer.shortName,
      settlement: OrderSettlement(rawValue: customer.terms.settlement.rawValue) ?? .prepaid,
      creditRating: customer.terms.creditRating.rawValue,
      creditLimit: Money(minorUnits: customer.terms.creditLimitFen),
      segment: customer.segmentCode)
  }

  func names(of ids: Set<Identifier>, _ scope: TenantScope) throws -> [Identifier: String] {
    try CRMLookups.names(of: ids, scope)
  }

  func choices(limit: Int, _ scope: TenantScope) throws -> [(id: Identifier, name: String)] {
    Array(try CRMLookups.choices(in: scope).prefix(limit))
  }
}

/// Prices for orders from the customer module's pricing: order services map to its surcharge
/// codes (insurance is priced from the declared value instead), cold cargo to `cold_chain`.
struct CRMOrderPricing: OrderPricing {
  func price(_ request: OrderPriceRequest, _ scope: TenantScope) throws -> OrderPrice {
    var codes: [String] = request.services.compactMap { service in
      switch service {
      case .urgent: "urgent"
      case .pickup: "pickup"
      case .receiptReturn: "receipt_return"
      case .night: "night"
      case .insurance: nil
      }
    }
    if request.coldChain { codes.append("cold_chain") }
    let day = request.shipDate.description
    guard let today = CivilDate(day) else {
      throw ValidationFailure(pointer: "/stops/0/windows/0/start", code: "invalid_date")
    }
    let view = try CRMLookups.price(
      PricingRequestBody(
        from: request.origin, to: request.destination,
        weightKg: Double(request.weightGrams) / 1000,
        volumeM3: Double(request.volumeCubicCentimetres) / 1_000_000, services: codes.sorted(),
        declaredValueFen: request.declaredValue?.minorUnits,
        customerID: request.customer.rawValue, segment: request.segment, shipDate: day),
      today: today, scope)
    return OrderPrice(
      lines: view.lines.map { OrderPrice.Line(code: $0.code, amountFen: $0.amountFen) },
      totalFen: view.totalFen, currency: view.currency, promotionCode: view.promotionCode)
  }
}

/// The credit check for orders: the customer module's check with the rating's rule, over the
/// orders module's open amounts (receivables join once finance exists).
struct CRMOrderCredit: OrderCreditCheck {
  let services: ModuleServices

  func check(
    customer: OrderCustomer, amount: Money, reference: String, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> OrderCreditOutcome {
    let check = CreditCheckService(services: services, exposure: OrderExposureSource())
    let (decision, _) = try check.check(
      CreditCheckRequest(
        customer: customer.id, amount: amount, reference: reference, limit: customer.creditLimit,
        rule: Self.rule(for: customer.creditRating)), audit: audit, scope)
    switch decision {
    case .approved: return .approved
    case .hold(let reason): return .held(reason: reason.rawValue)
    }
  }

  /// How far each rating may go over its limit: A 10 %, B 5 %, C not at all; D always waits
  /// for finance (cash customers).
  static func rule(for rating: String) -> CreditRatingRule {
    switch rating {
    case "A": CreditRatingRule(rating: "A", toleranceBasisPoints: 1_000)
    case "B": CreditRatingRule(rating: "B", toleranceBasisPoints: 500)
    case "D": CreditRatingRule(rating: "D", alwaysHold: true)
    default: CreditRatingRule(rating: rating)
    }
  }
}

/// The credit check's exposure: open orders from the orders module; no receivables yet, since
/// no finance module keeps them.
struct OrderExposureSource: ExposureSource {
  func exposure(of customer: Identifier, in scope: TenantScope) throws -> CreditExposure {
    CreditExposure(
      openReceivables: .zero(), openOrders: try OrderExposure.openOrders(of: customer, scope))
  }
}

/// Portal complaints and questions as customer interactions of kind complaint or question.
struct CRMCustomerMessages: CustomerMessages {
  let service: CRMService

  func record(
    _ kind: CustomerMessageKind, text: String, reference: String?, customer: Identifier,
    author: Identifier, authorName: String, in tenant: TenantID, audit: AuditContext
  ) throws {
    try service.logInteraction(
      InteractionInput(
        kind: kind == .complaint ? .complaint : .question, summary: text, reference: reference),
      customer: customer, by: StaffMember(id: author, name: authorName), in: tenant, audit: audit)
  }
}

/// Companies by sign-in code, from the identity module, for public tracking; and their names
/// and codes for waybills.
struct IdentityTrackingCompanies: TrackingCompanies {
  let identity: IdentityService

  func tenant(code: String) throws -> TenantID? {
    try identity.company(slug: code)?.tenant
  }

  func letterhead(of tenant: TenantID) throws -> CompanyLetterhead {
    let company = try identity.company(tenant)
    return CompanyLetterhead(name: company.name, code: company.slug)
  }
}

/// The orders section of the customer 360° page as a customer panel, across the page: its
/// tables have seven columns.
struct OrdersCustomerPanel: CustomerPanel {
  let section: OrderCustomerSection
  let titleKey = "orders.panel.title"
  let order = 200
  let permission = OrdersPermission.read
  let isWide = true

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    try section.render(customer: customer, context: context.request, localizer: context.localizer)
  }
}

/// The orders module's figures as the order history CRM's automatic tags, segments, campaigns
/// and 360° figures read. Orders know promotions by code; CRM keys them by id.
struct OrdersCustomerHistory: CustomerHistorySource {
  func figures(of customers: [Identifier]?, from: Instant, to: Instant, in scope: TenantScope)
    throws -> [Identifier: CustomerOrderFigures]
  {
    let figures = try OrderStatistics.figures(of: customers, from: from, to: to, scope)
    let codes = Set(figures.values.flatMap(\.ordersByPromotion.keys))
    let promotions = try CRMLookups.promotionIDs(byCode: codes, scope)
    return figures.mapValues { order in
      var byPromotion: [Identifier: Int] = [:]
      for (code, count) in order.ordersByPromotion {
        if let id = promotions[code] { byPromotion[id, default: 0] += count }
      }
      return CustomerOrderFigures(
        orders: order.orders, urgentOrders: order.urgentOrders,
        deliveries: order.deliveredOrders, nightDeliveries: order.nightDeliveries,
        lateDeliveries: order.lateDeliveries, revenue: order.revenue,
        lastOrderAt: order.lastOrderAt, ordersByPromotion: byPromotion)
    }
  }
}
