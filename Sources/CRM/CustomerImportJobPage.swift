import FreightdeskCore
import Storage
import Web

/// `/app/customers/import/jobs/{id}`: the progress of a big customer import, reloading itself
/// until the job has finished.
enum CustomerImportJobPage {
  /// How often an unfinished job's page reloads.
  static let reloadMilliseconds = 2_000

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/customers/import/jobs/{id}",
      CustomerListPage.operation(
        "getCustomerImportJobPage", "The progress of a customer import",
        CRMPermission.customersManage)
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      guard
        let progress = try context.read(
          services.database, { try services.jobs.progress(of: id, in: $0) }),
        progress.kind == CustomerImportJob.kind
      else { throw HTTPError.notFound }
      let finished = progress.status == .succeeded || progress.status == .failed
      return page.render(context, path: "/app/customers", titleKey: "crm.import.title") { t in
        HTML.h1(.class("h3", "mb-3")) { t("crm.import.title") }
        HTML.div(
          .id("import-progress"),
          .data("reload-after", finished ? "" : String(reloadMilliseconds))
        ) {
          HTML.p {
            t(
              "crm.import.job.\(stage(progress))",
              ["done": String(progress.done), "total": String(progress.total)])
          }
        }
        if finished {
          HTML.a(.class("btn", "btn-primary"), .href("/app/customers")) { t("crm.customers.title") }
        }
      }
    }
  }

  /// The catalog suffix of what the job is at: its stage, or `queued` before it reported one,
  /// or `failed`.
  static func stage(_ progress: JobProgress) -> String {
    if progress.status == .failed { return "failed" }
    return progress.message.isEmpty ? "queued" : progress.message
  }
}
