import Foundation
import FreightdeskCore
import Storage
import Web

/// The orders of the JSON API under `/api/v1/orders`.
enum OrderAPI {
  /// The operations of this part of the API, tagged “Orders”.
  static let operation = APIOperations(tag: "Orders")

  static func register(_ api: RouteGroup<AuthenticatedContext>, service: OrderService) {
    let database = service.services.database
    api.get(
      "/orders",
      operation(
        "listOrders", "The company's orders, newest first, filtered", OrdersPermission.read,
        response: .of(Page<OrderSummary>.self),
        query: [
          .init("status", "An order status, e.g. confirmed"),
          .init("customer_id", "Only this customer's orders", type: "integer"),
          .init("service_type", "city_delivery, line_haul, ltl, ftl or warehouse_delivery"),
          .init("from", "Created on or after this day (YYYY-MM-DD, company zone)"),
          .init("to", "Created on or before this day (YYYY-MM-DD, company zone)"),
          .init("limit", "Orders per page (1-200)", type: "integer"),
          .init("cursor", "The next_cursor of the previous page"),
        ])
    ) { request, context in
      let filter = try OrderFilterQuery.filter(request, timeZone: context.timeZone)
      let page = try PageRequest(from: request)
      return try JSONBody.response(
        try context.read(database) { try OrderList.page(filter, page, $0) })
    }
    api.post(
      "/orders",
      operation(
        "createOrder", "Create an order (a draft), priced by the company's rate cards",
        OrdersPermission.manage, request: .of(OrderInput.self), response: .of(Order.self),
        status: 201, idempotent: true)
    ) { request, context in
      let input = try JSONBody.decode(OrderInput.self, from: request)
      return try service.services.idempotency.perform(
        request, for: context, database: database,
        prepare: { try service.prepare(input, timeZone: context.timeZone, $0) }
      ) { prepared, scope in
        let order = try service.create(
          prepared, source: .api, by: context.user, timeZone: context.timeZone,
          audit: context.audit(service.services.audit), scope)
        return try JSONBody.response(
          NewOrderAnswer(order: order, stored: prepared.encoded), status: 201,
          headers: ["Location": "/api/v1/orders/\(order.id)", "ETag": tag(order).description])
      }
    }
    api.post(
      "/orders/price",
      operation(
        "priceOrder", "The price an order would have now, with its breakdown; nothing is saved",
        OrdersPermission.read, request: .of(OrderInput.self), response: .of(OrderPrice.self))
    ) { request, context in
      let input = try JSONBody.decode(OrderInput.self, from: request)
      return try JSONBody.response(
        try context.read(database) {
          try service.quote(input, timeZone: context.timeZone, $0)
        })
    }
    registerOne(api, service: service)
    registerSettings(api, service: service)
  }

  private static func registerSettings(
    _ api: RouteGroup<AuthenticatedContext>, service: OrderService
  ) {
    let database = service.services.database
    api.get(
      "/orders/settings/urgent-rule",
      operation(
        "getUrgentRule", "Who may order urgent service: minimum rating and delivered orders",
        OrdersPermission.read, response: .of(UrgentRule.self))
    ) { _, context in
      try JSONBody.response(try context.read(database) { try OrderSettingsStore.urgentRule($0) })
    }
    api.on(
      .put, "/orders/settings/urgent-rule",
      operation(
        "updateUrgentRule", "Change who may order urgent service", OrdersPermission.configure,
        request: .of(UrgentRule.self), response: .of(UrgentRule.self))
    ) { request, context in
      let rule = try JSONBody.decode(UrgentRule.self, from: request)
      try context.write(database) {
        try service.changeUrgentRule(rule, audit: context.audit(service.services.audit), $0)
      }
      return try JSONBody.response(rule)
    }
  }

  private static func registerOne(_ api: RouteGroup<AuthenticatedContext>, service: OrderService) {
    let database = service.services.database
    api.get(
      "/orders/{id}",
      operation(
        "getOrder", "One order with its stops, cargo and price", OrdersPermission.read,
        response: .of(Order.self))
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let order = try context.read(database) { try service.order(id, $0) }
      if EntityTag.isNotModified(request, current: tag(order)) { return Response(status: 304) }
      return try JSONBody.response(order, headers: ["ETag": tag(order).description])
    }
    api.on(
      .put, "/orders/{id}",
      operation(
        "updateOrder", "Replace a draft order", OrdersPermission.manage,
        request: .of(OrderInput.self), response: .of(Order.self), ifMatch: true)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let input = try JSONBody.decode(OrderInput.self, from: request)
      let order = try context.write(database) { scope in
        let current = try service.order(id, scope)
        try EntityTag.requireMatch(request, current: tag(current))
        return try service.update(
          id, input, version: current.version, timeZone: context.timeZone,
          audit: context.audit(service.services.audit), scope)
      }
      return try JSONBody.response(order, headers: ["ETag": tag(order).description])
    }
    api.post(
      "/orders/{id}/events",
      operation(
        "applyOrderEvent",
        "Move an order through its lifecycle ({\"type\": \"confirm\"}); an impossible step is 409",
        OrdersPermission.manage, request: .of(OrderEventRequest.self), response: .of(Order.self))
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let input = try JSONBody.decode(OrderEventRequest.self, from: request)
      let order = try context.write(database) {
        try service.apply(
          input, to: id, timeZone: context.timeZone,
          audit: context.audit(service.services.audit), $0)
      }
      return try JSONBody.response(order, headers: ["ETag": tag(order).description])
    }
    api.get(
      "/orders/{id}/timeline",
      operation(
        "getOrderTimeline", "An order's events, oldest first", OrdersPermission.read,
        response: .of(OrderTimelineList.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      return try JSONBody.response(
        OrderTimelineList(items: try context.read(database) { try service.timeline(of: id, $0) }))
    }
  }

  /// The order's entity tag: its version.
  static func tag(_ order: Order) -> EntityTag {
    EntityTag(String(order.version))
  }
}

/// An order's timeline as the API returns it.
struct OrderTimelineList: Codable, Sendable {
  var items: [OrderTimelineEntry]
}

/// The list filters of a query string, shared by the API and the staff list.
enum OrderFilterQuery {
  static func filter(_ request: Request, timeZone: TimeZone) throws -> OrderFilter {
    func value(_ name: String) -> String? {
      request.queryValue(name).flatMap {
        $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0
      }
    }
    var filter = OrderFilter()
    if let text = value("status") {
      guard let status = OrderStatus(rawValue: text) else {
        throw ValidationFailure(pointer: "/query/status", code: "unknown_choice")
      }
      filter.status = status
    }
    if let text = value("service_type") {
      guard let type = ServiceType(rawValue: text) else {
        throw ValidationFailure(pointer: "/query/service_type", code: "unknown_choice")
      }
      filter.serviceType = type
    }
    if let text = value("customer_id") {
      guard let raw = Int64(text) else {
        throw ValidationFailure(pointer: "/query/customer_id", code: "invalid_format")
      }
      filter.customer = Identifier(rawValue: raw)
    }
    if let text = value("from") {
      guard let start = OrderDates.startOfDay(text, timeZone: timeZone) else {
        throw ValidationFailure(pointer: "/query/from", code: "invalid_date")
      }
      filter.createdFrom = start
    }
    if let text = value("to") {
      guard let start = OrderDates.startOfDay(text, timeZone: timeZone, daysLater: 1) else {
        throw ValidationFailure(pointer: "/query/to", code: "invalid_date")
      }
      filter.createdBefore = start
    }
    return filter
  }
}

/// Days and times typed by people, read in the company's zone.
enum OrderDates {
  /// The start of day `text` (`YYYY-MM-DD`, or with one-digit month and day as people type
  /// them into spreadsheets) plus `daysLater` days in `timeZone`, or nil when it is not a
  /// calendar day.
  static func startOfDay(_ text: String, timeZone: TimeZone, daysLater: Int = 0) -> Instant? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let digitsOnly = parts.allSatisfy { $0.utf8.allSatisfy { (48...57).contains($0) } }
    guard parts.count == 3, digitsOnly, parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      let date = CivilDate.validated(year: year, month: month, day: day)
    else { return nil }
    return date.adding(days: daysLater).start(in: timeZone)
  }

  /// The instant of a local `YYYY-MM-DDTHH:MM` (what `datetime-local` inputs send), or nil.
  static func localDateTime(_ text: String, timeZone: TimeZone) -> Instant? {
    let halves = text.split(separator: "T")
    guard halves.count == 2, let start = startOfDay(String(halves[0]), timeZone: timeZone) else {
      return nil
    }
    let clock = halves[1].split(separator: ":")
    guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1]),
      (0..<24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    return start.adding(seconds: Int64(hour * 3600 + minute * 60))
  }

  /// `instant` as a local `YYYY-MM-DDTHH:MM`, for `datetime-local` inputs.
  static func localText(_ instant: Instant, timeZone: TimeZone) -> String {
    let minutes = NightHours.minutesOfDay(instant, in: timeZone)
    let day = CivilDate(instant, in: timeZone)
    let hour = minutes / 60
    let minute = minutes % 60
    return "\(day)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
  }
}
