import Foundation
import FreightdeskCore
import Storage
import Web

/// `/app/orders/new` and `/app/orders/{id}/edit`: the order form for staff, with field errors
/// and the live price (`/app/orders/price`, which `orders.js` posts the form to).
enum OrderFormPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    let manage = OrdersPermission.manage
    app.get("/orders/new", OrderListPage.operation("getNewOrderPage", "The new order form", manage))
    {
      request, context in
      let state = FormState(values: ["customer_id": request.queryValue("customer_id") ?? ""])
      return try form(context, service: service, page: page, order: nil, state: state)
    }
    app.post("/orders", OrderListPage.operation("postOrdersPage", "Create an order", manage)) {
      request, context in
      let form = try FormBody(request)
      do {
        let order = try context.write(database) {
          try service.create(
            OrderForm.input(form, timeZone: context.timeZone), source: .staff, by: context.user,
            timeZone: context.timeZone, audit: context.audit(service.services.audit), $0)
        }
        return page.done(
          "/app/orders/\(order.id)", message: "orders.flash.created",
          arguments: ["waybill": order.waybill])
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try Self.form(
          context, service: service, page: page, order: nil,
          state: FormState(form: form, error: error), status: error.kind.httpStatus)
      }
    }
    app.get(
      "/orders/{id}/edit",
      OrderListPage.operation("getEditOrderPage", "The draft edit form", manage)
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let order = try context.read(database) { try service.order(id, $0) }
      guard order.status == .draft else { throw OrdersError.orderNotDraft(status: order.status) }
      return try form(
        context, service: service, page: page, order: order,
        state: FormState(values: OrderForm.values(order, timeZone: context.timeZone)))
    }
    app.post(
      "/orders/{id}/edit", OrderListPage.operation("postEditOrderPage", "Change a draft", manage)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let form = try FormBody(request)
      do {
        try context.write(database) {
          _ = try service.update(
            id, OrderForm.input(form, timeZone: context.timeZone),
            version: Int64(form["version"] ?? "") ?? 0, timeZone: context.timeZone,
            audit: context.audit(service.services.audit), $0)
        }
        return page.done("/app/orders/\(id)", message: "flash.saved")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        let order = try context.read(database) { try service.order(id, $0) }
        return try Self.form(
          context, service: service, page: page, order: order,
          state: FormState(form: form, error: error), status: error.kind.httpStatus)
      }
    }
    app.post(
      "/orders/price",
      OrderListPage.operation("postOrderPricePage", "The live price of the order form", manage)
    ) { request, context in
      try LivePrice.answer(
        try FormBody(request), context: context, service: service, customer: nil)
    }
  }

  static func form(
    _ context: AuthenticatedContext, service: OrderService, page: SignedInPage, order: Order?,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let customers = try context.read(service.services.database) {
      try service.ports.customers.choices(limit: OrdersLimits.customerChoicesMax, $0)
    }
    let action = order.map { "/app/orders/\($0.id)/edit" } ?? "/app/orders"
    let path = order.map { "/app/orders/\($0.id)/edit" } ?? "/app/orders/new"
    return page.render(context, path: path, titleKey: "orders.form.title", status: status) { t in
      HTML.h1(.class("h3")) {
        order.map { "\(t("orders.form.edit")) \($0.waybill)" } ?? t("orders.new")
      }
      HTML.form(.method("post"), .action(action), .data("disable-on-submit", "")) {
        FormControls.csrf(context.csrfToken)
        if let order {
          HTML.input(
            .type("hidden"), .name("version"),
            .value(state.values["version"] ?? String(order.version)))
        }
        OrderForm.fields(
          state,
          customers: [("", t("orders.form.choose_customer"))]
            + customers.map { ($0.id.description, $0.name) }, pricePath: "/app/orders/price",
          localizer: t)
        FormControls.submit(t(order == nil ? "orders.form.create" : "orders.form.save"))
      }
    }
  }
}

/// The live price as the order forms' script reads it: the total and each line, already in the
/// reader's language and currency format, or the first problem when the form is not complete.
struct LivePrice: Codable, Sendable {
  /// One line.
  struct Line: Codable, Sendable {
    var label: String
    var amount: String
  }

  var total: String?
  var lines: [Line]
  var problem: String?

  /// The answer for a posted form: priced in a read-only transaction, nothing saved.
  static func answer(
    _ form: FormBody, context: AuthenticatedContext, service: OrderService,
    customer: Identifier?
  ) throws -> Response {
    let t = context.pageContext(path: context.request.path, navigation: []).localizer
    do {
      let price = try context.read(service.services.database) {
        try service.quote(
          OrderForm.input(form, timeZone: context.timeZone, customer: customer),
          timeZone: context.timeZone, $0)
      }
      return try JSONBody.response(
        LivePrice(
          total: t.money(price.total),
          lines: price.lines.map {
            Line(
              label: t("pricing.line.\($0.code)"), amount: t.money(Money(minorUnits: $0.amountFen)))
          }, problem: nil))
    } catch let error as any UserFacingError where error.kind != .internalFailure {
      let message = error.fieldErrors.first.map { t.message(for: $0) } ?? t.message(for: error)
      return try JSONBody.response(LivePrice(total: nil, lines: [], problem: message))
    }
  }
}
