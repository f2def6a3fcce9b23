import FreightdeskCore
import Storage
import Web

/// `POST /api/v1/optimizations` takes a VROOM problem, validates it in the request (422 with
/// the field's pointer when it cannot be solved as posted) and queues a run;
/// `GET /api/v1/optimizations/{id}` answers its status and progress and, once done, the
/// solution in VROOM's format.
enum OptimizationAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, services: ModuleServices) {
    api.post(
      "/optimizations",
      Web.Operation(
        id: "createOptimization", summary: "Queue a route optimisation of a VROOM problem",
        tag: "Optimizations", permission: TransportPermission.optimizationsRun,
        successStatus: 202,
        queryParameters: [
          .init(
            "time_limit", "seconds, 1 to \(TransportLimits.optimizationSecondsMax)", type: "integer"
          )
        ],
        bodyBytesMax: TransportLimits.optimizationRequestBytesMax, honoursIdempotencyKey: true)
    ) { request, context in
      let seconds = try OptimizationRequest.timeLimit(request.queryValue("time_limit"))
      guard request.mediaType == "application/json" else {
        throw HTTPError.unsupportedMediaType(expected: "application/json")
      }
      let problem = try OptimizationRequest.problem(request.body)
      return try services.idempotency.perform(request, for: context, database: services.database) {
        scope in
        let run = try OptimizationRequest.queue(
          problem, text: String(decoding: request.body, as: UTF8.self), seconds: seconds, context,
          services, scope)
        return view(
          run, progress: try services.jobs.progress(of: run.jobID, in: scope), status: 202)
      }
    }
    api.get(
      "/optimizations/{id}",
      Web.Operation(
        id: "getOptimization", summary: "An optimisation's status, progress and solution",
        tag: "Optimizations", permission: TransportPermission.optimizationsRead)
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let (run, progress) = try context.read(services.database) { scope in
        guard let run = try OptimizationStore.find(id, scope) else { throw OptimizationNotFound() }
        return (run, try services.jobs.progress(of: run.jobID, in: scope))
      }
      return view(run, progress: progress, status: 200)
    }
  }

  /// The run as JSON: id, status, progress 0…1, the job's message or error, and the VROOM
  /// solution once solved.
  static func view(_ run: Optimization, progress: JobProgress?, status: Int) -> Response {
    var fields: [(String, JSONValue)] = [
      ("id", .string(run.id.description)),
      ("status", .string(progress?.status.rawValue ?? JobStatus.queued.rawValue)),
      ("progress", .number(progress?.fraction ?? 0)),
      ("message", .string(progress?.lastError ?? progress?.message ?? "")),
      ("time_limit", .integer(Int64(run.timeLimitSeconds))),
      ("stops", .integer(Int64(run.stops))), ("vehicles", .integer(Int64(run.vehicles))),
      ("created_at", .integer(run.createdAt.epochMilliseconds)),
    ]
    if let solution = run.solution, let parsed = JSONValue.parse(Array(solution.utf8)) {
      fields.append(("solution", parsed))
    }
    var response = Response(status: status, body: Array(JSONValue.object(fields).serialized.utf8))
    response.headers.set("Content-Type", "application/json")
    if status == 202 { response.headers.set("Location", "/api/v1/optimizations/\(run.id)") }
    return response
  }
}
