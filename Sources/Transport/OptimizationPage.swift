import FreightdeskCore
import Storage
import Web

/// `/app/optimizations`: a form to start a run from an uploaded VROOM problem file, and the
/// company's recent runs with their progress and, when solved, the cost, routes and stops
/// left out. A file that cannot be solved as uploaded is refused with the reader's field and
/// rule, and nothing is queued.
enum OptimizationPage {
  /// Room for the form's other fields beside the file.
  static let formBytesMax = 64 * 1_024

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/optimizations",
      Web.Operation(
        id: "getOptimizationsPage", summary: "Recent route optimisations", tag: "Optimizations",
        permission: TransportPermission.optimizationsRead, style: .page)
    ) { _, context in
      try render(context, services: services, page: page, error: nil)
    }
    app.post(
      "/optimizations",
      Web.Operation(
        id: "postOptimizationsPage", summary: "Start a route optimisation of an uploaded file",
        tag: "Optimizations", permission: TransportPermission.optimizationsRun, style: .page,
        bodyBytesMax: TransportLimits.optimizationRequestBytesMax + formBytesMax)
    ) { request, context in
      let bytes = request.parts.first { $0.name == "file" && $0.filename != nil }?.bytes ?? []
      let run: Optimization
      do {
        let seconds = try OptimizationRequest.timeLimit(
          request.parts.first { $0.name == "time_limit" }?.text)
        let problem = try OptimizationRequest.problem(bytes)
        run = try context.write(services.database) { scope in
          try OptimizationRequest.queue(
            problem, text: String(decoding: bytes, as: UTF8.self), seconds: seconds, context,
            services, scope)
        }
      } catch let error as OptimizationProblemInvalid {
        return try render(context, services: services, page: page, error: error)
      } catch let error as OptimizationTimeLimitInvalid {
        return try render(context, services: services, page: page, error: error)
      }
      return .redirect(to: "/app/optimizations/\(run.id)")
    }
  }

  private static func render(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    error: (any UserFacingError)?
  ) throws -> Response {
    let rows = try context.read(services.database) { scope in
      try OptimizationStore.recent(limit: TransportLimits.optimizationsListedMax, scope).map {
        ($0, try services.jobs.progress(of: $0.jobID, in: scope))
      }
    }
    let canRun = context.can(TransportPermission.optimizationsRun)
    return page.render(
      context, path: "/app/optimizations", titleKey: "optimization.title",
      status: error == nil ? 200 : 422
    ) { t in
      HTML.h1(.class("h3")) { t("optimization.title") }
      if canRun { form(context, error: error, t) }
      if rows.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("optimization.none") }
      } else {
        table(rows, t)
      }
    }
  }

  private static func form(
    _ context: AuthenticatedContext, error: (any UserFacingError)?, _ t: Localizer
  ) -> HTML {
    HTML.form(
      .method("post"), .action("/app/optimizations"), .enctype("multipart/form-data"),
      .class("card", "card-body", "mb-4")
    ) {
      HTML.h2(.class("h5")) { t("optimization.start.title") }
      if let error {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) {
          HTML.div { t("optimization.start.refused") }
          if error.fieldErrors.isEmpty {
            HTML.div { t.message(for: error) }
          }
          for field in error.fieldErrors {
            HTML.div {
              HTML.code { field.pointer.isEmpty ? "/" : field.pointer }
              " " + t.message(for: field)
            }
          }
        }
      }
      FormControls.csrf(context.csrfToken)
      HTML.div(.class("row", "g-3", "align-items-end")) {
        HTML.div(.class("col-md-6")) {
          HTML.label(.class("form-label"), .for("file")) { t("optimization.start.file") }
          HTML.input(
            .class("form-control"), .type("file"), .id("file"), .name("file"),
            .accept(".json,application/json"), .required(true))
          HTML.div(.class("form-text")) { t("optimization.start.file_help") }
        }
        HTML.div(.class("col-md-3")) {
          HTML.label(.class("form-label"), .for("time_limit")) {
            t("optimization.start.time_limit")
          }
          HTML.input(
            .class("form-control"), .type("number"), .id("time_limit"), .name("time_limit"),
            .min("1"), .max(String(TransportLimits.optimizationSecondsMax)), .step("1"),
            .value(String(TransportLimits.optimizationSecondsDefault)))
          HTML.div(.class("form-text")) {
            t(
              "optimization.start.time_limit_help",
              ["max": String(TransportLimits.optimizationSecondsMax)])
          }
        }
        HTML.div(.class("col-md-3")) {
          FormControls.submit(t("optimization.start.submit"))
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
            HTML.td {
              HTML.a(.href("/app/optimizations/\(run.id)")) { t.dateTime(run.createdAt) }
            }
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
