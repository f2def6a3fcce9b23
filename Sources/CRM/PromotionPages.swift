import Foundation
import FreightdeskCore
import Storage
import Web

/// The promotions page: every promotion with its segment and period, and a form to add one.
enum PromotionPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/promotions",
      CommercialPage.operation("getPromotionsPage", "Promotions", CommercialPermissions.pricingRead)
    ) { _, context in
      try render(context, services: services, page: page, state: FormState())
    }
    app.post(
      "/promotions",
      CommercialPage.operation(
        "postPromotionsPage", "Add a promotion", CommercialPermissions.pricingManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        var problems: [FieldError] = []
        let percent = CommercialForms.decimal(form, "percent", problems: &problems)
        let fixed = CommercialForms.amount(form, "fixed", problems: &problems)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let view = PromotionView(
          code: (form["code"] ?? "").trimmingCharacters(in: .whitespaces),
          name: form["name"] ?? "", percentBasisPoints: percent.map { Int64(($0 * 100).rounded()) },
          fixedFen: fixed, segment: CommercialForms.text(form, "segment"),
          validFrom: form["valid_from"] ?? "", validThrough: form["valid_through"] ?? ""
        )
        let promotion = try formFields { try view.promotion() }
        try context.write(services.database) { scope in
          try PromotionStore.create(
            promotion, id: services.identifiers.next(), audit: context.audit(services.audit),
            scope)
        }
        return page.done("/app/promotions", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, services: services, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
  }

  /// Runs `body`, pointing its field errors at the form's fields instead of the API's.
  private static func formFields<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let failure as ValidationFailure {
      let fields = ["/percent_basis_points": "/percent", "/fixed_fen": "/fixed"]
      throw ValidationFailure(
        failure.fieldErrors.map {
          FieldError(
            pointer: fields[$0.pointer] ?? $0.pointer, code: $0.code, arguments: $0.arguments)
        })
    }
  }

  private static func render(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let promotions = try context.read(services.database) { try PromotionStore.list($0) }
    return page.render(
      context, path: "/app/promotions", titleKey: "promotions.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("promotions.title") }
      HTML.p(.class("text-body-secondary")) { t("promotions.rule") }
      HTML.table(.class("table", "table-sm"), .id("promotions")) {
        HTML.thead {
          HTML.tr {
            HTML.th { t("promotions.code") }
            HTML.th { t("rate_cards.name") }
            HTML.th { t("promotions.discount") }
            HTML.th { t("pricing.segment") }
            HTML.th { t("contracts.validity") }
          }
        }
        HTML.tbody {
          for promotion in promotions {
            HTML.tr {
              HTML.td { promotion.code }
              HTML.td { promotion.name }
              HTML.td { discount(promotion.discount, localizer: t) }
              HTML.td { promotion.segment ?? t("promotions.everyone") }
              HTML.td { "\(promotion.validFrom) – \(promotion.validThrough)" }
            }
          }
        }
      }
      if context.can(CommercialPermissions.pricingManage) {
        form(state, csrf: context.csrfToken, localizer: t)
      }
    }
  }

  private static func discount(_ discount: Promotion.Discount, localizer t: Localizer) -> String {
    switch discount {
    case .percent(let basisPoints): DisplayFormat.decimal(basisPoints, fractionDigits: 2) + " %"
    case .fixed(let amount): t.money(amount)
    }
  }

  private static func form(_ state: FormState, csrf: String?, localizer t: Localizer) -> HTML {
    HTML.group {
      HTML.h2(.class("h5", "mt-4")) { t("promotions.new") }
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action("/app/promotions")) {
        FormControls.csrf(csrf)
        FormControls.field("code", label: t("promotions.code"), state: state, localizer: t)
        FormControls.field("name", label: t("rate_cards.name"), state: state, localizer: t)
        FormControls.field(
          "percent", label: t("promotions.percent"), state: state, localizer: t, type: "number",
          required: false)
        FormControls.field(
          "fixed", label: t("promotions.fixed"), state: state, localizer: t, required: false)
        FormControls.field(
          "segment", label: t("pricing.segment"), state: state, localizer: t, required: false,
          help: t("promotions.segment_help"))
        FormControls.field(
          "valid_from", label: t("contracts.valid_from"), state: state, localizer: t, type: "date")
        FormControls.field(
          "valid_through", label: t("contracts.valid_through"), state: state, localizer: t,
          type: "date")
        FormControls.submit(t("promotions.create"))
      }
    }
  }
}
