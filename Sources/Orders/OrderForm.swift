import Foundation
import FreightdeskCore
import Web

/// The order form shared by the staff pages and the portal: its fields are named by the JSON
/// pointers of ``OrderInput`` (`stops/0/region`, `cargo/1/weight_kg`, …), so the rules' field
/// errors land on the right inputs. It has one pickup, one delivery with one window each, and
/// ``cargoRows`` cargo lines (blank lines are left out).
enum OrderForm {
  /// Cargo lines the form offers.
  static let cargoRows = 3

  /// The input a posted form describes; `customer` overrides the form's (the portal's own).
  static func input(_ form: FormBody, timeZone: TimeZone, customer: Identifier? = nil)
    -> OrderInput
  {
    let stops = [StopKind.pickup, .delivery].enumerated().map { index, kind in
      let prefix = "stops/\(index)"
      let start = OrderDates.localDateTime(
        form["\(prefix)/windows/0/start"] ?? "", timeZone: timeZone)
      let end = OrderDates.localDateTime(form["\(prefix)/windows/0/end"] ?? "", timeZone: timeZone)
      return OrderStop(
        kind: kind, region: form["\(prefix)/region"] ?? "",
        address: form["\(prefix)/address"] ?? "",
        contactName: form["\(prefix)/contact_name"] ?? "",
        contactPhone: form["\(prefix)/contact_phone"] ?? "",
        windows: start.flatMap { start in end.map { [OrderTimeWindow(start: start, end: $0)] } }
          ?? [])
    }
    let cargo = (0..<cargoRows).compactMap { index -> CargoLine? in
      let prefix = "cargo/\(index)"
      let description = form["\(prefix)/description"] ?? ""
      let weight = form["\(prefix)/weight_kg"] ?? ""
      guard !description.trimmingCharacters(in: .whitespaces).isEmpty || !weight.isEmpty else {
        return nil
      }
      return CargoLine(
        description: description, packages: Int(form["\(prefix)/packages"] ?? "") ?? 0,
        weightKg: Double(weight) ?? -1, volumeM3: Double(form["\(prefix)/volume_m3"] ?? "") ?? 0,
        pallets: Int(form["\(prefix)/pallets"] ?? "") ?? 0,
        declaredValueFen: fen(form["\(prefix)/declared_value_fen"] ?? ""),
        temperatureMinC: Int(form["\(prefix)/temperature_min_c"] ?? ""),
        temperatureMaxC: Int(form["\(prefix)/temperature_max_c"] ?? ""),
        fragile: form["\(prefix)/fragile"] == "1",
        dangerousGoodsClass: (form["\(prefix)/dangerous_goods_class"] ?? "").isEmpty
          ? nil : form["\(prefix)/dangerous_goods_class"])
    }
    return OrderInput(
      customerID: customer ?? Identifier(rawValue: Int64(form["customer_id"] ?? "") ?? 0),
      contactName: form["contact_name"],
      serviceType: ServiceType(rawValue: form["service_type"] ?? "") ?? .ltl, stops: stops,
      cargo: cargo,
      services: OrderServiceOption.allCases.filter { form["services/\($0.rawValue)"] == "1" },
      settlement: OrderSettlement(rawValue: form["settlement"] ?? ""), notes: form["notes"])
  }

  /// Yuan typed as `123.45` in fen; anything unreadable is -1, which the rules refuse.
  static func fen(_ text: String) -> Int64 {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return 0 }
    guard let value = Decimal(string: trimmed), value >= 0 else { return -1 }
    return NSDecimalNumber(decimal: value * 100).rounding(accordingToBehavior: nil).int64Value
  }

  /// The form values of `order`, for editing it.
  static func values(_ order: Order, timeZone: TimeZone) -> [String: String] {
    var values: [String: String] = [
      "customer_id": order.customerID.description, "contact_name": order.contactName,
      "service_type": order.serviceType.rawValue, "settlement": order.settlement.rawValue,
      "notes": order.notes, "version": String(order.version),
    ]
    for (index, kind) in [StopKind.pickup, .delivery].enumerated() {
      guard let stop = order.stops.first(where: { $0.kind == kind }) else { continue }
      let prefix = "stops/\(index)"
      values["\(prefix)/region"] = stop.region
      values["\(prefix)/address"] = stop.address
      values["\(prefix)/contact_name"] = stop.contactName
      values["\(prefix)/contact_phone"] = stop.contactPhone
      if let window = stop.windows.first {
        values["\(prefix)/windows/0/start"] = OrderDates.localText(window.start, timeZone: timeZone)
        values["\(prefix)/windows/0/end"] = OrderDates.localText(window.end, timeZone: timeZone)
      }
    }
    for (index, line) in order.cargo.prefix(cargoRows).enumerated() {
      let prefix = "cargo/\(index)"
      values["\(prefix)/description"] = line.description
      values["\(prefix)/packages"] = String(line.packages)
      values["\(prefix)/weight_kg"] = String(line.weightKg)
      values["\(prefix)/volume_m3"] = String(line.volumeM3)
      values["\(prefix)/declared_value_fen"] =
        line.declaredValueFen == 0
        ? ""
        : DisplayFormat.money(Money(minorUnits: line.declaredValueFen))
          .filter { $0.isNumber || $0 == "." }
      values["\(prefix)/temperature_min_c"] = line.temperatureMinC.map(String.init) ?? ""
      values["\(prefix)/temperature_max_c"] = line.temperatureMaxC.map(String.init) ?? ""
      values["\(prefix)/dangerous_goods_class"] = line.dangerousGoodsClass ?? ""
      if line.fragile { values["\(prefix)/fragile"] = "1" }
    }
    for service in order.services { values["services/\(service.rawValue)"] = "1" }
    return values
  }

  /// The form's fields: customer (a choice, or fixed for the portal), route, cargo, services,
  /// and the live price box that `orders.js` fills.
  static func fields(
    _ state: FormState, customers: [(value: String, label: String)]?, pricePath: String,
    localizer t: Localizer
  ) -> HTML {
    HTML.group {
      FormControls.formErrors(state, localizer: t)
      HTML.div(.class("row", "g-3")) {
        if let customers {
          HTML.div(.class("col-md-6")) {
            FormControls.select(
              "customer_id", label: t("orders.field.customer"), options: customers, state: state,
              localizer: t)
          }
        }
        HTML.div(.class("col-md-3")) {
          FormControls.select(
            "service_type", label: t("orders.field.service_type"),
            options: ServiceType.allCases.map { ($0.rawValue, t($0.labelKey)) }, state: state,
            localizer: t)
        }
        HTML.div(.class("col-md-3")) {
          FormControls.select(
            "settlement", label: t("orders.field.settlement"),
            options: [("", t("orders.settlement.customer_default"))]
              + OrderSettlement.allCases.map { ($0.rawValue, t($0.labelKey)) }, state: state,
            localizer: t)
        }
      }
      FormControls.field(
        "contact_name", label: t("orders.field.contact_name"), state: state, localizer: t,
        required: false)
      HTML.div(.class("row", "g-3")) {
        for (index, kind) in [StopKind.pickup, .delivery].enumerated() {
          HTML.div(.class("col-lg-6")) { stopFields(index, kind: kind, state, localizer: t) }
        }
      }
      problems(["stops"], state, localizer: t)
      HTML.h2(.class("h5", "mt-3")) { t("orders.cargo.title") }
      problems(["cargo", "services"], state, localizer: t)
      for index in 0..<cargoRows { cargoFields(index, state, localizer: t) }
      HTML.fieldset(.class("mb-3")) {
        HTML.legend(.class("h6")) { t("orders.field.services") }
        for service in OrderServiceOption.allCases {
          HTML.div(.class("form-check", "form-check-inline")) {
            HTML.input(
              .class("form-check-input"), .type("checkbox"),
              .name("services/\(service.rawValue)"), .value("1"),
              .id("field-services-\(service.rawValue)"),
              .checked(state.values["services/\(service.rawValue)"] == "1"))
            HTML.label(.class("form-check-label"), .for("field-services-\(service.rawValue)")) {
              t(service.labelKey)
            }
          }
        }
      }
      FormControls.textarea("notes", label: t("orders.field.notes"), state: state, localizer: t)
      HTML.div(
        .class("alert", "alert-light", "border"), .data("order-price", pricePath),
        .aria("live", "polite")
      ) {
        HTML.strong { t("orders.price.live") }
        HTML.span(.class("ms-2"), .data("order-price-total", "")) { "–" }
        HTML.ul(.class("small", "mb-0", "mt-1"), .data("order-price-lines", "")) {}
      }
      HTML.script(src: "/assets/orders.js")
    }
  }

  /// The errors of whole lists (no stops, too many lines), which no single input shows.
  private static func problems(_ names: [String], _ state: FormState, localizer t: Localizer)
    -> HTML
  {
    HTML.group {
      for name in names {
        for error in state.errors(for: name) {
          HTML.div(.class("text-danger", "small", "mb-2")) { t.message(for: error) }
        }
      }
    }
  }

  private static func stopFields(
    _ index: Int, kind: StopKind, _ state: FormState, localizer t: Localizer
  )
    -> HTML
  {
    let prefix = "stops/\(index)"
    return HTML.fieldset(.class("border", "rounded", "p-2", "mb-3")) {
      HTML.legend(.class("h6")) { t("orders.stop.\(kind.rawValue)") }
      FormControls.field(
        "\(prefix)/region", label: t("orders.stop.region"), state: state, localizer: t,
        help: t("orders.stop.region_help"))
      FormControls.field(
        "\(prefix)/address", label: t("orders.stop.address"), state: state, localizer: t)
      HTML.div(.class("row", "g-2")) {
        HTML.div(.class("col-6")) {
          FormControls.field(
            "\(prefix)/contact_name", label: t("orders.stop.contact_name"), state: state,
            localizer: t, required: false)
        }
        HTML.div(.class("col-6")) {
          FormControls.field(
            "\(prefix)/contact_phone", label: t("orders.stop.contact_phone"), state: state,
            localizer: t, type: "tel")
        }
        HTML.div(.class("col-6")) {
          FormControls.field(
            "\(prefix)/windows/0/start", label: t("orders.stop.window_start"), state: state,
            localizer: t, type: "datetime-local")
        }
        HTML.div(.class("col-6")) {
          FormControls.field(
            "\(prefix)/windows/0/end", label: t("orders.stop.window_end"), state: state,
            localizer: t, type: "datetime-local")
        }
      }
      for error in state.errors(for: "\(prefix)/windows") {
        HTML.div(.class("text-danger", "small")) { t.message(for: error) }
      }
    }
  }

  private static func cargoFields(_ index: Int, _ state: FormState, localizer t: Localizer) -> HTML
  {
    let prefix = "cargo/\(index)"
    let columns: [(String, String, String)] = [
      ("description", "col-md-3", "text"), ("packages", "col-md-1", "number"),
      ("weight_kg", "col-md-1", "text"), ("volume_m3", "col-md-1", "text"),
      ("declared_value_fen", "col-md-2", "text"), ("temperature_min_c", "col-md-1", "number"),
      ("temperature_max_c", "col-md-1", "number"), ("dangerous_goods_class", "col-md-1", "text"),
    ]
    return HTML.div(.class("row", "g-2", "align-items-end")) {
      for (name, width, type) in columns {
        HTML.div(.class(width)) {
          FormControls.field(
            "\(prefix)/\(name)", label: t("orders.cargo.\(name)"), state: state, localizer: t,
            type: type, required: false)
        }
      }
      HTML.div(.class("col-md-1", "mb-3")) {
        FormControls.checkbox(
          "\(prefix)/fragile", label: t("orders.cargo.fragile"),
          isChecked: state.values["\(prefix)/fragile"] == "1")
      }
    }
  }
}
