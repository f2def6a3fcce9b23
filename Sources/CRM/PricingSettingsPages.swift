import Foundation
import FreightdeskCore
import Storage
import Web

/// The chargeable-weight rule on the rate cards page: the volumetric factor and the rounding,
/// which managers of pricing change.
enum PricingSettingsPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.post(
      "/pricing-settings",
      CommercialPage.operation(
        "postPricingSettingsPage", "Set the chargeable-weight rule",
        CommercialPermissions.pricingManage)
    ) { request, context in
      let form = try FormBody(request)
      guard let factor = form["kilograms_per_cubic_metre"].flatMap({ Int64($0) }),
        (1...10_000).contains(factor)
      else {
        throw ValidationFailure(
          pointer: "/kilograms_per_cubic_metre", code: "out_of_range",
          arguments: ["min": "1", "max": "10000"])
      }
      guard let rounding = form["weight_rounding"].flatMap(WeightRounding.init) else {
        throw ValidationFailure(pointer: "/weight_rounding", code: "invalid_choice")
      }
      try context.write(services.database) { scope in
        try PricingSettingsStore.save(
          ChargeableWeight(kilogramsPerCubicMetre: factor, rounding: rounding), scope)
        try context.audit(services.audit).record(
          entity: "pricing_settings", id: nil, action: "update",
          after: [
            "kilograms_per_cubic_metre": String(factor), "weight_rounding": rounding.rawValue,
          ],
          in: scope)
      }
      return page.done("/app/rate-cards", message: "flash.saved")
    }
  }

  /// The rule, with a form to change it when `canManage`.
  static func section(
    _ rule: ChargeableWeight, canManage: Bool, csrf: String?, localizer t: Localizer
  ) -> HTML {
    HTML.group {
      HTML.h2(.class("h5", "mt-4")) { t("pricing.chargeable_weight_rule") }
      HTML.p(.id("chargeable-weight-rule")) {
        t(
          "pricing.chargeable_weight_rule_text",
          [
            "factor": String(rule.kilogramsPerCubicMetre),
            "rounding": t("pricing.rounding.\(rule.rounding.rawValue)"),
          ])
      }
      if canManage {
        HTML.form(.method("post"), .action("/app/pricing-settings"), .class("row", "g-2")) {
          FormControls.csrf(csrf)
          HTML.div(.class("col-auto")) {
            HTML.input(
              .class("form-control"), .type("number"), .name("kilograms_per_cubic_metre"),
              .value(String(rule.kilogramsPerCubicMetre)), .min("1"), .max("10000"),
              .aria("label", t("pricing.volumetric_factor")))
          }
          HTML.div(.class("col-auto")) {
            HTML.select(
              .class("form-select"), .name("weight_rounding"),
              .aria("label", t("pricing.weight_rounding"))
            ) {
              for rounding in WeightRounding.allCases {
                HTML.option(.value(rounding.rawValue), .selected(rounding == rule.rounding)) {
                  t("pricing.rounding.\(rounding.rawValue)")
                }
              }
            }
          }
          HTML.div(.class("col-auto")) { FormControls.submit(t("pricing.save_rule")) }
        }
      }
    }
  }
}
