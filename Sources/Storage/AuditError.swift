public import FreightdeskCore

/// A request to the audit log that cannot be served as asked.
public enum AuditError: UserFacingError, Equatable {
  /// More entries match an export than one file may hold; the person should narrow the
  /// time range or filters.
  case exportTooLarge(entriesMax: Int)
  /// An entry's text holds the NUL character, which PostgreSQL cannot store and SQLite would
  /// cut off, breaking the entry's hash.
  case textContainsNUL

  /// The stable code.
  public var code: String {
    switch self {
    case .exportTooLarge: "audit_export_too_large"
    case .textContainsNUL: "audit_text_contains_nul"
    }
  }

  /// Unprocessable: the request is understood but cannot be answered as sent.
  public var kind: ErrorKind { .unprocessable }

  /// The limit the message quotes.
  public var arguments: [String: String] {
    switch self {
    case .exportTooLarge(let entriesMax): ["entries_max": String(entriesMax)]
    case .textContainsNUL: [:]
    }
  }
}
