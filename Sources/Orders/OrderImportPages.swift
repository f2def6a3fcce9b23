import Foundation
import FreightdeskCore
import Spreadsheet
import Web

/// `/app/orders/import`: upload a platform's export for one customer, see the suggested
/// columns and each row's problems, then create all orders or none, or only the valid rows.
/// As with customer imports, the preview carries the file back in a hidden field and the
/// confirmation checks it again from scratch, so nothing about an upload outlives its request.
enum OrderImportPages {
  /// The largest confirmation: the file in base64 plus the form's other fields.
  static let confirmBytesMax = (OrdersLimits.importBytesMax / 3 + 1) * 4 + 64 * 1024

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: OrderService, page: SignedInPage
  ) {
    let manage = OrdersPermission.manage
    app.get(
      "/orders/import",
      OrderListPage.operation("getOrderImportPage", "Upload orders to import", manage)
    ) { _, context in
      try upload(context, service: service, page: page, error: nil)
    }
    app.post(
      "/orders/import",
      Web.Operation(
        id: "postOrderImport", summary: "Preview the orders of an uploaded file",
        tag: "Order pages",
        permission: manage, style: .page, bodyBytesMax: OrdersLimits.importBytesMax + 64 * 1024)
    ) { request, context in
      let data = Data(request.parts.first { $0.name == "file" && $0.filename != nil }?.bytes ?? [])
      let customer = request.parts.first { $0.name == "customer_id" }
        .flatMap { Int64(String(decoding: $0.bytes, as: UTF8.self)) }
      return try answer(
        data, customer: customer, mapping: nil, action: nil, context: context, service: service,
        page: page)
    }
    app.post(
      "/orders/import/confirm",
      Web.Operation(
        id: "postOrderImportConfirm", summary: "Import the orders of a previewed file",
        tag: "Order pages", permission: manage, style: .page, bodyBytesMax: confirmBytesMax)
    ) { request, context in
      let form = try FormBody(request)
      var columns: [String: Int] = [:]
      for field in OrderImport.fields {
        if let column = form["map/\(field.key)"].flatMap(Int.init) { columns[field.key] = column }
      }
      return try answer(
        Data(base64Encoded: form["file"] ?? "") ?? Data(),
        customer: form["customer_id"].flatMap(Int64.init), mapping: ImportMapping(columns: columns),
        action: form["action"], context: context, service: service, page: page)
    }
  }

  /// Plans the file and previews it, or writes the rows the action chooses.
  private static func answer(
    _ data: Data, customer: Int64?, mapping: ImportMapping?, action: String?,
    context: AuthenticatedContext, service: OrderService, page: SignedInPage
  ) throws -> Response {
    let plan: ImportPlan<OrderInput>
    do {
      plan = try OrderImport.plan(
        data, customer: Identifier(rawValue: customer ?? 0), mapping: mapping, service: service,
        timeZone: context.timeZone, in: context.tenant)
    } catch let error as any UserFacingError where error.kind != .internalFailure {
      return try upload(context, service: service, page: page, error: error)
    }
    let choice: ImportChoice
    switch action {
    case "all": choice = .allOrNothing
    case "valid": choice = .validRowsOnly
    default:
      return preview(context, page: page, data: data, customer: customer ?? 0, plan.preview, nil)
    }
    do {
      let count = try OrderImport.write(
        plan, choice: choice, service: service, by: context.user, timeZone: context.timeZone,
        in: context.tenant, audit: context.audit(service.services.audit))
      return page.done(
        "/app/orders", message: "orders.import.done", arguments: ["count": String(count)])
    } catch let error as ImportError {
      return preview(context, page: page, data: data, customer: customer ?? 0, plan.preview, error)
    }
  }

  private static func upload(
    _ context: AuthenticatedContext, service: OrderService, page: SignedInPage,
    error: (any UserFacingError)?
  ) throws -> Response {
    let customers = try context.read(service.services.database) {
      try service.ports.customers.choices(limit: OrdersLimits.customerChoicesMax, $0)
    }
    return page.render(
      context, path: "/app/orders/import", titleKey: "orders.import.title",
      status: error.map { $0.kind.httpStatus } ?? 200
    ) { t in
      HTML.h1(.class("h3", "mb-3")) { t("orders.import.title") }
      if let error {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) {
          error.fieldErrors.first.map { t.message(for: $0) } ?? t.message(for: error)
        }
      }
      HTML.form(.method("post"), .action("/app/orders/import"), .enctype("multipart/form-data")) {
        FormControls.csrf(context.csrfToken)
        FormControls.select(
          "customer_id", label: t("orders.field.customer"),
          options: customers.map { ($0.id.description, $0.name) }, state: FormState(), localizer: t)
        HTML.label(.class("form-label"), .for("file")) { t("orders.import.file") }
        HTML.input(
          .class("form-control"), .type("file"), .id("file"), .name("file"),
          .accept(".csv,.xlsx,text/csv"))
        HTML.div(.class("form-text")) {
          t("orders.import.help", ["bytes_max": String(OrdersLimits.importBytesMax)])
        }
        FormControls.submit(t("orders.import.upload"), style: "btn-primary mt-3")
      }
    }
  }

  private static func preview(
    _ context: AuthenticatedContext, page: SignedInPage, data: Data, customer: Int64,
    _ preview: ImportPreview, _ error: ImportError?
  ) -> Response {
    page.render(
      context, path: "/app/orders/import", titleKey: "orders.import.title",
      status: error.map { $0.kind.httpStatus } ?? 200
    ) { t in
      HTML.h1(.class("h3", "mb-3")) { t("orders.import.title") }
      if let error {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) { t.message(for: error) }
      }
      HTML.p {
        t(
          "orders.import.counts",
          [
            "rows": String(preview.rowCount), "valid": String(preview.validRowCount),
            "invalid": String(preview.invalidRowCount),
          ])
      }
      HTML.form(.method("post"), .action("/app/orders/import/confirm")) {
        FormControls.csrf(context.csrfToken)
        HTML.input(.type("hidden"), .name("file"), .value(data.base64EncodedString()))
        HTML.input(.type("hidden"), .name("customer_id"), .value(String(customer)))
        HTML.div(.class("row", "g-2")) {
          for field in OrderImport.fields {
            HTML.div(.class("col-md-3")) {
              FormControls.select(
                "map/\(field.key)", label: t("orders.import.field.\(field.key)"),
                options: [("", t("orders.import.not_imported"))]
                  + preview.header.indices.map {
                    (String($0), ColumnName.letters(of: $0) + " · " + preview.header[$0])
                  },
                state: FormState(values: [
                  "map/\(field.key)": preview.mapping.columns[field.key].map(String.init) ?? ""
                ]), localizer: t)
            }
          }
        }
        HTML.ul(.class("mt-3")) {
          for problem in preview.problems {
            HTML.li {
              t(
                "orders.import.problem",
                [
                  "row": String(problem.row),
                  "field": t("orders.import.field.\(problem.field)"),
                  "message": t("rule.\(problem.code)", problem.arguments),
                ])
            }
          }
        }
        for action in ["recheck", "all", "valid"] {
          HTML.button(
            .type("submit"),
            .class("btn", action == "all" ? "btn-primary" : "btn-outline-primary", "me-2"),
            .name("action"), .value(action)
          ) { t("orders.import.action.\(action)") }
        }
      }
    }
  }
}
