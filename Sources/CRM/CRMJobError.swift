import FreightdeskCore

/// A CRM job that cannot run as queued.
enum CRMJobError: UserFacingError, Equatable {
  /// The job's payload is not the id it should be.
  case badPayload(String)

  var code: String { "crm_job_payload_invalid" }
  var kind: ErrorKind { .internalFailure }
  var arguments: [String: String] {
    switch self {
    case .badPayload(let payload): ["payload": payload]
    }
  }
}
