import FreightdeskCore
import Web

/// The pieces of the inquiry pages: the list, the conversion figures, the new-inquiry form.
enum InquiryTables {
  static func list(_ inquiries: [Inquiry], localizer t: Localizer) -> HTML {
    HTML.table(.class("table", "table-sm"), .id("inquiries")) {
      HTML.thead {
        HTML.tr {
          HTML.th { t("inquiries.number") }
          HTML.th { t("inquiries.contact") }
          HTML.th { t("pricing.lane") }
          HTML.th { t("inquiries.cargo") }
          HTML.th { t("inquiries.stage") }
        }
      }
      HTML.tbody {
        for inquiry in inquiries {
          HTML.tr {
            HTML.td { HTML.a(.href("/app/inquiries/\(inquiry.id)")) { inquiry.number } }
            HTML.td { inquiry.contactName }
            HTML.td { "\(inquiry.origin) → \(inquiry.destination)" }
            HTML.td { inquiry.cargo }
            HTML.td { t("inquiries.stage.\(inquiry.pipeline.stage.rawValue)") }
          }
        }
      }
    }
  }

  static func conversion(_ figures: [ConversionFigures], localizer t: Localizer) -> HTML {
    HTML.group {
      HTML.h2(.class("h5", "mt-4")) { t("inquiries.conversion") }
      HTML.table(.class("table", "table-sm"), .id("conversion")) {
        HTML.thead {
          HTML.tr {
            HTML.th { t("inquiries.period") }
            HTML.th { t("inquiries.total") }
            HTML.th { t("inquiries.stage.won") }
            HTML.th { t("inquiries.stage.lost") }
            HTML.th { t("inquiries.won_rate") }
          }
        }
        HTML.tbody {
          for period in figures {
            HTML.tr {
              HTML.td { period.period }
              HTML.td { String(period.total) }
              HTML.td { String(period.byStage[.won] ?? 0) }
              HTML.td { String(period.byStage[.lost] ?? 0) }
              HTML.td {
                period.wonRateBasisPoints.map {
                  DisplayFormat.decimal($0, fractionDigits: 2) + " %"
                } ?? "—"
              }
            }
          }
        }
      }
    }
  }

  /// The inquiry form posting to `action`; staff also type the contact's name.
  static func form(
    _ state: FormState, action: String, askContact: Bool, csrf: String?, localizer t: Localizer
  ) -> HTML {
    HTML.group {
      HTML.h2(.class("h5", "mt-4")) { t("inquiries.new") }
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action(action)) {
        FormControls.csrf(csrf)
        if askContact {
          FormControls.field(
            "contact_name", label: t("inquiries.contact"), state: state, localizer: t)
        }
        FormControls.field(
          "contact_phone", label: t("inquiries.phone"), state: state, localizer: t,
          type: "tel", required: false)
        FormControls.field("origin", label: t("pricing.origin"), state: state, localizer: t)
        FormControls.field(
          "destination", label: t("pricing.destination"), state: state, localizer: t)
        FormControls.field("cargo", label: t("inquiries.cargo"), state: state, localizer: t)
        FormControls.field(
          "weight_kg", label: t("pricing.weight_kg"), state: state, localizer: t, type: "number")
        FormControls.field(
          "volume_m3", label: t("pricing.volume_m3"), state: state, localizer: t,
          type: "number", required: false)
        FormControls.field(
          "ready_on", label: t("inquiries.ready_on"), state: state, localizer: t, type: "date",
          required: false)
        CommercialForms.services(selected: [], localizer: t)
        FormControls.submit(t("inquiries.create"))
      }
    }
  }

  /// The inquiry the form describes, asked by `contactName`.
  static func newInquiry(_ form: FormBody, contactName: String) throws -> NewInquiry {
    var problems: [FieldError] = []
    let input = NewInquiry(
      customerID: nil, contactName: contactName, contactPhone: form["contact_phone"] ?? "",
      origin: form["origin"] ?? "", destination: form["destination"] ?? "",
      cargo: form["cargo"] ?? "",
      weightKg: CommercialForms.decimal(form, "weight_kg", problems: &problems) ?? 0,
      volumeM3: CommercialForms.decimal(form, "volume_m3", problems: &problems),
      readyOn: CommercialForms.text(form, "ready_on"), services: form.values("services"))
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return input
  }
}
