import Foundation
import FreightdeskCore
import Storage
import Web

/// `/app/orders/{id}`: one order with its customer, stops, cargo, price breakdown, linked
/// records and timeline, and a button for every step its state allows (each a form post with
/// the CSRF token).
enum OrderDetailPage {
  /// The steps staff take from the page, in the order of the lifecycle.
  static let steps = [
    "submit", "confirm", "plan", "pick_up", "depart", "deliver", "receive_pod", "bill", "close",
    "cancel",
  ]

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let database = service.services.database
    app.get(
      "/orders/{id}", OrderListPage.operation("getOrderPage", "One order", OrdersPermission.read)
    ) {
      _, context in
      let id = try context.request.parameters.identifier("id")
      let (order, timeline, names) = try context.read(database) { scope in
        let order = try service.order(id, scope)
        return (
          order, try service.timeline(of: id, scope),
          try service.ports.customers.names(of: [order.customerID], scope)
        )
      }
      return render(
        order, timeline: timeline, customerName: names[order.customerID], context: context,
        page: page)
    }
    app.post(
      "/orders/{id}/events",
      OrderListPage.operation(
        "postOrderEventPage", "Take a step of an order", OrdersPermission.manage)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let form = try FormBody(request)
      let eta = OrderDates.localDateTime(form["eta"] ?? "", timeZone: context.timeZone)
      let reason = form["reason"].flatMap { $0.isEmpty ? nil : $0 }
      let order = try context.write(database) {
        try service.apply(
          OrderEventRequest(type: form["type"] ?? "", reason: reason, eta: eta), to: id,
          timeZone: context.timeZone, audit: context.audit(service.services.audit), $0)
      }
      let t = context.localizer
      return page.done(
        "/app/orders/\(id)", message: "orders.flash.moved",
        arguments: ["status": t(order.status.labelKey)])
    }
  }

  private static func render(
    _ order: Order, timeline: [OrderTimelineEntry], customerName: String?,
    context: AuthenticatedContext, page: SignedInPage
  ) -> Response {
    let path = "/app/orders/\(order.id)"
    return page.render(context, path: path, titleKey: "orders.title") { t in
      HTML.div(.class("d-flex", "justify-content-between", "align-items-center", "mb-2")) {
        HTML.h1(.class("h3", "mb-0")) { "\(t("orders.field.waybill")) \(order.waybill)" }
        HTML.div(.class("d-flex", "gap-2", "align-items-center")) {
          HTML.a(.href("\(path)/waybill.pdf"), .class("btn", "btn-sm", "btn-outline-secondary")) {
            t("orders.waybill.download")
          }
          HTML.a(.href("\(path)/labels.pdf"), .class("btn", "btn-sm", "btn-outline-secondary")) {
            t("orders.labels.download")
          }
          OrderTables.statusBadge(order.status, exception: order.exception, localizer: t)
        }
      }
      if let exception = order.exception {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) {
          "\(t("orders.exception.badge")): \(exception)"
        }
      }
      HTML.div(.class("row", "g-4")) {
        HTML.div(.class("col-lg-7")) {
          summary(order, customerName: customerName, localizer: t)
          stops(order, localizer: t)
          cargo(order, localizer: t)
        }
        HTML.div(.class("col-lg-5")) {
          price(order, localizer: t)
          if context.can(OrdersPermission.manage) { actions(order, context: context, localizer: t) }
          OrderTimelineView.render(timeline, localizer: t)
        }
      }
    }
  }

  private static func summary(_ order: Order, customerName: String?, localizer t: Localizer)
    -> HTML
  {
    HTML.table(.class("table", "table-sm")) {
      HTML.tbody {
        row(t("orders.field.customer")) {
          HTML.a(.href("/app/customers/\(order.customerID)")) {
            customerName ?? order.customerID.description
          }
        }
        row(t("orders.field.contact_name")) { order.contactName }
        row(t("orders.field.service_type")) { t(order.serviceType.labelKey) }
        row(t("orders.field.services")) {
          order.services.map { t($0.labelKey) }.joined(separator: "、")
        }
        row(t("orders.field.settlement")) { t(order.settlement.labelKey) }
        row(t("orders.field.source")) { t("orders.source.\(order.source.rawValue)") }
        if let quote = order.quoteNumber {
          row(t("orders.field.quote")) { HTML.a(.href("/app/quotes")) { quote } }
        }
        if order.status == .onHold {
          row(t("orders.field.credit_hold")) {
            HTML.a(.href("/app/credit-holds")) { t("orders.credit_hold.link") }
          }
        }
        if let eta = order.eta { row(t("orders.field.eta")) { t.dateTime(eta) } }
        if let delivered = order.deliveredAt {
          row(t("orders.field.delivered_at")) { t.dateTime(delivered) }
        }
        row(t("orders.field.notes")) { order.notes }
        row(t("orders.field.created_at")) { t.dateTime(order.createdAt) }
      }
    }
  }

  private static func row(_ label: String, @HTMLBuilder _ value: () -> HTML) -> HTML {
    HTML.tr {
      HTML.th(.class("w-25", "fw-normal", "text-body-secondary")) { label }
      HTML.td { value() }
    }
  }

  private static func stops(_ order: Order, localizer t: Localizer) -> HTML {
    HTML.div(.class("row", "g-2", "mb-3")) {
      for stop in order.stops {
        HTML.div(.class("col-md-6")) {
          HTML.div(.class("border", "rounded", "p-2", "h-100")) {
            HTML.div(.class("fw-semibold")) { t("orders.stop.\(stop.kind.rawValue)") }
            HTML.div { "\(stop.region) \(stop.address)" }
            HTML.div(.class("small")) { "\(stop.contactName) \(stop.contactPhone)" }
            for window in stop.windows {
              HTML.div(.class("small", "text-body-secondary")) {
                "\(t.dateTime(window.start)) – \(t.dateTime(window.end))"
              }
            }
          }
        }
      }
    }
  }

  private static func cargo(_ order: Order, localizer t: Localizer) -> HTML {
    HTML.table(.class("table", "table-sm")) {
      HTML.thead {
        HTML.tr {
          for column in ["description", "packages", "weight_kg", "volume_m3", "declared_value_fen"]
          {
            HTML.th { t("orders.cargo.\(column)") }
          }
          HTML.th { t("orders.cargo.handling") }
        }
      }
      HTML.tbody {
        for line in order.cargo {
          HTML.tr {
            HTML.td { line.description }
            HTML.td { String(line.packages) }
            HTML.td { String(line.weightKg) }
            HTML.td { String(line.volumeM3) }
            HTML.td { t.money(Money(minorUnits: line.declaredValueFen)) }
            HTML.td { handling(line, localizer: t) }
          }
        }
      }
    }
  }

  private static func handling(_ line: CargoLine, localizer t: Localizer) -> String {
    var notes: [String] = []
    if let range = WaybillFormat.temperatureRange(line) {
      notes.append(t("orders.cargo.temperature_range", ["range": range]))
    }
    if line.fragile { notes.append(t("orders.cargo.fragile")) }
    if let dangerous = line.dangerousGoodsClass {
      notes.append(t("orders.cargo.dangerous", ["class": dangerous]))
    }
    return notes.joined(separator: "、")
  }

  private static func price(_ order: Order, localizer t: Localizer) -> HTML {
    HTML.div(.class("card", "mb-3")) {
      HTML.div(.class("card-body")) {
        HTML.h2(.class("h6")) {
          t(order.priceFrozen ? "orders.price.frozen" : "orders.price.estimate")
        }
        HTML.table(.class("table", "table-sm", "mb-0")) {
          HTML.tbody {
            for line in order.price.lines {
              HTML.tr {
                HTML.td { t("pricing.line.\(line.code)") }
                HTML.td(.class("text-end")) { t.money(Money(minorUnits: line.amountFen)) }
              }
            }
            HTML.tr {
              HTML.th { t("orders.field.total") }
              HTML.th(.class("text-end")) { t.money(order.price.total) }
            }
          }
        }
      }
    }
  }

  private static func actions(_ order: Order, context: AuthenticatedContext, localizer t: Localizer)
    -> HTML
  {
    let path = "/app/orders/\(order.id)"
    let allowed = steps.filter { step in
      (try? OrderEventRequest(type: step).event()).map {
        OrderState.target(of: $0, from: order.status) != nil
      } ?? false
    }
    return HTML.div(.class("card", "mb-3")) {
      HTML.div(.class("card-body", "d-flex", "flex-wrap", "gap-2")) {
        if order.status == .draft {
          HTML.a(.href("\(path)/edit"), .class("btn", "btn-outline-secondary")) {
            t("orders.form.edit")
          }
        }
        for step in allowed {
          HTML.form(
            .method("post"), .action("\(path)/events"), .class("d-flex", "gap-1"),
            .data("disable-on-submit", "")
          ) {
            FormControls.csrf(context.csrfToken)
            HTML.input(.type("hidden"), .name("type"), .value(step))
            if step == "plan" {
              HTML.input(
                .type("datetime-local"), .name("eta"), .class("form-control", "form-control-sm"),
                .aria("label", t("orders.field.eta")))
            }
            FormControls.submit(
              t("orders.action.\(step)"),
              style: step == "cancel" ? "btn-outline-danger" : "btn-outline-primary")
          }
        }
        if order.status.isActive {
          HTML.form(.method("post"), .action("\(path)/events"), .class("d-flex", "gap-1", "w-100"))
          {
            FormControls.csrf(context.csrfToken)
            if order.exception == nil {
              HTML.input(.type("hidden"), .name("type"), .value("flag_exception"))
              HTML.input(
                .type("text"), .name("reason"), .class("form-control", "form-control-sm"),
                .required(true), .maxlength(OrdersLimits.exceptionReasonCharactersMax),
                .placeholder(t("orders.exception.reason")),
                .aria("label", t("orders.exception.reason")))
              FormControls.submit(
                t("orders.action.flag_exception"), style: "btn-sm btn-outline-danger")
            } else {
              HTML.input(.type("hidden"), .name("type"), .value("clear_exception"))
              FormControls.submit(
                t("orders.action.clear_exception"), style: "btn-sm btn-outline-success")
            }
          }
        }
      }
    }
  }
}

/// An order's timeline as a list, oldest first; shared by staff and portal pages.
enum OrderTimelineView {
  /// The line's note in the reader's language: where a new order came from, why credit held
  /// it, or what a person wrote.
  static func note(_ entry: OrderTimelineEntry, localizer t: Localizer) -> String {
    if entry.event == "created" { return t("orders.source.\(entry.note)") }
    if entry.event == "confirm" && entry.toStatus == .onHold {
      return t("orders.hold_reason.\(entry.note)")
    }
    return entry.note
  }

  static func render(_ timeline: [OrderTimelineEntry], localizer t: Localizer) -> HTML {
    HTML.div {
      HTML.h2(.class("h6")) { t("orders.timeline.title") }
      HTML.ol(.class("list-unstyled", "border-start", "ps-3")) {
        for entry in timeline {
          HTML.li(.class("mb-2")) {
            HTML.div(.class("small", "text-body-secondary")) {
              "\(t.dateTime(entry.occurredAt)) · \(entry.actor)"
            }
            HTML.div {
              HTML.strong { t(entry.labelKey) }
              " → \(t(entry.toStatus.labelKey))"
            }
            if !entry.note.isEmpty { HTML.div(.class("small")) { note(entry, localizer: t) } }
          }
        }
      }
    }
  }
}
