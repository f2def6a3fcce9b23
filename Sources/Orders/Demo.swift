import Foundation
import FreightdeskCore
import Storage
import Web

/// The demo company's orders: six months for the demo customers in every state, drawn from a
/// fixed seed so the demo is the same every time. History older than a few days is written in
/// its final state in one transaction (with its timeline and an `order.created` event each,
/// so customers' timelines fill); the last days' orders go through the real service, so their
/// confirmations meet the real credit check and holds wait for finance.
struct OrderDemo {
  /// Days of history.
  static let days = 183
  /// Days at the end that go through the service instead of being written directly.
  static let liveDays = 2
  /// Customers the demo orders are spread over.
  static let customersMax = 40
  /// Where demo orders leave from and go to.
  static let origins = ["上海市/浦东新区", "上海市/嘉定区"]
  static let destinations = [
    "江苏省/苏州市", "江苏省/南京市", "浙江省/杭州市", "浙江省/宁波市", "广东省/深圳市", "广东省/广州市",
    "北京市/朝阳区", "四川省/成都市",
  ]
  static let goods = ["服装", "电子产品", "日用品", "图书", "家具配件", "生鲜", "化妆品"]
  static let streets = ["工业大道", "物流园路", "科技路", "创业路", "人民路", "滨河路"]
  static let names = ["王师傅", "李经理", "张女士", "陈先生", "刘主管", "赵小姐"]

  let service: OrderService
  let timeZone = DisplayFormat.defaultTimeZone

  /// Adds the orders to `tenant`, whose customers and rate cards exist already.
  func seed(_ tenant: TenantID) throws {
    var random = SeededGenerator(seed: 20_261_204)
    let database = service.services.database
    let customers = try database.read(for: tenant) { scope in
      try service.ports.customers.choices(limit: Self.customersMax, scope).compactMap {
        try service.ports.customers.customer($0.id, scope)
      }
    }
    guard !customers.isEmpty else { return }
    let audit = AuditContext.system("demo", log: service.services.audit)
    let now = service.services.clock.now()
    let liveStart = now.adding(seconds: -Int64(Self.liveDays) * 86_400)
    let count = try database.write(for: tenant) { scope in
      var written = 0
      for day in stride(from: Self.days, to: Self.liveDays, by: -1) {
        for _ in 0..<Int.random(in: 4...12, using: &random) {
          let placed = now.adding(
            seconds: -Int64(day) * 86_400 + Int64.random(in: 0...(9 * 3600), using: &random))
          guard placed < liveStart else { continue }
          let customer = customers.randomElement(using: &random)!
          var order = draft(for: customer, at: placed, random: &random)
          order.price = try service.price(order, customer: customer, timeZone: timeZone, scope)
          try write(order, age: day, now: now, audit: audit, random: &random, scope)
          written += 1
        }
      }
      try audit.record(
        entity: "order", id: nil, action: "demo_seed", after: ["orders": String(written)], in: scope
      )
      return written
    }
    try seedLive(customers, from: liveStart, audit: audit, random: &random, tenant)
    Log.event("orders_demo_seeded", ["orders": String(count)])
  }

  /// The last days' orders, each created and moved through the service in its own
  /// transaction, as clerks would.
  private func seedLive(
    _ customers: [OrderCustomer], from start: Instant, audit: AuditContext,
    random: inout SeededGenerator, _ tenant: TenantID
  ) throws {
    let plans: [[String]] = [
      [], ["submit"], ["confirm"], ["confirm", "plan"], ["submit", "confirm"],
    ]
    for index in 0..<24 {
      let customer = customers[index % customers.count]
      let placed = start.adding(seconds: Int64(index) * 3_600)
      var order = draft(for: customer, at: placed, random: &random)
      // Every third one is put on the monthly statement, as clerks do for regular shippers,
      // so customers without a credit line show orders waiting for finance.
      if index % 3 == 0 { order.settlement = .monthly }
      let steps = plans.randomElement(using: &random)!
      try service.services.database.write(for: tenant) { scope in
        let created = try service.create(
          order.input, source: order.source, by: nil, timeZone: timeZone, audit: audit, scope)
        for step in steps {
          let current = try service.order(created.id, scope)
          guard
            (try? OrderEventRequest(type: step).event()).map({
              OrderState.target(of: $0, from: current.status) != nil
            }) == true
          else { break }
          _ = try service.apply(
            OrderEventRequest(type: step, eta: order.dueAt), to: created.id, timeZone: timeZone,
            audit: audit, scope)
        }
      }
    }
  }

  /// A draft for `customer` placed at `placed`: Shanghai to one of the destinations, picked up
  /// the next morning, delivered one to three days later.
  private func draft(for customer: OrderCustomer, at placed: Instant, random: inout SeededGenerator)
    -> Order
  {
    let pickupDay = CivilDate(placed.adding(seconds: 86_400), in: timeZone)
    let pickupStart = OrderDates.startOfDay(pickupDay.description, timeZone: timeZone)!
      .adding(seconds: 9 * 3600)
    let services = OrderServiceOption.allCases.filter { option in
      let percent: Int
      switch option {
      case .urgent: percent = ["A", "B"].contains(customer.creditRating) ? 12 : 0
      case .pickup: percent = 40
      case .receiptReturn: percent = 20
      case .insurance: percent = 15
      case .night: percent = 8
      }
      return Int.random(in: 0..<100, using: &random) < percent
    }
    let deliveryStart = pickupStart.adding(
      seconds: Int64.random(in: 1...3, using: &random) * 86_400
        + (services.contains(.night) ? 12 * 3600 : 0))
    let cargo = (0..<Int.random(in: 1...3, using: &random)).map { _ in
      cargoLine(insured: services.contains(.insurance), random: &random)
    }
    return Order(
      id: service.services.identifiers.next(), waybill: "", customerID: customer.id,
      contactName: Self.names.randomElement(using: &random)!,
      serviceType: ServiceType.allCases.randomElement(using: &random)!, status: .draft,
      exception: nil,
      stops: [
        stop(
          .pickup, region: Self.origins.randomElement(using: &random)!, start: pickupStart,
          random: &random),
        stop(
          .delivery, region: Self.destinations.randomElement(using: &random)!, start: deliveryStart,
          random: &random),
      ], cargo: cargo, services: services, settlement: customer.settlement,
      price: OrderPrice(lines: [], totalFen: 0, promotionCode: nil), priceFrozen: false,
      quoteNumber: nil, source: [.staff, .api, .portal].randomElement(using: &random)!, notes: "",
      eta: nil, deliveredAt: nil, createdAt: placed, updatedAt: placed, version: 1)
  }

  private func stop(_ kind: StopKind, region: String, start: Instant, random: inout SeededGenerator)
    -> OrderStop
  {
    OrderStop(
      kind: kind, region: region,
      address:
        "\(Self.streets.randomElement(using: &random)!)\(Int.random(in: 1...999, using: &random))号",
      contactName: Self.names.randomElement(using: &random)!,
      contactPhone: "13\(Int.random(in: 100_000_000...999_999_999, using: &random))",
      windows: [OrderTimeWindow(start: start, end: start.adding(seconds: 3 * 3600))])
  }

  private func cargoLine(insured: Bool, random: inout SeededGenerator) -> CargoLine {
    let goods = Self.goods.randomElement(using: &random)!
    let cold = goods == "生鲜"
    return CargoLine(
      description: goods, packages: Int.random(in: 1...40, using: &random),
      weightKg: Double(Int.random(in: 5...800, using: &random)),
      volumeM3: Double(Int.random(in: 1...40, using: &random)) / 10,
      pallets: Int.random(in: 0...4, using: &random),
      declaredValueFen: insured ? Int64.random(in: 10...500, using: &random) * 10_000 : 0,
      temperatureMinC: cold ? 2 : nil, temperatureMaxC: cold ? 8 : nil,
      fragile: goods == "电子产品")
  }

  /// The status an order placed `age` days ago has reached.
  private func finalStatus(age: Int, random: inout SeededGenerator) -> OrderStatus {
    let roll = Int.random(in: 0..<100, using: &random)
    switch age {
    case 31...:
      return roll < 85 ? .closed : roll < 93 ? .billed : .cancelled
    case 8...30:
      return roll < 40
        ? .billed
        : roll < 70
          ? .podReceived
          : roll < 90
            ? .delivered
            : roll < 95 ? .closed : .cancelled
    default:
      return roll < 35
        ? .delivered
        : roll < 60
          ? .inTransit
          : roll < 70
            ? .pickedUp
            : roll < 82 ? .planned : roll < 95 ? .confirmed : .cancelled
    }
  }

  /// Writes `order` in the state its age gives it, with the timeline of how it got there and its
  /// `order.created` event.
  private func write(
    _ draft: Order, age: Int, now: Instant, audit: AuditContext, random: inout SeededGenerator,
    _ scope: TenantScope
  ) throws {
    var order = draft
    order.waybill = try DocumentNumbers.next(
      prefix: "TO", at: order.createdAt, timeZone: timeZone, in: scope
    ).description
    let target = finalStatus(age: age, random: &random)
    let path: [OrderEvent] =
      target == .cancelled
      ? [.submit, .cancel]
      : Array(
        [
          .submit, .confirm(creditApproved: true), .plan, .pickUp, .depart, .deliver,
          .receiveProofOfDelivery, .bill, .close,
        ].prefix { event in
          OrderStatus.allCases.firstIndex(of: event.target(from: .draft))!
            <= OrderStatus.allCases.firstIndex(of: target)!
        })
    let due = order.dueAt ?? order.createdAt
    let late = Int.random(in: 0..<100, using: &random) < 10
    var state = OrderState(status: .draft)
    var at = order.createdAt
    var entries: [OrderTimelineEntry] = []
    for event in path {
      at = min(moment(of: event, after: at, due: due, late: late), now)
      let transition = try state.apply(event)
      entries.append(
        OrderTimelineEntry(
          id: service.services.identifiers.next(), event: event.name, fromStatus: transition.from,
          toStatus: transition.to, note: "", actor: audit.actor.name, occurredAt: at))
      if event == .deliver { order.deliveredAt = at }
      if event == .plan { order.eta = due }
    }
    if state.status == .inTransit && Int.random(in: 0..<100, using: &random) < 15 {
      try state.apply(.flagException(reason: "高速拥堵，预计晚到 2 小时"))
    }
    order.status = state.status
    order.exception = state.exception
    order.priceFrozen = order.status != .draft && order.status != .submitted
    order.updatedAt = at
    try OrderStore.insert(
      order, by: nil, nightHours: NightHours.any(order.consignee?.windows ?? [], in: timeZone),
      scope)
    try OrderTimelineStore.append(
      OrderTimelineEntry(
        id: service.services.identifiers.next(), event: "created", fromStatus: nil,
        toStatus: .draft, note: order.source.rawValue, actor: audit.actor.name,
        occurredAt: order.createdAt), to: order.id, scope)
    for entry in entries { try OrderTimelineStore.append(entry, to: order.id, scope) }
    try service.announce("order.created", order, occurredAt: order.createdAt, scope)
  }

  /// When `event` happened, after the previous step at `previous`.
  private func moment(of event: OrderEvent, after previous: Instant, due: Instant, late: Bool)
    -> Instant
  {
    switch event {
    case .deliver: due.adding(seconds: late ? 4 * 3600 : -3600)
    case .receiveProofOfDelivery: previous.adding(seconds: 2 * 86_400)
    case .bill: previous.adding(seconds: 5 * 86_400)
    case .close: previous.adding(seconds: 10 * 86_400)
    case .depart: previous.adding(seconds: 3600)
    case .pickUp: max(previous.adding(seconds: 3600), due.adding(seconds: -2 * 86_400))
    default: previous.adding(seconds: 1800)
    }
  }
}
