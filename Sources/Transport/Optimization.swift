import FreightdeskCore
import Storage

/// One optimisation run: the VROOM problem as posted, its job, and the result once solved.
struct Optimization: Sendable, Equatable {
  var id: Identifier
  var jobID: Identifier
  var timeLimitSeconds: Int
  var stops: Int
  var vehicles: Int
  var problem: String
  var solution: String?
  var cost: Int?
  var routes: Int?
  var unassigned: Int?
  var createdBy: Identifier
  var createdAt: Instant

  /// The requester of runs the system started itself (the demo company's): no user.
  static let systemUser = Identifier(rawValue: 0)
}

/// Reads and writes optimisation runs in a tenant's scope.
enum OptimizationStore {
  static func insert(_ run: Optimization, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO transport_optimizations (tenant_id, id, job_id, time_limit_seconds, stops,
        vehicles, problem, created_by, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      """,
      [
        SQLValue(run.id), SQLValue(run.jobID), .integer(Int64(run.timeLimitSeconds)),
        .integer(Int64(run.stops)), .integer(Int64(run.vehicles)), .text(run.problem),
        SQLValue(run.createdBy), SQLValue(run.createdAt),
      ])
  }

  /// Records the solution and its summary.
  static func finish(
    _ id: Identifier, solution: String, cost: Int, routes: Int, unassigned: Int,
    _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      UPDATE transport_optimizations SET solution = $3, cost = $4, routes = $5, unassigned = $6
      WHERE tenant_id = $1 AND id = $2
      """,
      [
        SQLValue(id), .text(solution), .integer(Int64(cost)), .integer(Int64(routes)),
        .integer(Int64(unassigned)),
      ])
  }

  static func find(_ id: Identifier, _ scope: TenantScope) throws -> Optimization? {
    try scope.query("\(select) WHERE tenant_id = $1 AND id = $2", [SQLValue(id)]).first.map(read)
  }

  /// The most recent runs without their problem and solution texts.
  static func recent(limit: Int, _ scope: TenantScope) throws -> [Optimization] {
    try scope.query(
      """
      SELECT id, job_id, time_limit_seconds, stops, vehicles, '' AS problem, NULL AS solution,
        cost, routes, unassigned, created_by, created_at
      FROM transport_optimizations WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2
      """, [.integer(Int64(limit))]
    ).map(read)
  }

  private static let select = """
    SELECT id, job_id, time_limit_seconds, stops, vehicles, problem, solution, cost, routes,
      unassigned, created_by, created_at FROM transport_optimizations
    """

  private static func read(_ row: Row) throws -> Optimization {
    Optimization(
      id: try row.identifier("id"), jobID: try row.identifier("job_id"),
      timeLimitSeconds: try row.int("time_limit_seconds"), stops: try row.int("stops"),
      vehicles: try row.int("vehicles"), problem: try row.string("problem"),
      solution: try row.optionalString("solution"),
      cost: try row.optionalInt64("cost").map(Int.init),
      routes: try row.optionalInt64("routes").map(Int.init),
      unassigned: try row.optionalInt64("unassigned").map(Int.init),
      createdBy: try row.identifier("created_by"), createdAt: try row.instant("created_at"))
  }
}
