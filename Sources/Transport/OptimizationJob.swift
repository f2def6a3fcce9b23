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

  /// The handler, auditing into the shared services' log.
  static func handler(services: ModuleServices) -> JobHandler {
    let audit = AuditContext.system("optimization", log: services.audit)
    return JobHandler(kind: kind) { context in
      guard let raw = Int64(context.job.payload) else { return }
      let id = Identifier(rawValue: raw)
      guard let run = try context.read({ try OptimizationStore.find(id, $0) }) else { return }
      let problem = try VROOMProblemReader.read(Array(run.problem.utf8))
      try context.reportProgress(done: 0, total: 1_000, message: "")
      let result = try DispatchSolver.solve(
        problem,
        options: DispatchOptions(
          stopping: StoppingCriteria(timeLimitSeconds: Double(run.timeLimitSeconds)))
      ) { progress in
        try? context.reportProgress(
          done: Int64(progress.fraction * 1_000), total: 1_000,
          message: "cost \(Int(progress.cost.rounded())), \(progress.unassigned) unassigned")
      }
      let solution = VROOMSolutionWriter.write(result, problem: problem)
      let plan = result.plan
      let cost = Int(plan.cost.rounded())
      try context.write { scope in
        try OptimizationStore.finish(
          id, solution: solution, cost: cost, routes: plan.routes.count,
          unassigned: plan.unassigned.count, scope)
        try audit.record(
          entity: "optimization", id: id, action: "solved",
          after: [
            "cost": String(cost), "routes": String(plan.routes.count),
            "unassigned": String(plan.unassigned.count),
          ], in: scope)
      }
      try context.reportProgress(
        done: 1_000, total: 1_000,
        message: "cost \(cost), \(plan.unassigned.count) unassigned")
    }
  }
}
