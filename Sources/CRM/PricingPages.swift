import FreightdeskCore
import Storage
import Web

/// The price calculator: a shipment form, and the breakdown table of its price.
enum PricingPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/prices",
      CommercialPage.operation(
        "getPriceCalculator", "The price calculator", CommercialPermissions.pricingRead)
    ) { _, context in
      try render(
        context, page: page, customers: customerOptions(context, services), state: FormState(),
        services: [], breakdown: nil)
    }
    app.post(
      "/prices",
      CommercialPage.operation(
        "postPriceCalculator", "Price a shipment", CommercialPermissions.pricingRead)
    ) { request, context in
      let form = try FormBody(request)
      let state = FormState(
        values: Dictionary(form.fields, uniquingKeysWith: { first, _ in first }))
      do {
        let body = try CommercialForms.pricingBody(form)
        let today = CivilDate(services.clock.now(), in: context.timeZone)
        let breakdown = try context.read(services.database) { scope in
          try PricingService.price(
            try body.pricingRequest(today: today),
            customer: body.customerID.map { Identifier(rawValue: $0) }, scope)
        }
        return try render(
          context, page: page, customers: customerOptions(context, services), state: state,
          services: form.values("services"), breakdown: PriceView(breakdown))
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, page: page, customers: customerOptions(context, services),
          state: FormState(form: form, error: error), services: form.values("services"),
          breakdown: nil, status: 422)
      }
    }
  }

  /// The customer drop-down's options: list prices first, then the company's customers.
  private static func customerOptions(
    _ context: AuthenticatedContext, _ services: ModuleServices
  ) throws -> [(value: String, label: String)] {
    let customers = try context.read(services.database) { try CRMLookups.choices(in: $0) }
    let list = context.localizer(
      "pricing.list_price")
    return [("", list)] + customers.map { (String($0.id.rawValue), $0.name) }
  }

  private static func render(
    _ context: AuthenticatedContext, page: SignedInPage,
    customers: [(value: String, label: String)], state: FormState, services: [String],
    breakdown: PriceView?, status: Int = 200
  ) -> Response {
    page.render(context, path: "/app/prices", titleKey: "pricing.calculator", status: status) {
      t in
      HTML.h1(.class("h3")) { t("pricing.calculator") }
      HTML.div(.class("row", "g-4")) {
        HTML.div(.class("col-lg-6")) {
          FormControls.formErrors(state, localizer: t)
          HTML.form(.method("post"), .action("/app/prices")) {
            FormControls.csrf(context.csrfToken)
            FormControls.field("origin", label: t("pricing.origin"), state: state, localizer: t)
            FormControls.field(
              "destination", label: t("pricing.destination"), state: state, localizer: t)
            FormControls.field(
              "weight_kg", label: t("pricing.weight_kg"), state: state, localizer: t,
              type: "number")
            FormControls.field(
              "volume_m3", label: t("pricing.volume_m3"), state: state, localizer: t,
              type: "number", required: false)
            CommercialForms.services(selected: services, localizer: t)
            FormControls.field(
              "declared_value", label: t("pricing.declared_value"), state: state, localizer: t,
              required: false)
            FormControls.select(
              "customer_id", label: t("pricing.customer"), options: customers, state: state,
              localizer: t)
            FormControls.field(
              "segment", label: t("pricing.segment"), state: state, localizer: t, required: false)
            FormControls.field(
              "ship_date", label: t("pricing.ship_date"), state: state, localizer: t, type: "date",
              required: false)
            FormControls.submit(t("pricing.compute"))
          }
        }
        HTML.div(.class("col-lg-6")) {
          if let breakdown { BreakdownTable.render(breakdown, localizer: t) }
        }
      }
    }
  }
}
