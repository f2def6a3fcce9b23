public import FreightdeskCore

/// A request to the audit log that cannot be served as asked.
public enum AuditError: UserFacingError, Equatable {
  /// More entries match an export than one file may hold; the person should narrow the
  /// time range or filters.
  case exportTooLarge(entriesMax: Int)

  /// The stable code.
  public var code: String {
    switch self {
    case .exportTooLarge: "audit_export_too_large"
    }
  }

  /// Always ``ErrorKind/unprocessable``: the request is understood but too big to answer.
  public var kind: ErrorKind { .unprocessable }

  /// The limit the message quotes.
  public var arguments: [String: String] {
    switch self {
    case .exportTooLarge(let entriesMax): ["entries_max": String(entriesMax)]
    }
  }
}
