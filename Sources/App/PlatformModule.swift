import FreightdeskCore
import Storage
import Web

/// The platform's own tables (outbox, jobs, document counters, idempotency) and the job
/// progress API every long-running feature reports through.
enum PlatformModule {
  static let jobsRead = Permission("jobs.read")

  static let module = AppModule(
    name: "platform", migrations: StorageSchema.migrations + IdempotencyGuard.migrations,
    roleGrants: RoleGrants(
      Dictionary(uniqueKeysWithValues: BuiltinRole.allCases.map { ($0, [jobsRead]) })),
    registerRoutes: { routes in
      registerJobRoutes(routes)
      registerJobPage(routes)
    },
    navigation: [
      NavigationEntry(labelKey: "nav.jobs", href: "/app/jobs", permission: jobsRead, order: 940)
    ])

  /// `/app/jobs`: the company's recent long-running work with its progress, newest first.
  private static func registerJobPage(_ routes: ModuleRoutes) {
    let database = routes.services.database
    let jobs = routes.services.jobs
    let navigation = routes.navigation
    routes.app.get(
      "/jobs",
      Operation(
        id: "getJobsPage", summary: "Recent jobs and their progress", tag: "Jobs",
        permission: jobsRead, style: .page)
    ) { _, context in
      let recent = try context.read(database) { try jobs.recent(limit: 50, in: $0) }
      let page = context.pageContext(path: "/app/jobs", navigation: navigation)
      let t = page.localizer
      let html = Layout.page(title: t("jobs.title"), context: page) {
        HTML.h1(.class("h3")) { t("jobs.title") }
        if recent.isEmpty {
          HTML.p(.class("text-body-secondary")) { t("jobs.none") }
        } else {
          HTML.table(.class("table", "align-middle")) {
            HTML.thead {
              HTML.tr {
                for column in ["kind", "status", "progress", "message", "updated"] {
                  HTML.th { t("jobs.column.\(column)") }
                }
              }
            }
            HTML.tbody {
              for job in recent {
                HTML.tr {
                  HTML.td { HTML.code { job.kind } }
                  HTML.td { t("jobs.status.\(job.status.rawValue)") }
                  HTML.td { progressBar(job, localizer: t) }
                  HTML.td { job.lastError ?? job.message }
                  HTML.td { t.dateTime(job.updatedAt) }
                }
              }
            }
          }
        }
      }
      return .html(html.render())
    }
  }

  /// A Bootstrap progress bar; its width class is one of twenty steps, since the page's
  /// Content-Security-Policy forbids inline styles.
  private static func progressBar(_ job: JobProgress, localizer t: Localizer) -> HTML {
    let percent = Int(((job.fraction ?? (job.status == .succeeded ? 1 : 0)) * 100).rounded())
    return HTML.div(
      .class("progress"), .role("progressbar"), .aria("valuenow", String(percent)),
      .aria("valuemin", "0"), .aria("valuemax", "100"),
      .aria("label", t("jobs.progress", ["percent": String(percent)]))
    ) {
      HTML.div(.class("progress-bar", "fd-w-\(percent / 5 * 5)")) { "\(percent)%" }
    }
  }

  private static func registerJobRoutes(_ routes: ModuleRoutes) {
    let database = routes.services.database
    let jobs = routes.services.jobs
    routes.api.get(
      "/jobs",
      Operation(
        id: "listJobs", summary: "The company's recent long-running jobs with their progress",
        tag: "Jobs", permission: jobsRead, responseBody: .of(JobList.self))
    ) { _, context in
      let recent = try context.read(database) { scope in try jobs.recent(limit: 50, in: scope) }
      return try JSONBody.response(JobList(items: recent.map(JobView.init)))
    }
    routes.api.get(
      "/jobs/{id}",
      Operation(
        id: "getJob", summary: "One job's status and progress", tag: "Jobs",
        permission: jobsRead, responseBody: .of(JobView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      guard let progress = try context.read(database, { try jobs.progress(of: id, in: $0) })
      else { throw HTTPError.notFound }
      return try JSONBody.response(JobView(progress))
    }
  }
}

/// A job as the API shows it.
struct JobView: Codable, Sendable {
  var id: Identifier
  var kind: String
  var status: String
  var done: Int64
  var total: Int64
  var message: String
  var attempts: Int
  var lastError: String?
  var createdAt: Instant
  var updatedAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, kind, status, done, total, message, attempts
    case lastError = "last_error"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  init(_ progress: JobProgress) {
    id = progress.id
    kind = progress.kind
    status = progress.status.rawValue
    done = progress.done
    total = progress.total
    message = progress.message
    attempts = progress.attempts
    lastError = progress.lastError
    createdAt = progress.createdAt
    updatedAt = progress.updatedAt
  }
}

/// The recent jobs.
struct JobList: Codable, Sendable {
  var items: [JobView]
}
