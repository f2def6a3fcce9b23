import FreightdeskCore
import Storage
import Web

/// `/app/orders/settings`: the company's order rules; today, who may order urgent service.
enum OrderSettingsPage {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    app.get(
      "/orders/settings",
      OrderListPage.operation("getOrderSettingsPage", "The order rules", OrdersPermission.configure)
    ) { _, context in
      let rule = try context.read(database) { try service.urgentRule($0) }
      return render(context, page: page, state: FormState(values: values(rule)))
    }
    app.post(
      "/orders/settings",
      OrderListPage.operation(
        "postOrderSettingsPage", "Change the order rules", OrdersPermission.configure)
    ) { request, context in
      let form = try FormBody(request)
      let rule = UrgentRule(
        ratingMin: form["rating_min"] ?? "", deliveredMin: Int(form["delivered_min"] ?? "") ?? -1,
        periodDays: Int(form["period_days"] ?? "") ?? 0)
      do {
        try context.write(database) {
          try service.changeUrgentRule(rule, audit: context.audit(service.services.audit), $0)
        }
        return page.done("/app/orders/settings", message: "flash.saved")
      } catch let error as ValidationFailure {
        return render(
          context, page: page, state: FormState(form: form, error: error), status: 400)
      }
    }
  }

  private static func values(_ rule: UrgentRule) -> [String: String] {
    [
      "rating_min": rule.ratingMin, "delivered_min": String(rule.deliveredMin),
      "period_days": String(rule.periodDays),
    ]
  }

  private static func render(
    _ context: AuthenticatedContext, page: SignedInPage, state: FormState, status: Int = 200
  ) -> Response {
    page.render(
      context, path: "/app/orders/settings", titleKey: "orders.settings.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("orders.settings.title") }
      HTML.p(.class("text-body-secondary")) { t("orders.settings.urgent_help") }
      HTML.form(.method("post"), .action("/app/orders/settings"), .class("col-md-6")) {
        FormControls.csrf(context.csrfToken)
        FormControls.select(
          "rating_min", label: t("orders.settings.rating_min"),
          options: UrgentRule.ratings.map { ($0, $0) }, state: state, localizer: t)
        FormControls.field(
          "delivered_min", label: t("orders.settings.delivered_min"), state: state, localizer: t,
          type: "number")
        FormControls.field(
          "period_days", label: t("orders.settings.period_days"), state: state, localizer: t,
          type: "number")
        FormControls.submit(t("orders.form.save"))
      }
    }
  }
}
