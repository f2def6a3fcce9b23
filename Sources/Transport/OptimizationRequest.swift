import FreightdeskCore
import Routing
import Storage
import Web

/// What the API and the staff page share to start a run: the same reading of the problem,
/// the same time-limit rule and the same queueing, so a file refused on one is refused on
/// the other with the same error.
enum OptimizationRequest {
  /// The problem in `bytes`, or the reader's first error (field pointer and rule).
  static func problem(_ bytes: [UInt8]) throws(OptimizationProblemInvalid) -> DispatchProblem {
    do throws(VROOMInputError) {
      return try VROOMProblemReader.read(bytes)
    } catch {
      throw OptimizationProblemInvalid(input: error)
    }
  }

  /// The time limit asked for (`nil` or empty: the default), refused outside 1 to
  /// ``TransportLimits/optimizationSecondsMax`` seconds.
  static func timeLimit(_ text: String?) throws(OptimizationTimeLimitInvalid) -> Int {
    guard let text, !text.isEmpty else { return TransportLimits.optimizationSecondsDefault }
    guard let seconds = Int(text), (1...TransportLimits.optimizationSecondsMax).contains(seconds)
    else { throw OptimizationTimeLimitInvalid() }
    return seconds
  }

  /// Stores the run, enqueues its job and audits the request, in the caller's transaction.
  static func queue(
    _ problem: DispatchProblem, text: String, seconds: Int, _ context: AuthenticatedContext,
    _ services: ModuleServices, _ scope: TenantScope
  ) throws -> Optimization {
    let id = services.identifiers.next()
    let job = try services.jobs.enqueue(
      kind: OptimizationJob.kind, payload: id.description, in: scope)
    let run = Optimization(
      id: id, jobID: job, timeLimitSeconds: seconds,
      stops: problem.jobs.count + 2 * problem.shipments.count, vehicles: problem.vehicles.count,
      problem: text, createdBy: context.user, createdAt: services.clock.now())
    try OptimizationStore.insert(run, scope)
    try context.audit(services.audit).record(
      entity: "optimization", id: id, action: "requested",
      after: [
        "stops": String(run.stops), "vehicles": String(run.vehicles),
        "time_limit_seconds": String(seconds),
      ], in: scope)
    return run
  }
}
