import FreightdeskCore
import Storage
import Web

/// `/app/optimizations`: the company's recent optimisation runs with their progress and,
/// when solved, the cost, routes and stops left out.
enum OptimizationPage {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/optimizations",
      Web.Operation(
        id: "getOptimizationsPage", summary: "Recent route optimisations", tag: "Optimizations",
        permission: TransportPermission.optimizationsRead, style: .page)
    ) { _, context in
      let rows = try context.read(services.database) { scope in
        try OptimizationStore.recent(limit: TransportLimits.optimizationsListedMax, scope).map {
          ($0, try services.jobs.progress(of: $0.jobID, in: scope))
        }
      }
      return page.render(context, path: "/app/optimizations", titleKey: "optimization.title") { t in
        HTML.h1(.class("h3")) { t("optimization.title") }
        if rows.isEmpty {
          HTML.p(.class("text-body-secondary")) { t("optimization.none") }
        } else {
          table(rows, t)
        }
      }
    }
  }

  private static func table(_ rows: [(Optimization, JobProgress?)], _ t: Localizer) -> HTML {
    HTML.table(.class("table", "align-middle")) {
      HTML.thead {
        HTML.tr {
          for column in ["created", "size", "status", "progress", "cost", "routes", "unassigned"] {
            HTML.th { t("optimization.column.\(column)") }
          }
        }
      }
      HTML.tbody {
        for (run, progress) in rows {
          HTML.tr {
            HTML.td { t.dateTime(run.createdAt) }
            HTML.td {
              t(
                "optimization.size", ["stops": String(run.stops), "vehicles": String(run.vehicles)])
            }
            HTML.td { t("jobs.status.\(progress?.status.rawValue ?? JobStatus.queued.rawValue)") }
            HTML.td {
              t(
                "jobs.progress",
                ["percent": String(Int(((progress?.fraction ?? 0) * 100).rounded()))])
            }
            HTML.td { run.cost.map(String.init) ?? "" }
            HTML.td { run.routes.map(String.init) ?? "" }
            HTML.td { run.unassigned.map(String.init) ?? "" }
          }
        }
      }
    }
  }
}
