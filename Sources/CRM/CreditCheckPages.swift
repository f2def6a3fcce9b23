import Foundation
import FreightdeskCore
import Storage
import Web

/// The credit holds page: amounts the credit check held, with the figures it saw; finance
/// approves (an audited override) or rejects each with a note.
enum CreditCheckPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/credit-holds",
      CommercialPage.operation(
        "getCreditHoldsPage", "Credit holds", CommercialPermissions.creditRead)
    ) { _, context in
      let holds = try context.read(services.database) {
        try CreditHoldStore.list(
          status: nil, before: nil, limit: CommercialLimits.listItemsMax, $0)
      }
      return render(holds, context: context, page: page)
    }
    app.post(
      "/credit-holds/{id}/decision",
      CommercialPage.operation(
        "postCreditHoldDecisionPage", "Approve or reject a credit hold",
        CommercialPermissions.creditApprove)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let form = try FormBody(request)
      guard let decision = form["decision"], ["approve", "reject"].contains(decision) else {
        throw ValidationFailure(pointer: "/decision", code: "invalid_choice")
      }
      try context.write(services.database) { scope in
        _ = try CreditHoldReview(services: services).decide(
          id, approve: decision == "approve", note: form["note"] ?? "", by: context.user,
          audit: context.audit(services.audit), scope)
      }
      return page.done("/app/credit-holds", message: "flash.saved")
    }
  }

  private static func render(
    _ holds: [CreditHold], context: AuthenticatedContext, page: SignedInPage
  ) -> Response {
    let canDecide = context.can(CommercialPermissions.creditApprove)
    return page.render(context, path: "/app/credit-holds", titleKey: "credit.title") { t in
      HTML.h1(.class("h3")) { t("credit.title") }
      HTML.table(.class("table", "table-sm", "align-middle")) {
        HTML.thead {
          HTML.tr {
            HTML.th { t("credit.reference") }
            HTML.th { t("pricing.customer_id") }
            HTML.th(.class("text-end")) { t("credit.amount") }
            HTML.th(.class("text-end")) { t("credit.exposure") }
            HTML.th(.class("text-end")) { t("credit.limit") }
            HTML.th { t("credit.reason") }
            HTML.th { t("credit.status") }
          }
        }
        HTML.tbody {
          for hold in holds {
            HTML.tr {
              HTML.td { hold.reference }
              HTML.td { hold.customerID.description }
              HTML.td(.class("text-end")) { t.money(Money(minorUnits: hold.amountFen)) }
              HTML.td(.class("text-end")) { t.money(Money(minorUnits: hold.exposureFen)) }
              HTML.td(.class("text-end")) { t.money(Money(minorUnits: hold.limitFen)) }
              HTML.td { t("error.\(hold.reason.rawValue)") }
              HTML.td {
                if canDecide && hold.status == "held" {
                  decision(hold, csrf: context.csrfToken, localizer: t)
                } else {
                  t("credit.status.\(hold.status)")
                  if let note = hold.decisionNote { HTML.small(.class("d-block")) { note } }
                }
              }
            }
          }
        }
      }
    }
  }

  private static func decision(_ hold: CreditHold, csrf: String?, localizer t: Localizer) -> HTML {
    HTML.form(
      .method("post"), .action("/app/credit-holds/\(hold.id)/decision"), .class("d-flex", "gap-1")
    ) {
      FormControls.csrf(csrf)
      HTML.input(
        .class("form-control", "form-control-sm"), .name("note"), .required(true),
        .placeholder(t("credit.note")))
      for (decision, style) in [("approve", "btn-primary"), ("reject", "btn-outline-danger")] {
        HTML.button(
          .type("submit"), .class("btn", "btn-sm", style), .name("decision"), .value(decision)
        ) { t("credit.\(decision)") }
      }
    }
  }
}
