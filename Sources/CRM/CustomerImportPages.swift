import Foundation
import FreightdeskCore
import Spreadsheet
import Web

/// `/app/customers/import`: upload a CSV or .xlsx file, see the suggested columns and the
/// problems of each row, then import all or nothing, or only the valid rows.
///
/// The preview and the confirmation are two requests. Rather than keep the upload on the
/// server, the preview page carries the file back (base64 in a hidden field, at most
/// ``CRMLimits/importInlineBytesMax``), and the confirmation reads and checks it again from
/// scratch: nothing is stored between the requests, so no other company can reach it and
/// nothing needs expiring, and a file changed in the browser is checked like any upload.
/// A bigger file (up to ``CRMLimits/importUploadBytesMax``) is imported by a job
/// (``CustomerImportJob``) with the choice made on the upload form, and its page
/// `/app/customers/import/jobs/{id}` shows the job's progress.
enum CustomerImportPages {
  /// The largest confirmation: the file in base64 plus the form's other fields.
  static let confirmBytesMax = (CRMLimits.importInlineBytesMax / 3 + 1) * 4 + 64 * 1024

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, services: ModuleServices,
    page: SignedInPage
  ) {
    let manage = CRMPermission.customersManage
    app.get(
      "/customers/import",
      CustomerListPage.operation("getCustomerImportPage", "Upload customers to import", manage)
    ) { _, context in
      upload(context, page: page, error: nil)
    }
    app.post(
      "/customers/import",
      Web.Operation(
        id: "postCustomerImport", summary: "Preview the customers of an uploaded file",
        tag: "Customers", permission: manage, style: .page,
        bodyBytesMax: CRMLimits.importUploadBytesMax + 64 * 1024)
    ) { request, context in
      let file = request.parts.first { $0.name == "file" && $0.filename != nil }
      let data = Data(file?.bytes ?? [])
      if data.count > CRMLimits.importInlineBytesMax {
        let choice = request.parts.first { $0.name == "choice" }?.text
        let job = try CustomerImportJob.enqueue(
          data, choice: choice == "valid" ? .validRowsOnly : .allOrNothing, services: services,
          in: context.tenant, audit: context.audit(service.auditLog))
        return .redirect(to: "/app/customers/import/jobs/\(job)")
      }
      do {
        let plan = try CustomerImport.plan(
          data, mapping: nil, service: service, in: context.tenant)
        return preview(context, page: page, data: data, preview: plan.preview, error: nil)
      } catch let error as SpreadsheetError {
        return upload(context, page: page, error: error)
      } catch let error as ImportError {
        return upload(context, page: page, error: error)
      }
    }
    app.post(
      "/customers/import/confirm",
      Web.Operation(
        id: "postCustomerImportConfirm", summary: "Import the customers of a previewed file",
        tag: "Customers", permission: manage, style: .page, bodyBytesMax: confirmBytesMax)
    ) { request, context in
      try confirm(try FormBody(request), context: context, service: service, page: page)
    }
  }

  private static func confirm(
    _ form: FormBody, context: AuthenticatedContext, service: CRMService, page: SignedInPage
  ) throws -> Response {
    let data = Data(base64Encoded: form["file"] ?? "") ?? Data()
    var columns: [String: Int] = [:]
    for field in CustomerImport.fields {
      if let column = form["map/\(field.key)"].flatMap(Int.init) { columns[field.key] = column }
    }
    let mapping = ImportMapping(columns: columns)
    let plan: ImportPlan<PreparedCustomer>
    do {
      plan = try CustomerImport.plan(data, mapping: mapping, service: service, in: context.tenant)
    } catch let error as SpreadsheetError {
      return upload(context, page: page, error: error)
    } catch let error as ImportError {
      let suggested = try? CustomerImport.plan(
        data, mapping: nil, service: service, in: context.tenant)
      guard let suggested else { return upload(context, page: page, error: error) }
      var shown = suggested.preview
      shown.mapping = mapping
      return preview(context, page: page, data: data, preview: shown, error: error)
    }
    let choice: ImportChoice
    switch form["action"] {
    case "all": choice = .allOrNothing
    case "valid": choice = .validRowsOnly
    default: return preview(context, page: page, data: data, preview: plan.preview, error: nil)
    }
    do {
      let count = try CustomerImport.write(
        plan, choice: choice, service: service, in: context.tenant,
        audit: context.audit(service.auditLog))
      return page.done(
        "/app/customers", message: "flash.customers_imported", arguments: ["count": String(count)])
    } catch let error as ImportError {
      return preview(context, page: page, data: data, preview: plan.preview, error: error)
    }
  }

  private static func upload(
    _ context: AuthenticatedContext, page: SignedInPage, error: (any UserFacingError)?
  ) -> Response {
    page.render(
      context, path: "/app/customers", titleKey: "crm.import.title",
      status: error == nil ? 200 : 422
    ) { t in
      HTML.h1(.class("h3", "mb-3")) { t("crm.import.title") }
      if let error {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) { t.message(for: error) }
      }
      HTML.form(
        .method("post"), .action("/app/customers/import"), .enctype("multipart/form-data")
      ) {
        FormControls.csrf(context.csrfToken)
        HTML.label(.class("form-label"), .for("file")) { t("crm.import.file") }
        HTML.input(
          .class("form-control"), .type("file"), .id("file"), .name("file"),
          .accept(".csv,.xlsx,text/csv"))
        HTML.div(.class("form-text")) {
          t(
            "crm.import.help",
            [
              "bytes_max": String(CRMLimits.importInlineBytesMax),
              "upload_bytes_max": String(CRMLimits.importUploadBytesMax),
            ])
        }
        HTML.fieldset(.class("mt-3")) {
          HTML.legend(.class("form-label", "fs-6")) { t("crm.import.big_file_choice") }
          for (value, key) in [
            ("all", "crm.import.all_or_nothing"), ("valid", "crm.import.valid_only"),
          ] {
            HTML.div(.class("form-check")) {
              HTML.input(
                .class("form-check-input"), .type("radio"), .name("choice"), .value(value),
                .id("choice-\(value)"), .checked(value == "all"))
              HTML.label(.class("form-check-label"), .for("choice-\(value)")) { t(key) }
            }
          }
        }
        FormControls.submit(t("crm.import.upload"), style: "btn-primary mt-3")
      }
    }
  }

  private static func preview(
    _ context: AuthenticatedContext, page: SignedInPage, data: Data, preview: ImportPreview,
    error: (any UserFacingError)?
  ) -> Response {
    let status = (error as? ImportError).map { $0.kind == .unprocessable ? 422 : 400 } ?? 200
    return page.render(
      context, path: "/app/customers", titleKey: "crm.import.title", status: status
    ) { t in
      HTML.h1(.class("h3", "mb-3")) { t("crm.import.title") }
      if let error {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) { t.message(for: error) }
      }
      HTML.p {
        t(
          "crm.import.counts",
          [
            "rows": String(preview.rowCount), "valid": String(preview.validRowCount),
            "invalid": String(preview.invalidRowCount),
          ])
      }
      HTML.form(.method("post"), .action("/app/customers/import/confirm")) {
        FormControls.csrf(context.csrfToken)
        HTML.input(.type("hidden"), .name("file"), .value(data.base64EncodedString()))
        HTML.h2(.class("h5")) { t("crm.import.mapping") }
        HTML.div(.class("row", "g-2")) {
          for field in CustomerImport.fields {
            HTML.div(.class("col-md-3")) { mappingSelect(field, preview: preview, localizer: t) }
          }
        }
        problems(preview, localizer: t)
        HTML.div(.class("d-flex", "gap-2", "mt-3")) {
          HTML.button(
            .type("submit"), .class("btn", "btn-outline-secondary"), .name("action"),
            .value("recheck")
          ) { t("crm.import.recheck") }
          HTML.button(
            .type("submit"), .class("btn", "btn-primary"), .name("action"), .value("all")
          ) { t("crm.import.all_or_nothing") }
          HTML.button(
            .type("submit"), .class("btn", "btn-outline-primary"), .name("action"),
            .value("valid")
          ) { t("crm.import.valid_only") }
        }
      }
    }
  }

  private static func mappingSelect(
    _ field: ImportField, preview: ImportPreview, localizer t: Localizer
  ) -> HTML {
    let name = "map/\(field.key)"
    let options =
      [("", t("crm.import.not_imported"))]
      + preview.header.indices.map {
        (String($0), ColumnName.letters(of: $0) + " · " + preview.header[$0])
      }
    return FormControls.select(
      name, label: t(CustomerImport.labelKeys[field.key] ?? field.key),
      options: options.map { (value: $0.0, label: $0.1) },
      state: FormState(values: [name: preview.mapping.columns[field.key].map(String.init) ?? ""]),
      localizer: t)
  }

  private static func problems(_ preview: ImportPreview, localizer t: Localizer) -> HTML {
    HTML.group {
      if preview.problems.isEmpty {
        HTML.p(.class("text-success", "mt-3")) { t("crm.import.no_problems") }
      } else {
        HTML.table(.class("table", "table-sm", "mt-3")) {
          HTML.thead {
            HTML.tr {
              HTML.th { t("crm.import.row") }
              HTML.th { t("crm.import.column") }
              HTML.th { t("crm.import.problem") }
            }
          }
          HTML.tbody {
            for problem in preview.problems {
              HTML.tr {
                HTML.td { String(problem.row) }
                HTML.td { column(of: problem, localizer: t) }
                HTML.td { t("rule.\(problem.code)", problem.arguments) }
              }
            }
          }
        }
        if preview.problemCount > preview.problems.count {
          HTML.p(.class("text-body-secondary")) {
            t(
              "crm.import.more_problems",
              ["count": String(preview.problemCount - preview.problems.count)])
          }
        }
      }
    }
  }

  /// The problem's column as `C · 手机`, or the field's name when no column feeds it.
  private static func column(of problem: RowProblem, localizer t: Localizer) -> String {
    guard let letters = problem.columnLetters else {
      return t(CustomerImport.labelKeys[problem.field] ?? problem.field)
    }
    return [letters, problem.columnTitle].compactMap { $0 }.joined(separator: " · ")
  }
}
