import Foundation
import FreightdeskCore
import Storage
import Web

/// `/app/orders`: the company's orders with filters (status, customer, service type, days),
/// the user's saved views of those filters, and bulk confirm or cancel of the selected orders.
enum OrderListPage {
  /// The list's filter fields, in the order of the query string.
  static let filterNames = ["status", "customer_id", "service_type", "from", "to"]

  static func operation(_ id: String, _ summary: String, _ permission: Permission)
    -> Web.Operation
  {
    Web.Operation(
      id: id, summary: summary, tag: "Order pages", permission: permission, style: .page,
      bodyBytesMax: 65_536)
  }

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    app.get("/orders", operation("getOrdersPage", "Orders, filtered", OrdersPermission.read)) {
      request, context in
      let state = FormState(
        values: Dictionary(
          uniqueKeysWithValues: filterNames.map { ($0, request.queryValue($0) ?? "") }))
      let filter: OrderFilter
      do {
        filter = try OrderFilterQuery.filter(request, timeZone: context.timeZone)
      } catch let error as ValidationFailure {
        let errors = error.fieldErrors.map {
          FieldError(
            pointer: String($0.pointer.dropFirst("/query".count)), code: $0.code,
            arguments: $0.arguments)
        }
        return render(
          context, page: page, state: FormState(values: state.values, errors: errors),
          orders: [], names: [:], views: [], customers: [], next: nil)
      }
      let pageRequest = PageRequest(
        limit: OrdersLimits.pageRowsMax,
        cursor: try request.queryValue("cursor").map(Cursor.init(token:)))
      let (orders, names, views, customers) = try context.read(database) { scope in
        let orders = try OrderList.page(filter, pageRequest, scope)
        let names = try service.ports.customers.names(
          of: Set(orders.items.map(\.customerID)), scope)
        let views = try OrderSavedViewStore.list(of: context.user, scope)
        let customers = try service.ports.customers.choices(
          limit: OrdersLimits.customerChoicesMax, scope)
        return (orders, names, views, customers)
      }
      return render(
        context, page: page, state: state, orders: orders.items, names: names, views: views,
        customers: customers, next: orders.nextCursor)
    }
    registerViews(app, service: service, page: page)
    registerBulk(app, service: service, page: page)
  }

  private static func registerViews(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    app.post(
      "/orders/views",
      operation("postOrderViewsPage", "Save the list's filters", OrdersPermission.read)
    ) { request, context in
      let form = try FormBody(request)
      let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
      let problems = OrderRules.text(
        name, "/name", max: OrdersLimits.savedViewNameCharactersMax)
      if !problems.isEmpty { throw ValidationFailure(problems) }
      let query = filterNames.compactMap { key in
        form[key].flatMap { $0.isEmpty ? nil : "\(key)=\(escape($0))" }
      }.joined(separator: "&")
      try context.write(database) { scope in
        let view = OrderSavedView(id: service.services.identifiers.next(), name: name, query: query)
        try OrderSavedViewStore.insert(
          view, of: context.user, at: service.services.clock.now(), scope)
        try context.audit(service.services.audit).record(
          entity: "order_saved_view", id: view.id, action: "create",
          after: ["name": name, "query": query], in: scope)
      }
      return page.done("/app/orders?\(query)", message: "flash.saved")
    }
    app.post(
      "/orders/views/{id}/delete",
      operation("postDeleteOrderViewPage", "Delete a saved view", OrdersPermission.read)
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      try context.write(database) { scope in
        guard try OrderSavedViewStore.delete(id, of: context.user, scope) else {
          throw OrdersError.viewNotFound
        }
        try context.audit(service.services.audit).record(
          entity: "order_saved_view", id: id, action: "delete", in: scope)
      }
      return page.done("/app/orders", message: "flash.deleted")
    }
  }

  private static func registerBulk(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    app.post(
      "/orders/bulk",
      operation(
        "postOrdersBulkPage", "Confirm or cancel the selected orders", OrdersPermission.manage)
    ) { request, context in
      let form = try FormBody(request)
      let action = form["action"] ?? ""
      guard action == "confirm" || action == "cancel" else {
        throw ValidationFailure(pointer: "/action", code: "unknown_choice")
      }
      let ids = form.values("order_id").compactMap(Int64.init).map(Identifier.init(rawValue:))
      guard !ids.isEmpty, ids.count <= OrdersLimits.bulkOrdersMax else {
        throw ValidationFailure(
          pointer: "/order_id", code: "out_of_range",
          arguments: ["min": "1", "max": String(OrdersLimits.bulkOrdersMax)])
      }
      var done = 0
      for id in ids {
        do {
          _ = try context.write(database) {
            try service.apply(
              OrderEventRequest(type: action), to: id, timeZone: context.timeZone,
              audit: context.audit(service.services.audit), $0)
          }
          done += 1
        } catch let error as any UserFacingError where error.kind != .internalFailure {
          continue
        }
      }
      return page.done(
        "/app/orders", message: "orders.bulk.done",
        arguments: ["done": String(done), "skipped": String(ids.count - done)])
    }
  }

  private static func escape(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  }

  private static func render(
    _ context: AuthenticatedContext, page: SignedInPage, state: FormState, orders: [OrderSummary],
    names: [Identifier: String], views: [OrderSavedView],
    customers: [(id: Identifier, name: String)], next: String?
  ) -> Response {
    page.render(context, path: "/app/orders", titleKey: "orders.title") { t in
      HTML.div(.class("d-flex", "justify-content-between", "align-items-center", "mb-3")) {
        HTML.h1(.class("h3", "mb-0")) { t("orders.title") }
        HTML.div(.class("d-flex", "gap-2")) {
          if context.can(OrdersPermission.configure) {
            HTML.a(.href("/app/orders/settings"), .class("btn", "btn-outline-secondary")) {
              t("orders.settings.title")
            }
          }
          if context.can(OrdersPermission.manage) {
            HTML.a(.href("/app/orders/import"), .class("btn", "btn-outline-secondary")) {
              t("orders.import.title")
            }
            HTML.a(.href("/app/orders/new"), .class("btn", "btn-primary")) { t("orders.new") }
          }
        }
      }
      if !views.isEmpty { viewLinks(views, context: context, localizer: t) }
      filterForm(state, customers: customers, localizer: t)
      saveViewForm(state, context: context, localizer: t)
      HTML.form(.method("post"), .action("/app/orders/bulk"), .id("bulk")) {
        FormControls.csrf(context.csrfToken)
        OrderTables.summaries(
          orders, localizer: t, emptyKey: "orders.list.empty", names: names,
          selectable: context.can(OrdersPermission.manage))
        if context.can(OrdersPermission.manage) && !orders.isEmpty {
          HTML.div(.class("d-flex", "gap-2")) {
            HTML.button(
              .type("submit"), .name("action"), .value("confirm"),
              .class("btn", "btn-sm", "btn-outline-primary")
            ) { t("orders.bulk.confirm") }
            HTML.button(
              .type("submit"), .name("action"), .value("cancel"),
              .class("btn", "btn-sm", "btn-outline-danger")
            ) { t("orders.bulk.cancel") }
          }
        }
      }
      if let next {
        HTML.a(
          .class("btn", "btn-link"),
          .href(
            "/app/orders?"
              + (filterNames.compactMap { key in
                state.values[key].flatMap { $0.isEmpty ? nil : "\(key)=\(escape($0))" }
              } + ["cursor=\(next)"]).joined(separator: "&"))
        ) { t("orders.list.more") }
      }
    }
  }

  private static func viewLinks(
    _ views: [OrderSavedView], context: AuthenticatedContext, localizer t: Localizer
  ) -> HTML {
    HTML.div(.class("d-flex", "flex-wrap", "gap-2", "mb-3")) {
      HTML.span(.class("text-body-secondary", "small", "align-self-center")) {
        t("orders.views.title")
      }
      for view in views {
        HTML.div(.class("btn-group", "btn-group-sm")) {
          HTML.a(.href("/app/orders?\(view.query)"), .class("btn", "btn-outline-secondary")) {
            view.name
          }
          HTML.form(
            .method("post"), .action("/app/orders/views/\(view.id)/delete"),
            .data("confirm", t("orders.views.delete_confirm"))
          ) {
            FormControls.csrf(context.csrfToken)
            HTML.button(
              .type("submit"), .class("btn", "btn-outline-secondary"),
              .aria("label", t("orders.views.delete"))
            ) { "×" }
          }
        }
      }
    }
  }

  /// Saves the filters now applied under a name the user types.
  private static func saveViewForm(
    _ state: FormState, context: AuthenticatedContext, localizer t: Localizer
  ) -> HTML {
    HTML.form(.method("post"), .action("/app/orders/views"), .class("d-flex", "gap-2", "mb-3")) {
      FormControls.csrf(context.csrfToken)
      for name in filterNames {
        HTML.input(.type("hidden"), .name(name), .value(state.values[name] ?? ""))
      }
      HTML.input(
        .type("text"), .class("form-control", "form-control-sm", "w-auto"), .name("name"),
        .placeholder(t("orders.views.name")), .aria("label", t("orders.views.name")),
        .maxlength(OrdersLimits.savedViewNameCharactersMax), .required(true))
      FormControls.submit(t("orders.views.save"), style: "btn-sm btn-outline-secondary")
    }
  }

  private static func filterForm(
    _ state: FormState, customers: [(id: Identifier, name: String)], localizer t: Localizer
  ) -> HTML {
    HTML.form(
      .method("get"), .action("/app/orders"), .class("row", "g-2", "align-items-end", "mb-3")
    ) {
      HTML.div(.class("col-md-2")) {
        FormControls.select(
          "status", label: t("orders.field.status"),
          options: [("", t("orders.filter.any"))]
            + OrderStatus.allCases.map { ($0.rawValue, t($0.labelKey)) }, state: state,
          localizer: t)
      }
      HTML.div(.class("col-md-3")) {
        FormControls.select(
          "customer_id", label: t("orders.field.customer"),
          options: [("", t("orders.filter.any"))]
            + customers.map { ($0.id.description, $0.name) }, state: state, localizer: t)
      }
      HTML.div(.class("col-md-2")) {
        FormControls.select(
          "service_type", label: t("orders.field.service_type"),
          options: [("", t("orders.filter.any"))]
            + ServiceType.allCases.map { ($0.rawValue, t($0.labelKey)) }, state: state,
          localizer: t)
      }
      HTML.div(.class("col-md-2")) {
        FormControls.field(
          "from", label: t("orders.filter.from"), state: state, localizer: t, type: "date",
          required: false)
      }
      HTML.div(.class("col-md-2")) {
        FormControls.field(
          "to", label: t("orders.filter.to"), state: state, localizer: t, type: "date",
          required: false)
      }
      HTML.div(.class("col-md-1", "mb-3")) {
        FormControls.submit(t("orders.filter.apply"), style: "btn-outline-primary")
      }
    }
  }
}
