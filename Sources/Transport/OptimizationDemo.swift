import Foundation
import FreightdeskCore
import Routing
import Storage
import Web

/// Transport's part of the demo company: one solved optimisation of a generated delivery day
/// around Shanghai (40 stops from a Pudong depot, 5 vans), solved while seeding under a short
/// iteration limit and stored exactly as the job stores a result, so the optimisations page
/// has a run to open.
enum OptimizationDemo {
  static let seed: UInt64 = 20_261_205
  static let stopCount = 40
  static let vehicleCount = 5
  /// Iterations the seeding solve may run: enough for sensible routes, quick enough for
  /// `make run`.
  static let iterationLimit = 200
  /// The depot, a warehouse in Pudong (longitude, latitude).
  static let depot = (121.5520, 31.2280)

  /// Solves the day and stores it as one finished run, audited by the system actor `demo`.
  static func seed(_ tenant: TenantID, services: ModuleServices) throws {
    let text = problemText()
    let problem = try VROOMProblemReader.read(Array(text.utf8))
    let solved = try OptimizationJob.solve(
      problem, stopping: StoppingCriteria(timeLimitSeconds: 10, iterationLimit: iterationLimit)
    ) { _ in }
    let audit = AuditContext.system("demo", log: services.audit)
    try services.database.write(for: tenant) { scope in
      let id = services.identifiers.next()
      let job = try services.jobs.recordSucceeded(
        kind: OptimizationJob.kind, payload: id.description, message: solved.message, in: scope)
      let run = Optimization(
        id: id, jobID: job, timeLimitSeconds: TransportLimits.optimizationSecondsDefault,
        stops: problem.jobs.count, vehicles: problem.vehicles.count, problem: text,
        createdBy: Optimization.systemUser, createdAt: services.clock.now())
      try OptimizationStore.insert(run, scope)
      try audit.record(
        entity: "optimization", id: id, action: "requested",
        after: ["stops": String(run.stops), "vehicles": String(run.vehicles)], in: scope)
      try OptimizationJob.store(solved, of: id, audit: audit, scope)
    }
  }

  /// The day as a VROOM problem: vans from 08:00 to 18:00 with 40 parcels' room each, stops
  /// with 1 to 6 parcels and 10 minutes' service, every fourth stop with a morning or
  /// afternoon window; places are coordinates, so travel follows the reader's road model.
  static func problemText() -> String {
    var random = SeededGenerator(seed: seed)
    let depot = point(depot.0, depot.1)
    let vehicles = (1...vehicleCount).map { number in
      """
      {"id": \(number), "description": "沪A·\(number)0\(number)8\(number)", "start": \(depot), \
      "end": \(depot), "capacity": [40], "time_window": [28800, 64800]}
      """
    }
    let jobs = (1...stopCount).map { number in
      let longitude = 121.35 + Double(Int.random(in: 0..<3_500, using: &random)) / 10_000
      let latitude = 31.10 + Double(Int.random(in: 0..<2_500, using: &random)) / 10_000
      let parcels = Int.random(in: 1...6, using: &random)
      let window =
        number % 4 != 0
        ? ""
        : number % 8 == 0
          ? #", "time_windows": [[28800, 43200]]"#
          : #", "time_windows": [[46800, 64800]]"#
      return """
        {"id": \(number), "location": \(point(longitude, latitude)), "delivery": [\(parcels)], \
        "service": 600\(window)}
        """
    }
    return """
      {"vehicles": [\(vehicles.joined(separator: ",\n"))],
      "jobs": [\(jobs.joined(separator: ",\n"))]}

      """
  }

  private static func point(_ longitude: Double, _ latitude: Double) -> String {
    String(format: "[%.4f, %.4f]", longitude, latitude)
  }
}
