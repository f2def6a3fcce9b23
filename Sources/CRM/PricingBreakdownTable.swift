import FreightdeskCore
import Web

/// The breakdown of a price as a table: the facts it rests on, then every line and the total.
enum BreakdownTable {
  static func render(_ price: PriceView, localizer t: Localizer) -> HTML {
    HTML.group {
      HTML.table(.class("table", "table-sm")) {
        HTML.tbody {
          fact(
            t("pricing.chargeable_weight"),
            t("pricing.kg", ["value": Quantities.text(price.chargeableWeightKg)]))
          fact(t("pricing.lane"), "\(price.laneOrigin) → \(price.laneDestination)")
          fact(
            t("pricing.rate_card"),
            "\(price.rateCardName) (\(t("pricing.source.\(price.rateSource)")))")
          for line in price.lines {
            HTML.tr {
              HTML.td { t("pricing.line.\(line.code)") }
              HTML.td(.class("text-end")) { t.money(Money(minorUnits: line.amountFen)) }
            }
          }
          HTML.tr(.class("fw-bold")) {
            HTML.td { t("pricing.total") }
            HTML.td(.class("text-end"), .id("price-total")) {
              t.money(Money(minorUnits: price.totalFen))
            }
          }
        }
      }
      if price.minimumChargeApplied {
        HTML.p(.class("small", "text-body-secondary")) { t("pricing.minimum_applied") }
      }
    }
  }

  private static func fact(_ label: String, _ value: String) -> HTML {
    HTML.tr(.class("text-body-secondary")) {
      HTML.td { label }
      HTML.td(.class("text-end")) { value }
    }
  }
}
