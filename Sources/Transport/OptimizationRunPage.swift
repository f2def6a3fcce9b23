import FreightdeskCore
import Storage
import Web

/// `/app/optimizations/{id}`: one run's status and progress, reloading itself while the job
/// works, and once solved the summary, the stops left out with their reason, and a table per
/// route; `/app/optimizations/{id}/solution.json` downloads the solution in VROOM's format.
enum OptimizationRunPage {
  /// How often an unfinished run's page reloads.
  static let reloadMilliseconds = 2_000

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/optimizations/{id}",
      Web.Operation(
        id: "getOptimizationPage", summary: "One route optimisation and its routes",
        tag: "Optimizations", permission: TransportPermission.optimizationsRead, style: .page)
    ) { _, context in
      let (run, progress) = try find(context, services)
      let solution = run.solution.flatMap(OptimizationSolution.init)
      let finished = progress?.status == .succeeded || progress?.status == .failed
      return page.render(context, path: "/app/optimizations", titleKey: "optimization.title") {
        t in
        HTML.h1(.class("h3")) { t("optimization.run.title", ["when": t.dateTime(run.createdAt)]) }
        HTML.div(
          .id("optimization-progress"),
          .data("reload-after", finished ? "" : String(reloadMilliseconds))
        ) {
          HTML.p {
            t(
              "optimization.run.status",
              [
                "status": t("jobs.status.\(progress?.status.rawValue ?? "queued")"),
                "percent": String(Int(((progress?.fraction ?? 0) * 100).rounded())),
                "size": t(
                  "optimization.size",
                  ["stops": String(run.stops), "vehicles": String(run.vehicles)]),
              ])
          }
          if progress?.status == .failed {
            HTML.div(.class("alert", "alert-danger"), .role("alert")) {
              t("optimization.run.failed")
            }
          }
        }
        if let solution {
          summary(solution, t)
          HTML.a(
            .class("btn", "btn-outline-primary", "mb-3"),
            .href("/app/optimizations/\(run.id)/solution.json")
          ) { t("optimization.run.download") }
          unassigned(solution.unassigned, t)
          for route in solution.routes { table(route, t) }
        }
      }
    }
    app.get(
      "/optimizations/{id}/solution.json",
      Web.Operation(
        id: "getOptimizationSolutionFile", summary: "A solved run's solution in VROOM's format",
        tag: "Optimizations", permission: TransportPermission.optimizationsRead, style: .plain)
    ) { _, context in
      let (run, _) = try find(context, services)
      guard let solution = run.solution else { throw OptimizationNotFound() }
      return Response(
        status: 200,
        headers: [
          "Content-Type": "application/json",
          "Content-Disposition": "attachment; filename=\"optimization-\(run.id).json\"",
        ],
        body: Array(solution.utf8))
    }
  }

  private static func find(_ context: AuthenticatedContext, _ services: ModuleServices) throws
    -> (Optimization, JobProgress?)
  {
    let id = try context.request.parameters.identifier("id")
    return try context.read(services.database) { scope in
      guard let run = try OptimizationStore.find(id, scope) else { throw OptimizationNotFound() }
      return (run, try services.jobs.progress(of: run.jobID, in: scope))
    }
  }

  private static func summary(_ solution: OptimizationSolution, _ t: Localizer) -> HTML {
    HTML.table(.class("table", "table-sm", "w-auto"), .id("summary")) {
      for (key, value) in [
        ("cost", String(solution.cost)), ("routes", String(solution.routes.count)),
        ("distance", kilometres(solution.distanceMetres)),
        ("duration", clock(solution.durationSeconds)),
        ("unassigned", String(solution.unassigned.count)),
      ] {
        HTML.tr {
          HTML.th { t("optimization.summary.\(key)") }
          HTML.td { value }
        }
      }
    }
  }

  private static func unassigned(_ entries: [OptimizationSolution.Unassigned], _ t: Localizer)
    -> HTML
  {
    HTML.group {
      if !entries.isEmpty {
        HTML.h2(.class("h5")) { t("optimization.unassigned.title") }
        HTML.ul(.id("unassigned")) {
          for entry in entries {
            HTML.li {
              t(
                "optimization.unassigned.entry",
                [
                  "id": String(entry.id), "type": t("optimization.step.\(entry.type)"),
                  "reason": t("optimization.reason.\(entry.reason)"),
                ])
            }
          }
        }
      }
    }
  }

  private static func table(_ route: OptimizationSolution.Route, _ t: Localizer) -> HTML {
    HTML.section(.class("mb-4")) {
      HTML.h2(.class("h5")) {
        t(
          "optimization.route.title",
          [
            "vehicle": String(route.vehicle), "cost": String(route.cost),
            "distance": kilometres(route.distanceMetres), "duration": clock(route.durationSeconds),
          ])
      }
      HTML.table(.class("table", "table-sm", "align-middle")) {
        HTML.thead {
          HTML.tr {
            for column in ["step", "id", "arrival", "load"] {
              HTML.th { t("optimization.route.\(column)") }
            }
          }
        }
        HTML.tbody {
          for step in route.steps {
            HTML.tr {
              HTML.td { t("optimization.step.\(step.type)") }
              HTML.td { step.id.map(String.init) ?? "" }
              HTML.td { clock(step.arrivalSeconds) }
              HTML.td { step.load.map(String.init).joined(separator: " / ") }
            }
          }
        }
      }
    }
  }

  /// Seconds as `H:MM` (VROOM times count seconds from the day's start, or from zero).
  static func clock(_ seconds: Int) -> String {
    let minutes = seconds / 60
    let rest = minutes % 60
    return "\(minutes / 60):\(rest < 10 ? "0" : "")\(rest)"
  }

  /// Metres as kilometres with one decimal.
  static func kilometres(_ metres: Int) -> String {
    "\(metres / 1_000).\((metres % 1_000) / 100) km"
  }
}
