public import FreightdeskCore

/// Failures the web layer itself detects, each with a stable code and a status.
public enum HTTPError: UserFacingError, Equatable {
  /// No route for this path (404).
  case notFound
  /// A route exists for the path but not for this method (405); `allowed` fills `Allow`.
  case methodNotAllowed(allowed: [HTTPMethod])
  /// The body is larger than the route accepts (413).
  case payloadTooLarge(limitBytes: Int)
  /// The body is not the media type the route takes (415).
  case unsupportedMediaType(expected: String)
  /// The body is not well-formed JSON (400).
  case malformedJSON(detail: String)
  /// A path parameter does not parse as its type (400).
  case invalidPathParameter(name: String)
  /// A pagination cursor was not issued by this server or was altered (400).
  case invalidCursor
  /// An update came without `If-Match` (428).
  case preconditionRequired
  /// `If-Match` names a version that is no longer current (412).
  case preconditionFailed
  /// The same `Idempotency-Key` was sent with a different request (422).
  case idempotencyKeyReused
  /// The same `Idempotency-Key` is being processed right now (409).
  case idempotencyKeyInProgress
  /// An `Idempotency-Key` header that is empty or too long (400).
  case invalidIdempotencyKey
  /// Something failed that the user cannot fix (500); details are only in the log.
  case internalError

  /// The stable code.
  public var code: String {
    switch self {
    case .notFound: "not_found"
    case .methodNotAllowed: "method_not_allowed"
    case .payloadTooLarge: "payload_too_large"
    case .unsupportedMediaType: "unsupported_media_type"
    case .malformedJSON: "malformed_json"
    case .invalidPathParameter: "invalid_path_parameter"
    case .invalidCursor: "invalid_cursor"
    case .preconditionRequired: "precondition_required"
    case .preconditionFailed: "precondition_failed"
    case .idempotencyKeyReused: "idempotency_key_reused"
    case .idempotencyKeyInProgress: "idempotency_key_in_progress"
    case .invalidIdempotencyKey: "invalid_idempotency_key"
    case .internalError: "internal"
    }
  }

  /// The kind, which decides the status.
  public var kind: ErrorKind {
    switch self {
    case .notFound: .notFound
    case .methodNotAllowed, .payloadTooLarge, .unsupportedMediaType: .invalidInput
    case .internalError: .internalFailure
    case .malformedJSON, .invalidPathParameter, .invalidCursor, .invalidIdempotencyKey:
      .invalidInput
    case .preconditionRequired: .preconditionRequired
    case .preconditionFailed: .preconditionFailed
    case .idempotencyKeyReused: .unprocessable
    case .idempotencyKeyInProgress: .conflict
    }
  }

  /// The exact status, where the kind alone does not decide it.
  public var status: Int {
    switch self {
    case .methodNotAllowed: 405
    case .payloadTooLarge: 413
    case .unsupportedMediaType: 415
    default: kind.httpStatus
    }
  }

  /// Values the message quotes.
  public var arguments: [String: String] {
    switch self {
    case .payloadTooLarge(let limit): ["limit": String(limit)]
    case .unsupportedMediaType(let expected): ["expected": expected]
    case .malformedJSON(let detail): ["detail": detail]
    case .invalidPathParameter(let name): ["name": name]
    default: [:]
    }
  }
}

extension ErrorKind {
  /// The HTTP status for this kind of failure.
  public var httpStatus: Int {
    switch self {
    case .invalidInput: 400
    case .unauthenticated: 401
    case .forbidden: 403
    case .notFound: 404
    case .conflict: 409
    case .preconditionFailed: 412
    case .unprocessable: 422
    case .preconditionRequired: 428
    case .rateLimited: 429
    case .unavailable: 503
    case .internalFailure: 500
    }
  }
}
