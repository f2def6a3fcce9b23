import FreightdeskCore
import Web

/// The pieces of the contracts page: the list with renewals highlighted, and the form.
enum ContractTables {
  /// The contracts, each with its customer's name from `customerNames` (the id when the
  /// customer is gone, e.g. merged away).
  static func list(
    _ contracts: [Contract], customerNames: [Identifier: String], today: CivilDate,
    localizer t: Localizer
  ) -> HTML {
    HTML.table(.class("table", "table-sm"), .id("contracts")) {
      HTML.thead {
        HTML.tr {
          HTML.th { t("contracts.number") }
          HTML.th { t("contracts.contract_title") }
          HTML.th { t("pricing.customer") }
          HTML.th { t("contracts.validity") }
          HTML.th { t("contracts.settlement") }
          HTML.th { t("contracts.on_time_target") }
        }
      }
      HTML.tbody {
        for contract in contracts {
          let due = contract.isDueForRenewal(on: today)
          HTML.tr(.class(due ? "table-warning" : "")) {
            HTML.td {
              HTML.a(.href("/app/contracts/\(contract.id)")) { contract.number }
              if due {
                HTML.span(.class("badge", "text-bg-warning", "ms-2")) { t("contracts.renew_soon") }
              }
            }
            HTML.td { contract.title }
            HTML.td { customerNames[contract.customerID] ?? contract.customerID.description }
            HTML.td { "\(contract.validFrom) – \(contract.validThrough)" }
            HTML.td { t("contracts.settlement.\(contract.settlement.rawValue)") }
            HTML.td {
              DisplayFormat.decimal(contract.onTimeTargetBasisPoints, fractionDigits: 2) + " %"
            }
          }
        }
      }
    }
  }

  /// The form recording a contract; the customer is picked by name from `customers`.
  static func form(
    _ state: FormState, customers: [(id: Identifier, name: String)], cards: [StoredRateCard],
    csrf: String?, localizer t: Localizer
  ) -> HTML {
    HTML.group {
      HTML.h2(.class("h5", "mt-4")) { t("contracts.new") }
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action("/app/contracts")) {
        FormControls.csrf(csrf)
        FormControls.field(
          "title", label: t("contracts.contract_title"), state: state, localizer: t)
        FormControls.select(
          "customer_id", label: t("pricing.customer"),
          options: customers.map { ($0.id.description, $0.name) }, state: state, localizer: t)
        FormControls.select(
          "rate_card_id", label: t("rate_cards.title"),
          options: cards.map { ($0.id.description, $0.document.name) }, state: state, localizer: t)
        FormControls.field(
          "valid_from", label: t("contracts.valid_from"), state: state, localizer: t, type: "date")
        FormControls.field(
          "valid_through", label: t("contracts.valid_through"), state: state, localizer: t,
          type: "date")
        FormControls.select(
          "settlement", label: t("contracts.settlement"),
          options: ContractSettlement.allCases.map {
            ($0.rawValue, t("contracts.settlement.\($0.rawValue)"))
          }, state: state, localizer: t)
        FormControls.field(
          "on_time_target", label: t("contracts.on_time_target"), state: state, localizer: t,
          type: "number")
        FormControls.field(
          "renewal_reminder_days", label: t("contracts.renewal_reminder_days"), state: state,
          localizer: t, type: "number")
        FormControls.submit(t("contracts.create"))
      }
    }
  }
}
