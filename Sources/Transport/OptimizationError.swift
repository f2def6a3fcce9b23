import FreightdeskCore
import Routing

/// A VROOM problem that cannot be solved as posted: answered 422 before anything is queued,
/// naming the field (JSON pointer), the job and the rule.
struct OptimizationProblemInvalid: UserFacingError, Equatable {
  let input: VROOMInputError

  var code: String { "optimization_problem_invalid" }
  var kind: ErrorKind { .unprocessable }
  var arguments: [String: String] { ["detail": input.message] }
  var fieldErrors: [FieldError] {
    [
      FieldError(
        pointer: input.pointer, code: "routing_\(input.code)", arguments: ["detail": input.message])
    ]
  }
}

/// A time limit outside what a run may ask for.
struct OptimizationTimeLimitInvalid: UserFacingError, Equatable {
  var code: String { "optimization_time_limit_invalid" }
  var kind: ErrorKind { .invalidInput }
  var arguments: [String: String] { ["max": String(TransportLimits.optimizationSecondsMax)] }
}

/// The run has no result: it is still queued or running, or it failed.
struct OptimizationNotFound: UserFacingError, Equatable {
  var code: String { "optimization_not_found" }
  var kind: ErrorKind { .notFound }
}
