import Foundation
import FreightdeskCore
import Storage
import Web

/// One rate card's page: its lanes and breaks, a form to add a lane, and a button to remove
/// each; every change saves the card's next version.
enum RateCardLanePages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/rate-cards/{id}",
      CommercialPage.operation(
        "getRateCardPage", "One rate card", CommercialPermissions.pricingRead)
    ) { _, context in
      try render(context, services: services, page: page, state: FormState())
    }
    app.post(
      "/rate-cards/{id}/lanes",
      CommercialPage.operation(
        "postRateCardLane", "Add a lane to a rate card", CommercialPermissions.pricingManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let lane = try RateCardForms.lane(form)
        return try change(context, services: services, page: page) { $0.lanes.append(lane) }
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, services: services, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
    app.post(
      "/rate-cards/{id}/charges",
      CommercialPage.operation(
        "postRateCardCharges", "Set a rate card's services, insurance and fuel",
        CommercialPermissions.pricingManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        return try change(context, services: services, page: page) { document in
          document = try RateCardChargeForms.apply(form, to: document)
        }
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, services: services, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
    app.post(
      "/rate-cards/{id}/lanes/{index}/remove",
      CommercialPage.operation(
        "postRateCardLaneRemoval", "Remove a lane from a rate card",
        CommercialPermissions.pricingManage)
    ) { _, context in
      let index = try context.request.parameters.require("index", as: Int.self)
      return try change(context, services: services, page: page) { document in
        guard document.lanes.indices.contains(index) else { throw HTTPError.notFound }
        document.lanes.remove(at: index)
      }
    }
  }

  /// Applies `edit` to the card, validates and saves it as the next version.
  private static func change(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    edit: (inout RateCardDocument) throws -> Void
  ) throws -> Response {
    let id = try context.request.parameters.identifier("id")
    try context.write(services.database) { scope in
      let card = try RateCardStore.load(id, scope)
      var document = card.document
      try edit(&document)
      _ = try document.rateCard()
      try RateCardStore.update(
        card, to: document, by: context.user, at: services.clock.now(),
        audit: context.audit(services.audit), scope)
    }
    return page.done("/app/rate-cards/\(id)", message: "flash.saved")
  }

  private static func render(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let id = try context.request.parameters.identifier("id")
    let card = try context.read(services.database) { try RateCardStore.load(id, $0) }
    let path = "/app/rate-cards/\(id)"
    let canManage = context.can(CommercialPermissions.pricingManage)
    return page.render(context, path: path, titleKey: "rate_cards.title", status: status) { t in
      HTML.h1(.class("h3")) { card.document.name }
      HTML.p(.class("text-body-secondary")) {
        t("rate_cards.version_n", ["version": String(card.version)])
      }
      HTML.table(.class("table", "table-sm")) {
        HTML.thead {
          HTML.tr {
            HTML.th { t("pricing.lane") }
            HTML.th { t("rate_cards.weight_breaks") }
            HTML.th { t("rate_cards.volume_breaks") }
            HTML.th { t("rate_cards.minimum_charge") }
            HTML.th {}
          }
        }
        HTML.tbody {
          for (index, lane) in card.document.lanes.enumerated() {
            HTML.tr {
              HTML.td { "\(lane.origin) → \(lane.destination)" }
              for basis in RateBasis.allCases {
                HTML.td { breaksText(lane, basis: basis, localizer: t) }
              }
              HTML.td { t.money(Money(minorUnits: lane.minimumChargeFen)) }
              HTML.td {
                if canManage {
                  HTML.form(.method("post"), .action("\(path)/lanes/\(index)/remove")) {
                    FormControls.csrf(context.csrfToken)
                    FormControls.submit(
                      t("rate_cards.remove_lane"), style: "btn-sm btn-outline-danger")
                  }
                }
              }
            }
          }
        }
      }
      if canManage {
        HTML.h2(.class("h5", "mt-4")) { t("rate_cards.charges") }
        HTML.form(.method("post"), .action("\(path)/charges")) {
          FormControls.csrf(context.csrfToken)
          RateCardChargeForms.fields(
            FormState(
              values: RateCardChargeForms.values(card.document).merging(state.values) { $1 },
              errors: state.errors),
            localizer: t)
          FormControls.submit(t("rate_cards.save_charges"))
        }
        HTML.h2(.class("h5", "mt-4")) { t("rate_cards.add_lane") }
        FormControls.formErrors(state, localizer: t)
        HTML.form(.method("post"), .action("\(path)/lanes")) {
          FormControls.csrf(context.csrfToken)
          RateCardForms.laneFields(state, localizer: t)
          FormControls.submit(t("rate_cards.add_lane"))
        }
      }
    }
  }

  private static func breaksText(
    _ lane: RateCardDocument.LaneEntry, basis: RateBasis, localizer t: Localizer
  ) -> String {
    lane.breaks.filter { $0.basis == basis.rawValue }
      .map { "≥\(Quantities.text($0.from)): \(t.money(Money(minorUnits: $0.rateFen)))" }
      .joined(separator: ", ")
  }
}
