import Foundation
import FreightdeskCore
import Web

/// `/app/customers/{id}`: the customer 360° page, drawn from the panels of every module.
enum Customer360Page {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage,
    panels: CustomerPanelRegistry
  ) {
    app.get(
      "/customers/{id}",
      CustomerListPage.operation(
        "getCustomerPage", "The customer 360° page", CRMPermission.customersRead)
    ) { request, context in
      try render(
        context, customer: try context.request.parameters.identifier("id"), service: service,
        page: page, panels: panels, state: FormState(), request: request)
    }
  }

  /// The page for `request`, with `state` from a failed post of one of its forms.
  static func render(
    _ context: AuthenticatedContext, customer id: Identifier, service: CRMService,
    page: SignedInPage, panels: CustomerPanelRegistry, state: FormState, status: Int = 200,
    request: Request
  ) throws -> Response {
    let customer = try service.customer(id, in: context.tenant)
    let localizer = context.localizer
    let panelContext = CustomerPanelContext(
      request: context, localizer: localizer, customer: customer, form: state, page: request)
    let bodies = try panels.visible(to: context).map { panel in
      (panel.titleKey, panel.isWide, try panel.render(customer: id, context: panelContext))
    }
    return page.render(
      context, path: "/app/customers", titleKey: "crm.customer360.title", status: status
    ) { t in
      HTML.div(.class("d-flex", "flex-wrap", "align-items-baseline", "gap-2", "mb-3")) {
        HTML.h1(.class("h3", "mb-0")) { customer.shortName }
        HTML.span(.class("badge", "text-bg-secondary")) {
          t("crm.status.\(customer.status.rawValue)")
        }
        HTML.span(.class("text-body-secondary")) { customer.name }
      }
      FormControls.formErrors(state, localizer: t)
      HTML.div(.class("row", "g-3")) {
        for (titleKey, isWide, body) in bodies {
          HTML.section(.class(isWide ? "col-12" : "col-lg-6")) {
            HTML.div(.class("card", "h-100")) {
              HTML.div(.class("card-body")) {
                HTML.h2(.class("h5", "card-title")) { t(titleKey) }
                body
              }
            }
          }
        }
      }
    }
  }
}
