import FreightdeskCore
import Web

/// Transport preferences and commercial terms, with the terms form for those who manage them.
struct TermsPanel: CustomerPanel {
  let titleKey = "crm.panel.terms"
  let order = 30
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let preferences = context.customer.preferences
    let terms = context.customer.terms
    let flags = [
      ("night_delivery", preferences.nightDelivery), ("cold_chain", preferences.coldChain),
      ("receipt_return", preferences.receiptReturn),
    ].filter(\.1).map { t("crm.preferences.\($0.0)") }
    return HTML.group {
      HTML.div(.class("mb-3")) {
        CRMPanels.row(t("crm.preferences.time_windows"), preferences.timeWindows)
        CRMPanels.row(t("crm.preferences.needs"), flags.joined(separator: "、"))
        CRMPanels.row(t("crm.preferences.packaging"), preferences.packaging)
        CRMPanels.row(t("crm.preferences.driver_notes"), preferences.driverNotes)
        CRMPanels.row(t("crm.terms.settlement"), Self.settlement(terms, localizer: t))
        CRMPanels.row(t("crm.terms.credit_rating"), terms.creditRating.rawValue)
        CRMPanels.row(
          t("crm.terms.credit_limit"), t.money(Money(minorUnits: terms.creditLimitFen)))
      }
      if context.request.can(CRMPermission.termsManage) {
        termsForm(context, terms: terms)
      }
    }
  }

  static func settlement(_ terms: CommercialTerms, localizer t: Localizer) -> String {
    guard terms.settlement == .monthly, let day = terms.billingDay, let days = terms.paymentDays
    else { return t("crm.settlement.\(terms.settlement.rawValue)") }
    return t("crm.terms.monthly_detail", ["day": String(day), "days": String(days)])
  }

  private func termsForm(_ context: CustomerPanelContext, terms: CommercialTerms) -> HTML {
    let t = context.localizer
    var state = context.form
    let defaults = [
      "terms/settlement": terms.settlement.rawValue,
      "terms/billing_day": terms.billingDay.map(String.init) ?? "",
      "terms/payment_days": terms.paymentDays.map(String.init) ?? "",
      "terms/credit_rating": terms.creditRating.rawValue,
      "terms/credit_limit": CustomerRules.yuan(fromFen: terms.creditLimitFen),
    ]
    state.values.merge(defaults) { typed, _ in typed }
    return CRMPanels.form(context, path: "terms") {
      HTML.input(.type("hidden"), .name("version"), .value(String(context.customer.version)))
      HTML.div(.class("row", "g-2")) {
        HTML.div(.class("col-md-4")) {
          FormControls.select(
            "terms/settlement", label: t("crm.terms.settlement"),
            options: Settlement.allCases.map { ($0.rawValue, t("crm.settlement.\($0.rawValue)")) },
            state: state, localizer: t)
        }
        HTML.div(.class("col-md-4")) {
          FormControls.field(
            "terms/billing_day", label: t("crm.terms.billing_day"), state: state, localizer: t,
            type: "number", required: false)
        }
        HTML.div(.class("col-md-4")) {
          FormControls.field(
            "terms/payment_days", label: t("crm.terms.payment_days"), state: state,
            localizer: t, type: "number", required: false)
        }
        HTML.div(.class("col-md-4")) {
          FormControls.select(
            "terms/credit_rating", label: t("crm.terms.credit_rating"),
            options: CreditRating.allCases.map { ($0.rawValue, $0.rawValue) }, state: state,
            localizer: t)
        }
        HTML.div(.class("col-md-8")) {
          FormControls.field(
            "terms/credit_limit", label: t("crm.terms.credit_limit_yuan"), state: state,
            localizer: t, required: false)
        }
      }
      FormControls.submit(t("crm.terms.save"), style: "btn-sm btn-outline-primary")
    }
  }
}
