import Foundation
import FreightdeskCore
import Web

/// The charges form of a rate card's page: each service as a yuan amount (`30`) or a share of
/// the freight (`20%`), blank when not offered; insurance as a share of the declared value with
/// its minimum and cap; fuel as a share of the freight.
enum RateCardChargeForms {
  /// `document` with the charges the form describes, or every field error.
  static func apply(_ form: FormBody, to document: RateCardDocument) throws -> RateCardDocument {
    var problems: [FieldError] = []
    var changed = document
    changed.surcharges = SurchargeKind.allCases.compactMap { kind in
      let name = "service_\(kind.rawValue)"
      guard let text = CommercialForms.text(form, name) else { return nil }
      if let share = percent(text) {
        return .init(service: kind.rawValue, fixedFen: nil, percentBasisPoints: share)
      }
      if let fen = CommercialForms.hundredths(text) {
        return .init(service: kind.rawValue, fixedFen: fen, percentBasisPoints: nil)
      }
      problems.append(FieldError(pointer: "/\(name)", code: "invalid_amount"))
      return nil
    }
    changed.fuelBasisPoints = basisPoints(form, "fuel_percent", problems: &problems) ?? 0
    let insuranceRate = basisPoints(form, "insurance_percent", problems: &problems)
    let minimum = CommercialForms.amount(form, "insurance_minimum", problems: &problems)
    let cap = CommercialForms.amount(form, "insurance_cap", problems: &problems)
    changed.insurance = insuranceRate.map {
      .init(rateBasisPoints: $0, minimumFen: minimum ?? 0, declaredValueMaxFen: cap ?? .max)
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return changed
  }

  /// The form's fields filled from `document`.
  static func values(_ document: RateCardDocument) -> [String: String] {
    var values: [String: String] = [
      "fuel_percent": percentText(document.fuelBasisPoints)
    ]
    for entry in document.surcharges {
      values["service_\(entry.service)"] =
        entry.percentBasisPoints.map { percentText($0) + "%" }
        ?? entry.fixedFen.map { CommercialForms.plain(hundredths: $0) } ?? ""
    }
    if let insurance = document.insurance {
      values["insurance_percent"] = percentText(insurance.rateBasisPoints)
      values["insurance_minimum"] = CommercialForms.plain(hundredths: insurance.minimumFen)
      values["insurance_cap"] =
        insurance.declaredValueMaxFen == .max
        ? "" : CommercialForms.plain(hundredths: insurance.declaredValueMaxFen)
    }
    return values
  }

  /// The fields.
  static func fields(_ state: FormState, localizer t: Localizer) -> HTML {
    HTML.group {
      for kind in SurchargeKind.allCases {
        FormControls.field(
          "service_\(kind.rawValue)", label: t("pricing.line.surcharge.\(kind.rawValue)"),
          state: state, localizer: t, required: false)
      }
      HTML.div(.class("form-text", "mb-3")) { t("rate_cards.service_help") }
      FormControls.field(
        "fuel_percent", label: t("rate_cards.fuel_percent"), state: state, localizer: t,
        required: false)
      FormControls.field(
        "insurance_percent", label: t("rate_cards.insurance_percent"), state: state,
        localizer: t, required: false)
      FormControls.field(
        "insurance_minimum", label: t("rate_cards.insurance_minimum"), state: state,
        localizer: t, required: false)
      FormControls.field(
        "insurance_cap", label: t("rate_cards.insurance_cap"), state: state, localizer: t,
        required: false)
    }
  }

  /// `20%` or `0.3%` as basis points; nil otherwise.
  private static func percent(_ text: String) -> Int64? {
    guard text.hasSuffix("%") else { return nil }
    return CommercialForms.hundredths(String(text.dropLast()).trimmingCharacters(in: .whitespaces))
  }

  private static func basisPoints(_ form: FormBody, _ name: String, problems: inout [FieldError])
    -> Int64?
  {
    guard let text = CommercialForms.text(form, name) else { return nil }
    guard let value = CommercialForms.hundredths(text) else {
      problems.append(FieldError(pointer: "/\(name)", code: "invalid_number"))
      return nil
    }
    return value
  }

  private static func percentText(_ basisPoints: Int64) -> String {
    CommercialForms.plain(hundredths: basisPoints)
  }
}
