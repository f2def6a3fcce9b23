public import Foundation
public import FreightdeskCore
public import Storage
public import Web

/// What an order event announces through the outbox: the order, its customer and waybill (the
/// `customer_id` / `reference` pair the customer timeline reads), the status after, the kind of
/// transport and the total.
public struct OrderEventPayload: Codable, Sendable, Equatable {
  /// The order.
  public var orderID: Identifier
  /// The customer.
  public var customerID: Identifier
  /// The waybill number.
  public var reference: String
  /// The status after the event.
  public var status: OrderStatus
  /// The kind of transport (the warehouse reserves stock for `warehouse_delivery`).
  public var serviceType: ServiceType
  /// The total in fen.
  public var totalFen: Int64

  enum CodingKeys: String, CodingKey {
    case reference, status
    case orderID = "order_id"
    case customerID = "customer_id"
    case serviceType = "service_type"
    case totalFen = "total_fen"
  }

  /// The payload for `order` as it now is.
  public init(_ order: Order) {
    orderID = order.id
    customerID = order.customerID
    reference = order.waybill
    status = order.status
    serviceType = order.serviceType
    totalFen = order.price.totalFen
  }
}

/// A change asked of an order's lifecycle: the event, and what it carries (an exception's
/// reason, the ETA when planning).
public struct OrderEventRequest: Codable, Sendable, Equatable {
  /// The event's name: `submit`, `confirm`, `plan`, `pick_up`, `depart`, `deliver`,
  /// `receive_pod`, `bill`, `close`, `cancel`, `flag_exception`, `clear_exception`.
  public var type: String
  /// The exception's reason (required for `flag_exception`) or a note.
  public var reason: String?
  /// The expected delivery time, for `plan`.
  public var eta: Instant?

  /// A request.
  public init(type: String, reason: String? = nil, eta: Instant? = nil) {
    self.type = type
    self.reason = reason
    self.eta = eta
  }

  /// The lifecycle event; credit decisions are finance's and not accepted here.
  func event() throws -> OrderEvent {
    let note = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    switch type {
    case "submit": return .submit
    case "confirm": return .confirm(creditApproved: true)
    case "plan": return .plan
    case "pick_up": return .pickUp
    case "depart": return .depart
    case "deliver": return .deliver
    case "receive_pod": return .receiveProofOfDelivery
    case "bill": return .bill
    case "close": return .close
    case "cancel": return .cancel
    case "clear_exception": return .clearException
    case "flag_exception":
      if note.isEmpty { throw ValidationFailure(pointer: "/reason", code: "required") }
      if note.count > OrdersLimits.exceptionReasonCharactersMax {
        throw ValidationFailure(
          pointer: "/reason", code: "too_long",
          arguments: ["max": String(OrdersLimits.exceptionReasonCharactersMax)])
      }
      return .flagException(reason: note)
    default: throw ValidationFailure(pointer: "/type", code: "unknown_choice")
    }
  }
}

/// An order's input checked against the company's rules and priced, not yet written: see
/// ``OrderService/prepare(_:timeZone:_:)``.
public struct PreparedOrder: Sendable {
  /// The company whose customer and prices it was checked against.
  public let tenant: TenantID
  /// The checked input.
  public let input: OrderInput
  /// The price the draft gets.
  public let price: OrderPrice
  /// The stops and price as stored, encoded while preparing.
  let encoded: OrderStore.EncodedContent
}

/// The rules of orders: creating (priced, numbered, audited and announced in the caller's one
/// transaction), editing drafts, and moving orders through their lifecycle with the credit
/// check at confirmation. Pages, the API, the portal, imports and outbox handlers all go
/// through here.
public struct OrderService: Sendable {
  /// The shared services.
  public let services: ModuleServices
  /// What Orders needs from other modules.
  public let ports: OrderPorts

  /// A service over the shared services and the ports `App` wires.
  public init(services: ModuleServices, ports: OrderPorts) {
    self.services = services
    self.ports = ports
  }

  /// Creates an order from `input` in `scope`'s transaction: checks it, prices it, numbers it,
  /// records its first timeline line and audit row, and announces `order.created`.
  public func create(
    _ input: OrderInput, source: OrderSource, by user: Identifier?, timeZone: TimeZone,
    audit: AuditContext, _ scope: TenantScope
  ) throws -> Order {
    try create(
      prepare(input, timeZone: timeZone, scope), source: source, by: user, timeZone: timeZone,
      audit: audit, scope)
  }

  /// Checks and prices `input` without writing anything, so that the checks can run in a
  /// read transaction before the write: the draft's price is a quote (confirmation prices
  /// the order again and freezes that price).
  public func prepare(_ input: OrderInput, timeZone: TimeZone, _ scope: TenantScope) throws
    -> PreparedOrder
  {
    let (valid, customer) = try checked(input, scope)
    let order = draft(valid, waybill: "", source: .staff)
    try checkUrgent(order, customer: customer, scope)
    let price = try price(order, customer: customer, timeZone: timeZone, scope)
    return PreparedOrder(
      tenant: scope.tenant, input: valid, price: price,
      encoded: OrderStore.EncodedContent(stops: order.stops, price: price))
  }

  /// Writes `prepared` as a new draft in `scope`'s transaction: numbers it, records its first
  /// timeline line and audit row, and announces `order.created`. `prepared` must come from
  /// the same company; its customer is not looked up again, since customers are never deleted
  /// (a merge or a deactivation keeps the row), so the one preparation found still exists.
  public func create(
    _ prepared: PreparedOrder, source: OrderSource, by user: Identifier?, timeZone: TimeZone,
    audit: AuditContext, _ scope: TenantScope
  ) throws -> Order {
    precondition(prepared.tenant == scope.tenant, "an order is prepared in its own company")
    let now = services.clock.now()
    let waybill = try DocumentNumbers.next(prefix: "TO", at: now, timeZone: timeZone, in: scope)
    var order = draft(prepared.input, waybill: waybill.description, source: source)
    order.price = prepared.price
    try insert(
      order, by: user, timeZone: timeZone, audit: audit, encoded: prepared.encoded, scope)
    return order
  }

  /// The price `input` would have now, without saving anything: what the order form and the
  /// portal show while the order is typed.
  public func quote(_ input: OrderInput, timeZone: TimeZone, _ scope: TenantScope) throws
    -> OrderPrice
  {
    let (valid, customer) = try checked(input, scope)
    return try price(
      draft(valid, waybill: "", source: .staff), customer: customer, timeZone: timeZone, scope)
  }

  /// `input` checked, for its customer, with the customer's usual settlement when it names
  /// none.
  private func checked(_ input: OrderInput, _ scope: TenantScope) throws -> (
    OrderInput, OrderCustomer
  ) {
    var valid = try OrderRules.validate(input)
    let customer = try requireCustomer(valid.customerID, scope)
    valid.settlement = valid.settlement ?? customer.settlement
    return (valid, customer)
  }

  /// A new draft of checked `input` (its settlement already chosen), not yet priced or
  /// written.
  func draft(_ valid: OrderInput, waybill: String, source: OrderSource) -> Order {
    let now = services.clock.now()
    return Order(
      id: services.identifiers.next(), waybill: waybill, customerID: valid.customerID,
      contactName: valid.contactName ?? "", serviceType: valid.serviceType, status: .draft,
      exception: nil, stops: valid.stops, cargo: valid.cargo, services: valid.services ?? [],
      settlement: valid.settlement ?? .prepaid,
      price: OrderPrice(lines: [], totalFen: 0, promotionCode: nil), priceFrozen: false,
      quoteNumber: nil, source: source, notes: valid.notes ?? "", eta: nil, deliveredAt: nil,
      createdAt: now, updatedAt: now, version: 1)
  }

  /// Writes a new order with its first timeline line, audit row and `order.created` event;
  /// `encoded` holds its stops and price already encoded, when they were.
  func insert(
    _ order: Order, by user: Identifier?, timeZone: TimeZone, audit: AuditContext,
    encoded: OrderStore.EncodedContent? = nil, _ scope: TenantScope
  ) throws {
    try OrderStore.insert(
      order, by: user, nightHours: NightHours.any(order.consignee?.windows ?? [], in: timeZone),
      encoded: encoded, scope)
    try OrderTimelineStore.append(
      OrderTimelineEntry(
        id: services.identifiers.next(), event: "created", fromStatus: nil, toStatus: order.status,
        note: order.source.rawValue, actor: audit.actor.name, occurredAt: order.createdAt),
      to: order.id, scope)
    try audit.record(
      entity: "order", id: order.id, action: "create",
      after: [
        "waybill": order.waybill, "customer_id": order.customerID.description,
        "total_fen": String(order.price.totalFen), "source": order.source.rawValue,
      ], in: scope)
    try announce("order.created", order, scope)
  }

  /// Replaces draft `id` with `input` when its version is still `version`; a moved version is
  /// 412, an order past draft 409 `order_not_draft`.
  public func update(
    _ id: Identifier, _ input: OrderInput, version: Int64, timeZone: TimeZone,
    audit: AuditContext, _ scope: TenantScope
  ) throws -> Order {
    let valid = try OrderRules.validate(input)
    var order = try OrderStore.load(id, scope)
    guard order.version == version else { throw HTTPError.preconditionFailed }
    guard order.status == .draft else { throw OrdersError.orderNotDraft(status: order.status) }
    let customer = try requireCustomer(valid.customerID, scope)
    order.customerID = customer.id
    order.contactName = valid.contactName ?? ""
    order.serviceType = valid.serviceType
    order.stops = valid.stops
    order.cargo = valid.cargo
    order.services = valid.services ?? []
    order.settlement = valid.settlement ?? customer.settlement
    order.notes = valid.notes ?? ""
    order.updatedAt = services.clock.now()
    try checkUrgent(order, customer: customer, scope)
    if !order.priceFrozen {
      order.price = try price(order, customer: customer, timeZone: timeZone, scope)
    }
    let night = NightHours.any(order.consignee?.windows ?? [], in: timeZone)
    guard try OrderStore.replace(order, nightHours: night, expectedVersion: version, scope) else {
      throw HTTPError.preconditionFailed
    }
    try audit.record(
      entity: "order", id: id, action: "update", before: ["version": String(version)],
      after: ["version": String(version + 1), "total_fen": String(order.price.totalFen)],
      in: scope)
    order.version = version + 1
    return order
  }

  /// Applies `request` to order `id`. Confirmation prices the order (unless its price is
  /// already frozen), freezes the price and, when the settlement extends credit, runs the
  /// credit check: over the limit, the order goes on hold until finance decides.
  public func apply(
    _ request: OrderEventRequest, to id: Identifier, timeZone: TimeZone, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> Order {
    let event = try request.event()
    var order = try OrderStore.load(id, scope)
    var state = order.state
    if event == .submit || event == .confirm(creditApproved: true) {
      _ = try OrderRules.validate(order.input)
    }
    if case .confirm = event {
      guard OrderState.target(of: event, from: order.status) != nil else {
        throw event.refused(at: order.status)
      }
      let customer = try requireCustomer(order.customerID, scope)
      if !order.priceFrozen {
        order.price = try price(order, customer: customer, timeZone: timeZone, scope)
      }
      order.priceFrozen = true
      let outcome =
        order.settlement.extendsCredit
        ? try ports.credit.check(
          customer: customer, amount: order.price.total, reference: "order:\(id)", audit: audit,
          scope) : .approved
      let transition = try state.apply(.confirm(creditApproved: outcome == .approved))
      var note = request.reason ?? ""
      if case .held(let reason) = outcome { note = reason }
      return try record(transition, event: event, state: state, note: note, on: order, audit, scope)
    }
    let transition = try state.apply(event)
    if event == .plan { order.eta = request.eta }
    if event == .deliver { order.deliveredAt = services.clock.now() }
    return try record(
      transition, event: event, state: state, note: request.reason ?? "", on: order, audit, scope)
  }

  /// Applies finance's decision on the credit hold of order `id` (from `credit_hold.decided`):
  /// approved confirms it, rejected cancels it; an order no longer on hold is left alone, so a
  /// repeated delivery changes nothing.
  public func decideCredit(
    of id: Identifier, approved: Bool, note: String, audit: AuditContext, _ scope: TenantScope
  ) throws {
    let order = try OrderStore.load(id, scope)
    guard order.status == .onHold else { return }
    var state = order.state
    let event: OrderEvent = approved ? .approveCredit : .rejectCredit
    let transition = try state.apply(event)
    _ = try record(transition, event: event, state: state, note: note, on: order, audit, scope)
  }

  /// Saves the new state, appends the timeline line, audits, and announces the transition.
  private func record(
    _ transition: OrderTransition, event: OrderEvent, state: OrderState, note: String,
    on order: Order, _ audit: AuditContext, _ scope: TenantScope
  ) throws -> Order {
    var changed = order
    changed.status = state.status
    changed.exception = state.exception
    changed.updatedAt = services.clock.now()
    try OrderStore.saveState(changed, scope)
    changed.version += 1
    var line = note
    if case .flagException(let reason) = event { line = reason }
    try OrderTimelineStore.append(
      OrderTimelineEntry(
        id: services.identifiers.next(), event: event.name, fromStatus: transition.from,
        toStatus: transition.to, note: line, actor: audit.actor.name,
        occurredAt: changed.updatedAt), to: order.id, scope)
    try audit.record(
      entity: "order", id: order.id, action: event.name,
      before: ["status": transition.from.rawValue, "exception": order.exception ?? ""],
      after: ["status": transition.to.rawValue, "exception": changed.exception ?? ""], in: scope)
    try announce(transition.topic, changed, scope)
    return changed
  }

  /// Order `id` with its cargo.
  public func order(_ id: Identifier, _ scope: TenantScope) throws -> Order {
    try OrderStore.load(id, scope)
  }

  /// Order `id`'s timeline, oldest first.
  public func timeline(of id: Identifier, _ scope: TenantScope) throws -> [OrderTimelineEntry] {
    _ = try OrderStore.load(id, scope)
    return try OrderTimelineStore.list(of: id, scope)
  }

  /// The price of `order` for `customer` through the pricing port.
  func price(
    _ order: Order, customer: OrderCustomer, timeZone: TimeZone, _ scope: TenantScope
  ) throws -> OrderPrice {
    var request = priceRequest(order, timeZone: timeZone)
    request.segment = customer.segment
    return try ports.pricing.price(request, scope)
  }

  /// What the pricing port is asked for `order`: the first pickup's and last delivery's
  /// regions, the cargo totals, the services, and the day of the first pickup window.
  func priceRequest(_ order: Order, timeZone: TimeZone) -> OrderPriceRequest {
    let totals = OrderTotals(order.cargo)
    let start = order.shipper?.windows.map(\.start).min() ?? order.createdAt
    return OrderPriceRequest(
      customer: order.customerID, origin: order.shipper?.region ?? "",
      destination: order.consignee?.region ?? "", weightGrams: totals.weightGrams,
      volumeCubicCentimetres: totals.volumeCubicCentimetres, services: Set(order.services),
      coldChain: order.cargo.contains(where: \.isColdChain),
      declaredValue: order.services.contains(.insurance)
        ? Money(minorUnits: totals.declaredValueFen) : nil,
      shipDate: CivilDate(start, in: timeZone))
  }

  /// The customer, or a field error on `/customer_id`.
  func requireCustomer(_ id: Identifier, _ scope: TenantScope) throws -> OrderCustomer {
    guard let customer = try ports.customers.customer(id, scope) else {
      throw ValidationFailure(pointer: "/customer_id", code: "unknown_choice")
    }
    return customer
  }

  /// Refuses urgent service to a customer the company's ``UrgentRule`` does not allow.
  func checkUrgent(_ order: Order, customer: OrderCustomer, _ scope: TenantScope) throws {
    guard order.isUrgent else { return }
    let rule = try OrderSettingsStore.urgentRule(scope)
    let since = services.clock.now().adding(seconds: -Int64(rule.periodDays) * 86_400)
    let delivered = try OrderSettingsStore.deliveredCount(of: customer.id, since: since, scope)
    guard rule.allows(rating: customer.creditRating, delivered: delivered) else {
      throw OrdersError.urgentNotAllowed(
        ratingMin: rule.ratingMin, deliveredMin: rule.deliveredMin, periodDays: rule.periodDays)
    }
  }

  /// Replaces the company's urgent-service rule, audited.
  public func changeUrgentRule(_ rule: UrgentRule, audit: AuditContext, _ scope: TenantScope)
    throws
  {
    try rule.validate()
    let before = try OrderSettingsStore.urgentRule(scope)
    try OrderSettingsStore.save(rule, scope)
    try audit.record(
      entity: "order_settings", id: nil, action: "update_urgent_rule",
      before: OrderSettingsStore.fields(before), after: OrderSettingsStore.fields(rule), in: scope)
  }

  /// The company's urgent-service rule.
  public func urgentRule(_ scope: TenantScope) throws -> UrgentRule {
    try OrderSettingsStore.urgentRule(scope)
  }

  /// Writes `topic` for `order` to the outbox, dated `occurredAt` when it happened earlier.
  func announce(
    _ topic: String, _ order: Order, occurredAt: Instant? = nil, _ scope: TenantScope
  ) throws {
    _ = try services.outbox.enqueue(
      topic: topic, payload: OrderStore.json(OrderEventPayload(order)), occurredAt: occurredAt,
      in: scope)
  }
}

/// Night windows in the company's zone.
enum NightHours {
  /// Night is 20:00 to 06:00 local time.
  static let nightStartHour = 20
  /// See ``nightStartHour``.
  static let nightEndHour = 6

  /// Whether any window starts at night in `timeZone`.
  static func any(_ windows: [OrderTimeWindow], in timeZone: TimeZone) -> Bool {
    windows.contains { window in
      let hour = minutesOfDay(window.start, in: timeZone) / 60
      return hour >= nightStartHour || hour < nightEndHour
    }
  }

  /// Minutes since local midnight of `instant` in `timeZone`.
  static func minutesOfDay(_ instant: Instant, in timeZone: TimeZone) -> Int {
    let local = instant.localMilliseconds(in: timeZone)
    return Int((local - local.floorDivided(by: 86_400_000) * 86_400_000) / 60_000)
  }
}
