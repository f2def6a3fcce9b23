import Foundation
import FreightdeskCore
import Web

/// The lane form of the rate card pages: origin, destination, minimum charge in yuan, and the
/// breaks written `from=rate` pairs separated by commas, e.g. `0=2.00, 100=1.50` (from in kg or
/// m³, rate in yuan per kg or per m³).
enum RateCardForms {
  /// The lane the form describes, or every field error.
  static func lane(_ form: FormBody) throws -> RateCardDocument.LaneEntry {
    var problems: [FieldError] = []
    let minimum = CommercialForms.amount(form, "minimum_charge", problems: &problems) ?? 0
    var breaks: [RateCardDocument.Break] = []
    for basis in RateBasis.allCases {
      let field = "\(basis.rawValue)_breaks"
      guard let parsed = Self.breaks(form[field] ?? "", basis: basis) else {
        problems.append(FieldError(pointer: "/\(field)", code: "invalid_breaks"))
        continue
      }
      breaks += parsed
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return RateCardDocument.LaneEntry(
      origin: form["origin"] ?? "", destination: form["destination"] ?? "",
      minimumChargeFen: minimum, breaks: breaks)
  }

  /// `0=2.00, 100=1.50` as breaks on `basis`; nil when malformed.
  static func breaks(_ text: String, basis: RateBasis) -> [RateCardDocument.Break]? {
    var breaks: [RateCardDocument.Break] = []
    for pair in text.split(separator: ",") {
      let sides = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
      guard sides.count == 2, let from = Double(sides[0]), from >= 0,
        let rate = CommercialForms.hundredths(sides[1])
      else { return nil }
      breaks.append(RateCardDocument.Break(basis: basis.rawValue, from: from, rateFen: rate))
    }
    return breaks
  }

  /// The lane fields.
  static func laneFields(_ state: FormState, localizer t: Localizer) -> HTML {
    HTML.group {
      FormControls.field("origin", label: t("pricing.origin"), state: state, localizer: t)
      FormControls.field("destination", label: t("pricing.destination"), state: state, localizer: t)
      FormControls.field(
        "minimum_charge", label: t("rate_cards.minimum_charge"), state: state, localizer: t)
      FormControls.field(
        "weight_breaks", label: t("rate_cards.weight_breaks"), state: state, localizer: t,
        required: false, help: t("rate_cards.weight_breaks_help"))
      FormControls.field(
        "volume_breaks", label: t("rate_cards.volume_breaks"), state: state, localizer: t,
        required: false, help: t("rate_cards.volume_breaks_help"))
    }
  }
}
