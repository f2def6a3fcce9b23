import Foundation
import FreightdeskCore
import Storage
import Web

/// The rate card pages: the list with a form for a new card (with its first lane), and one
/// card's lanes and breaks with forms to add and remove lanes; every change saves a version.
/// Services, insurance and fuel are edited through the API.
enum RateCardPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/rate-cards",
      CommercialPage.operation(
        "getRateCardsPage", "Rate cards", CommercialPermissions.pricingRead)
    ) { _, context in
      try renderList(context, services: services, page: page, state: FormState())
    }
    app.post(
      "/rate-cards",
      CommercialPage.operation(
        "postRateCardsPage", "Create a rate card", CommercialPermissions.pricingManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let lane = try RateCardForms.lane(form)
        let document = RateCardDocument(
          name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces),
          isList: form["is_list"] == "1", lanes: [lane], surcharges: [], insurance: nil,
          fuelBasisPoints: 0)
        _ = try document.rateCard()
        let id = services.identifiers.next()
        try context.write(services.database) { scope in
          try RateCardStore.insert(
            document, id: id, by: context.user, at: services.clock.now(),
            audit: context.audit(services.audit), scope)
        }
        return page.done("/app/rate-cards/\(id)", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try renderList(
          context, services: services, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
    RateCardLanePages.register(app, services: services, page: page)
    PricingSettingsPages.register(app, services: services, page: page)
  }

  private static func renderList(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let (cards, rule) = try context.read(services.database) {
      (try RateCardStore.list($0), try PricingSettingsStore.load($0))
    }
    let canManage = context.can(CommercialPermissions.pricingManage)
    return page.render(
      context, path: "/app/rate-cards", titleKey: "rate_cards.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("rate_cards.title") }
      ExportableList.links("rate-cards", localizer: t)
      HTML.table(.class("table", "table-sm")) {
        HTML.thead {
          HTML.tr {
            HTML.th { t("rate_cards.name") }
            HTML.th { t("rate_cards.lanes") }
            HTML.th { t("rate_cards.version") }
          }
        }
        HTML.tbody {
          for card in cards {
            HTML.tr {
              HTML.td {
                HTML.a(.href("/app/rate-cards/\(card.id)")) { card.document.name }
                if card.document.isList {
                  HTML.span(.class("badge", "text-bg-primary", "ms-2")) { t("rate_cards.list") }
                }
              }
              HTML.td { String(card.document.lanes.count) }
              HTML.td { String(card.version) }
            }
          }
        }
      }
      PricingSettingsPages.section(
        rule, canManage: canManage, csrf: context.csrfToken, localizer: t)
      if canManage {
        HTML.h2(.class("h5", "mt-4")) { t("rate_cards.new") }
        FormControls.formErrors(state, localizer: t)
        HTML.form(.method("post"), .action("/app/rate-cards")) {
          FormControls.csrf(context.csrfToken)
          FormControls.field("name", label: t("rate_cards.name"), state: state, localizer: t)
          HTML.div(.class("form-check", "mb-3")) {
            HTML.input(
              .class("form-check-input"), .type("checkbox"), .name("is_list"), .value("1"),
              .id("field-is_list"))
            HTML.label(.class("form-check-label"), .for("field-is_list")) {
              t("rate_cards.is_list")
            }
          }
          RateCardForms.laneFields(state, localizer: t)
          FormControls.submit(t("rate_cards.create"))
        }
      }
    }
  }
}
