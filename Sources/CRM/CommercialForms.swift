import Foundation
import FreightdeskCore
import Web

/// Reading the commercial pages' form fields: yuan amounts, decimal quantities, services.
enum CommercialForms {
  /// `text` with at most two decimals (`12`, `12.3`, `12.34`) in hundredths — yuan as fen,
  /// percent as basis points; nil for anything else.
  static func hundredths(_ text: String) -> Int64? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let yuan = Int64(parts[0]), yuan >= 0,
      yuan < 1_000_000_000_000
    else { return nil }
    guard parts.count == 2 else { return yuan * 100 }
    let decimals = parts[1]
    guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCII),
      let fraction = Int64(decimals)
    else { return nil }
    return yuan * 100 + (decimals.count == 1 ? fraction * 10 : fraction)
  }

  /// `hundredths` written back with two decimals and no grouping: `1234.50`.
  static func plain(hundredths value: Int64) -> String {
    let digits = String(value.magnitude % 100)
    return (value < 0 ? "-" : "") + "\(value.magnitude / 100)."
      + String(repeating: "0", count: 2 - digits.count) + digits
  }

  /// The optional decimal number in field `name`, or a field error when it is not one.
  static func decimal(_ form: FormBody, _ name: String, problems: inout [FieldError]) -> Double? {
    let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return nil }
    guard let value = Double(text), value.isFinite, value >= 0 else {
      problems.append(FieldError(pointer: "/\(name)", code: "invalid_number"))
      return nil
    }
    return value
  }

  /// The optional yuan amount in field `name` as fen, or a field error.
  static func amount(_ form: FormBody, _ name: String, problems: inout [FieldError]) -> Int64? {
    let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return nil }
    guard let value = hundredths(text) else {
      problems.append(FieldError(pointer: "/\(name)", code: "invalid_amount"))
      return nil
    }
    return value
  }

  /// The non-blank text in field `name`, or nil.
  static func text(_ form: FormBody, _ name: String) -> String? {
    let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? nil : text
  }

  /// The price request the calculator form describes.
  static func pricingBody(_ form: FormBody) throws -> PricingRequestBody {
    var problems: [FieldError] = []
    let weight = decimal(form, "weight_kg", problems: &problems)
    let volume = decimal(form, "volume_m3", problems: &problems)
    let declared = amount(form, "declared_value", problems: &problems)
    let customer = text(form, "customer_id").map { Int64($0) }
    if customer == .some(nil) {
      problems.append(FieldError(pointer: "/customer_id", code: "invalid_number"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return PricingRequestBody(
      origin: form["origin"] ?? "", destination: form["destination"] ?? "",
      weightKg: weight ?? 0, volumeM3: volume, services: form.values("services"),
      declaredValueFen: declared, customerID: customer ?? nil, segment: text(form, "segment"),
      shipDate: text(form, "ship_date"))
  }

  /// Checkboxes for the services, `selected` checked.
  static func services(selected: [String], localizer t: Localizer) -> HTML {
    HTML.fieldset(.class("mb-3")) {
      HTML.legend(.class("form-label", "fs-6")) { t("pricing.services") }
      for kind in SurchargeKind.allCases {
        HTML.div(.class("form-check", "form-check-inline")) {
          HTML.input(
            .class("form-check-input"), .type("checkbox"), .name("services"),
            .value(kind.rawValue), .id("service-\(kind.rawValue)"),
            .checked(selected.contains(kind.rawValue)))
          HTML.label(.class("form-check-label"), .for("service-\(kind.rawValue)")) {
            t("pricing.line.surcharge.\(kind.rawValue)")
          }
        }
      }
    }
  }
}
