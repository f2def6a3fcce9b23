import FreightdeskCore
import Web

/// The field groups of the customer form.
enum CustomerFormFields {
  static func profile(
    _ state: FormState, segments: [PlatformSegment], staff: [StaffMember], localizer t: Localizer
  ) -> HTML {
    HTML.group {
      FormControls.field("name", label: t("crm.customer.name"), state: state, localizer: t)
      FormControls.field(
        "short_name", label: t("crm.customer.short_name"), state: state, localizer: t,
        required: false)
      FormControls.field(
        "credit_code", label: t("crm.customer.credit_code"), state: state, localizer: t,
        required: false)
      FormControls.field(
        "industry", label: t("crm.customer.industry"), state: state, localizer: t,
        required: false)
      FormControls.select(
        "segment_code", label: t("crm.customer.segment"),
        options: [("", t("crm.choice.none"))] + segments.map { ($0.code, $0.name) },
        state: state, localizer: t)
      FormControls.field(
        "source", label: t("crm.customer.source"), state: state, localizer: t, required: false)
      FormControls.select(
        "owner_id", label: t("crm.customer.owner"),
        options: [("", t("crm.choice.none"))] + staff.map { ($0.id.description, $0.name) },
        state: state, localizer: t)
      FormControls.select(
        "status", label: t("crm.customer.status"),
        options: CustomerStatus.allCases.map { ($0.rawValue, t("crm.status.\($0.rawValue)")) },
        state: state, localizer: t)
      if state.formErrors.contains(where: { $0.code == "possible_duplicate_customer" }) {
        FormControls.checkbox(
          "confirm_duplicate", label: t("crm.duplicate.confirm"), isChecked: false)
      }
    }
  }

  static func firstContact(_ state: FormState, localizer t: Localizer) -> HTML {
    HTML.fieldset(.class("mb-3")) {
      HTML.legend(.class("fs-6")) { t("crm.customer.first_contact") }
      FormControls.field(
        "contact/name", label: t("crm.contact.name"), state: state, localizer: t,
        required: false)
      FormControls.field(
        "contact/title", label: t("crm.contact.title"), state: state, localizer: t,
        required: false)
      FormControls.field(
        "contact/mobile", label: t("crm.contact.mobile"), state: state, localizer: t,
        type: "tel", required: false)
    }
  }

  static func preferences(_ state: FormState, localizer t: Localizer) -> HTML {
    HTML.fieldset(.class("mb-3")) {
      HTML.legend(.class("fs-6")) { t("crm.preferences.title") }
      FormControls.field(
        "preferences/time_windows", label: t("crm.preferences.time_windows"), state: state,
        localizer: t, required: false)
      for flag in ["night_delivery", "cold_chain", "receipt_return"] {
        FormControls.checkbox(
          "preferences/\(flag)", label: t("crm.preferences.\(flag)"),
          isChecked: state.values["preferences/\(flag)"] == "1")
      }
      FormControls.field(
        "preferences/packaging", label: t("crm.preferences.packaging"), state: state,
        localizer: t, required: false)
      FormControls.textarea(
        "preferences/driver_notes", label: t("crm.preferences.driver_notes"), state: state,
        localizer: t)
    }
  }
}
