import FreightdeskCore
import Routing
import Storage
import Web

/// Runs one optimisation: solves the stored problem within its time limit, reporting
/// progress (share of the time limit, best cost so far) at least once a second, then
/// stores the solution in VROOM's format.
///
/// The run was audited when a user requested it; the job audits its computed result
/// (`optimization` / `solved`, by the system actor `optimization`) in the transaction that
/// stores it.
enum OptimizationJob {
  static let kind = "transport.optimize"

  /// A solved problem: the VROOM solution text and its summary.
  struct Solved: Sendable, Equatable {
    var solution: String
    var cost: Int
    var routes: Int
    var unassigned: Int

    /// The job's last progress message.
    var message: String { "cost \(cost), \(unassigned) unassigned" }
  }

  /// The handler, auditing into the shared services' log.
  static func handler(services: ModuleServices) -> JobHandler {
    let audit = AuditContext.system("optimization", log: services.audit)
    return JobHandler(kind: kind) { context in
      guard let raw = Int64(context.job.payload) else { return }
      let id = Identifier(rawValue: raw)
      guard let run = try context.read({ try OptimizationStore.find(id, $0) }) else { return }
      let problem = try VROOMProblemReader.read(Array(run.problem.utf8))
      try context.reportProgress(done: 0, total: 1_000, message: "")
      let solved = try solve(
        problem, stopping: StoppingCriteria(timeLimitSeconds: Double(run.timeLimitSeconds))
      ) { progress in
        try? context.reportProgress(
          done: Int64(progress.fraction * 1_000), total: 1_000,
          message: "cost \(Int(progress.cost.rounded())), \(progress.unassigned) unassigned")
      }
      try context.write { try store(solved, of: id, audit: audit, $0) }
      try context.reportProgress(done: 1_000, total: 1_000, message: solved.message)
    }
  }

  /// Solves `problem` until `stopping` says so, telling `progress` along the way.
  static func solve(
    _ problem: DispatchProblem, stopping: StoppingCriteria,
    progress: @escaping @Sendable (DispatchProgress) -> Void
  ) throws -> Solved {
    let result = try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: stopping), progress: progress)
    let plan = result.plan
    return Solved(
      solution: VROOMSolutionWriter.write(result, problem: problem),
      cost: Int(plan.cost.rounded()), routes: plan.routes.count,
      unassigned: plan.unassigned.count)
  }

  /// Stores the solution on run `id` and audits it as `solved` by `audit`'s actor.
  static func store(
    _ solved: Solved, of id: Identifier, audit: AuditContext, _ scope: TenantScope
  ) throws {
    try OptimizationStore.finish(
      id, solution: solved.solution, cost: solved.cost, routes: solved.routes,
      unassigned: solved.unassigned, scope)
    try audit.record(
      entity: "optimization", id: id, action: "solved",
      after: [
        "cost": String(solved.cost), "routes": String(solved.routes),
        "unassigned": String(solved.unassigned),
      ], in: scope)
  }
}
