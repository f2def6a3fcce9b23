import Foundation
import FreightdeskCore
import Storage
import Web

/// The customer portal's orders under `/portal/orders`: an instant price and placing an order,
/// the customer's own orders with their status, one order's tracking (status, ETA once planned,
/// timeline), and a complaint or question form. Every page acts for the customer the portal
/// user belongs to (``AuthenticatedContext/customer``); another customer's order is 404.
enum OrderPortalPages {
  static func register(
    _ portal: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    let permission = OrdersPermission.portal
    portal.get("/orders", OrderListPage.operation("getPortalOrdersPage", "My orders", permission)) {
      request, context in
      let customer = try customer(context)
      let pageRequest = PageRequest(
        limit: OrdersLimits.pageRowsMax,
        cursor: try request.queryValue("cursor").map(Cursor.init(token:)))
      let orders = try context.read(database) {
        try OrderList.page(OrderFilter(customer: customer), pageRequest, $0)
      }
      return page.render(context, path: "/portal/orders", titleKey: "orders.portal.title") { t in
        HTML.div(.class("d-flex", "justify-content-between", "align-items-center", "mb-3")) {
          HTML.h1(.class("h3", "mb-0")) { t("orders.portal.title") }
          HTML.div(.class("d-flex", "gap-2")) {
            HTML.a(.href("/portal/messages/new"), .class("btn", "btn-outline-secondary")) {
              t("orders.message.title")
            }
            HTML.a(.href("/portal/orders/new"), .class("btn", "btn-primary")) {
              t("orders.portal.place")
            }
          }
        }
        OrderTables.summaries(
          orders.items, localizer: t, emptyKey: "orders.list.empty", linkBase: "/portal/orders")
        if let next = orders.nextCursor {
          HTML.a(.class("btn", "btn-link"), .href("/portal/orders?cursor=\(next)")) {
            t("orders.list.more")
          }
        }
      }
    }
    registerPlacing(portal, service: service, page: page)
    registerTracking(portal, service: service, page: page)
    registerMessages(portal, service: service, page: page)
  }

  /// The customer the portal user acts for; staff have none and see nothing here.
  static func customer(_ context: AuthenticatedContext) throws -> Identifier {
    guard let customer = context.customer else { throw HTTPError.notFound }
    return customer
  }

  private static func registerPlacing(
    _ portal: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    let permission = OrdersPermission.portal
    portal.get(
      "/orders/new",
      OrderListPage.operation("getPortalNewOrderPage", "Price and place an order", permission)
    ) { _, context in
      _ = try customer(context)
      return form(context, page: page, state: FormState())
    }
    portal.post(
      "/orders/price",
      OrderListPage.operation("postPortalOrderPricePage", "The instant price", permission)
    ) { request, context in
      try LivePrice.answer(
        try FormBody(request), context: context, service: service, customer: try customer(context))
    }
    portal.post(
      "/orders", OrderListPage.operation("postPortalOrdersPage", "Place an order", permission)
    ) {
      request, context in
      let customer = try customer(context)
      let form = try FormBody(request)
      do {
        let order = try context.write(database) { scope in
          let audit = context.audit(service.services.audit)
          let draft = try service.create(
            OrderForm.input(form, timeZone: context.timeZone, customer: customer),
            source: .portal, by: context.user, timeZone: context.timeZone, audit: audit, scope)
          return try service.apply(
            OrderEventRequest(type: "submit"), to: draft.id, timeZone: context.timeZone,
            audit: audit, scope)
        }
        return page.done(
          "/portal/orders/\(order.id)", message: "orders.flash.placed",
          arguments: ["waybill": order.waybill])
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return Self.form(
          context, page: page, state: FormState(form: form, error: error),
          status: error.kind.httpStatus)
      }
    }
  }

  private static func form(
    _ context: AuthenticatedContext, page: SignedInPage, state: FormState, status: Int = 200
  ) -> Response {
    page.render(
      context, path: "/portal/orders/new", titleKey: "orders.portal.place", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("orders.portal.place") }
      HTML.form(.method("post"), .action("/portal/orders"), .data("disable-on-submit", "")) {
        FormControls.csrf(context.csrfToken)
        OrderForm.fields(state, customers: nil, pricePath: "/portal/orders/price", localizer: t)
        FormControls.submit(t("orders.portal.submit"))
      }
    }
  }

  private static func registerTracking(
    _ portal: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    portal.get(
      "/orders/{id}",
      OrderListPage.operation(
        "getPortalOrderPage", "Follow one of my orders", OrdersPermission.portal)
    ) { _, context in
      let customer = try customer(context)
      let id = try context.request.parameters.identifier("id")
      let (order, timeline) = try context.read(database) { scope in
        let order = try service.order(id, scope)
        guard order.customerID == customer else { throw OrdersError.orderNotFound }
        return (order, try service.timeline(of: id, scope))
      }
      return page.render(context, path: "/portal/orders/\(id)", titleKey: "orders.portal.title") {
        t in
        HTML.div(.class("d-flex", "justify-content-between", "align-items-center", "mb-3")) {
          HTML.h1(.class("h3", "mb-0")) { "\(t("orders.field.waybill")) \(order.waybill)" }
          OrderTables.statusBadge(order.status, exception: order.exception, localizer: t)
        }
        HTML.div(.class("row", "g-4")) {
          HTML.div(.class("col-lg-7")) {
            HTML.p {
              "\(order.shipper?.region ?? "") → \(order.consignee?.region ?? "")"
            }
            if let eta = order.eta {
              HTML.p {
                HTML.strong { t("orders.field.eta") }
                " \(t.dateTime(eta))"
              }
            }
            HTML.p {
              HTML.strong { t("orders.field.total") }
              " \(t.money(order.price.total))"
            }
            HTML.div(.class("d-flex", "gap-2")) {
              HTML.a(
                .href("/portal/orders/\(id)/waybill.pdf"),
                .class("btn", "btn-sm", "btn-outline-primary")
              ) { t("orders.waybill.download") }
              HTML.a(
                .href("/portal/messages/new?reference=\(order.waybill)"),
                .class("btn", "btn-sm", "btn-outline-secondary")
              ) { t("orders.message.about_order") }
            }
          }
          HTML.div(.class("col-lg-5")) { OrderTimelineView.render(timeline, localizer: t) }
        }
      }
    }
  }

  private static func registerMessages(
    _ portal: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let permission = OrdersPermission.portal
    portal.get(
      "/messages/new",
      OrderListPage.operation("getPortalMessagePage", "Write a complaint or a question", permission)
    ) { request, context in
      _ = try customer(context)
      return messageForm(
        context, page: page,
        state: FormState(values: [
          "kind": "question", "reference": request.queryValue("reference") ?? "",
        ]))
    }
    portal.post(
      "/messages",
      OrderListPage.operation("postPortalMessagePage", "Send a complaint or a question", permission)
    ) { request, context in
      let customer = try customer(context)
      let form = try FormBody(request)
      do {
        guard let kind = CustomerMessageKind(rawValue: form["kind"] ?? "") else {
          throw ValidationFailure(pointer: "/kind", code: "unknown_choice")
        }
        let reference = (form["reference"] ?? "").trimmingCharacters(in: .whitespaces)
        try service.ports.messages.record(
          kind, text: form["text"] ?? "", reference: reference.isEmpty ? nil : reference,
          customer: customer, author: context.user, authorName: context.userName,
          in: context.tenant, audit: context.audit(service.services.audit))
        return page.done("/portal/orders", message: "orders.flash.message_sent")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        let state = FormState(
          form: form,
          error: (error as? ValidationFailure).map { failure in
            ValidationFailure(
              failure.fieldErrors.map {
                FieldError(
                  pointer: $0.pointer == "/summary" ? "/text" : $0.pointer, code: $0.code,
                  arguments: $0.arguments)
              })
          } ?? error)
        return messageForm(context, page: page, state: state, status: error.kind.httpStatus)
      }
    }
  }

  private static func messageForm(
    _ context: AuthenticatedContext, page: SignedInPage, state: FormState, status: Int = 200
  ) -> Response {
    page.render(
      context, path: "/portal/messages/new", titleKey: "orders.message.title", status: status
    ) {
      t in
      HTML.h1(.class("h3")) { t("orders.message.title") }
      HTML.form(.method("post"), .action("/portal/messages"), .class("col-lg-8")) {
        FormControls.csrf(context.csrfToken)
        FormControls.formErrors(state, localizer: t)
        FormControls.select(
          "kind", label: t("orders.message.kind"),
          options: CustomerMessageKind.allCases.map {
            ($0.rawValue, t("orders.message.kind.\($0.rawValue)"))
          },
          state: state, localizer: t)
        FormControls.field(
          "reference", label: t("orders.message.reference"), state: state, localizer: t,
          required: false)
        FormControls.textarea(
          "text", label: t("orders.message.text"), state: state, localizer: t, rows: 5,
          required: true)
        FormControls.submit(t("orders.message.send"))
      }
    }
  }
}
