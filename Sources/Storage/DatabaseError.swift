public import FreightdeskCore

/// A failure reported by a database driver, with a stable code the web layer maps to a status.
///
/// Connection trouble is ``ErrorKind/unavailable`` (503); a duplicate key is
/// ``ErrorKind/conflict`` (409) so that, for example, two concurrent requests with the same
/// `Idempotency-Key` give one success and one clear conflict.
public enum DatabaseError: UserFacingError, Equatable {
  /// The database cannot be reached or the connection broke.
  case unavailable(reason: String)
  /// No pooled connection became free within the acquire timeout.
  case poolTimeout(waitedMilliseconds: Int)
  /// A row would duplicate a unique key; `constraint` names the index or columns.
  case uniqueViolation(constraint: String)
  /// A row refers to a missing parent, or a parent still has children.
  case foreignKeyViolation(constraint: String)
  /// A `NOT NULL` or `CHECK` rule rejected a row.
  case constraintViolation(message: String)
  /// A trigger refused to change or remove a row of an append-only table (the audit log,
  /// posted facts): such rows are corrected by appending new ones, never edited.
  case appendOnly(table: String)
  /// Concurrent transactions collided (SQLite busy, serialization failure, deadlock); the
  /// write is retried automatically and this escapes only from a single attempt.
  case transactionConflict(reason: String)
  /// The transaction kept colliding with others for every allowed attempt.
  case retriesExhausted(attempts: Int)
  /// The database URL is neither `sqlite:PATH` nor `postgres://...`.
  case invalidURL(String)
  /// The statement failed for another reason (syntax, types); `state` is the SQLSTATE or
  /// SQLite result code.
  case queryFailed(message: String, state: String)
  /// The number of parameters passed differs from the `$N` placeholders in the SQL.
  case parameterCountMismatch(expected: Int, given: Int)
  /// A result row has no column by that name.
  case columnMissing(String)
  /// A column holds a different type than the caller asked for.
  case columnTypeMismatch(column: String, expected: String, found: String)
  /// Tenant-scoped SQL that does not constrain `tenant_id = $1` for every table it reads.
  case unscopedQuery(sql: String)
  /// The engine cannot back itself up from inside the application.
  case backupUnsupported(engine: DatabaseEngine, advice: String)
  /// The file offered for restore is not a healthy SQLite database.
  case invalidBackup(path: String, reason: String)

  /// The stable snake_case code clients may rely on.
  public var code: String {
    switch self {
    case .unavailable: "database_unavailable"
    case .poolTimeout: "database_pool_timeout"
    case .uniqueViolation: "unique_violation"
    case .foreignKeyViolation: "foreign_key_violation"
    case .constraintViolation: "constraint_violation"
    case .appendOnly: "append_only_table"
    case .transactionConflict: "transaction_conflict"
    case .retriesExhausted: "transaction_retries_exhausted"
    case .invalidURL: "invalid_database_url"
    case .queryFailed: "query_failed"
    case .parameterCountMismatch: "parameter_count_mismatch"
    case .columnMissing: "column_missing"
    case .columnTypeMismatch: "column_type_mismatch"
    case .unscopedQuery: "unscoped_query"
    case .backupUnsupported: "backup_unsupported"
    case .invalidBackup: "invalid_backup_file"
    }
  }

  /// Unavailable for anything a retry later may fix, conflict for key clashes, invalid
  /// input for a bad URL or backup file; programming errors are internal failures (500),
  /// whose details reach the log but never the caller.
  public var kind: ErrorKind {
    switch self {
    case .unavailable, .poolTimeout, .retriesExhausted: .unavailable
    case .queryFailed, .parameterCountMismatch, .columnMissing, .columnTypeMismatch,
      .unscopedQuery:
      .internalFailure
    case .uniqueViolation, .foreignKeyViolation, .transactionConflict, .appendOnly: .conflict
    case .constraintViolation, .backupUnsupported: .unprocessable
    case .invalidURL, .invalidBackup: .invalidInput
    }
  }

  /// The details a message quotes.
  public var arguments: [String: String] {
    switch self {
    case .unavailable(let reason), .transactionConflict(let reason): ["reason": reason]
    case .poolTimeout(let waited): ["waited_milliseconds": String(waited)]
    case .uniqueViolation(let constraint), .foreignKeyViolation(let constraint):
      ["constraint": constraint]
    case .constraintViolation(let message): ["message": message]
    case .appendOnly(let table): ["table": table]
    case .retriesExhausted(let attempts): ["attempts": String(attempts)]
    case .invalidURL(let url): ["url": url]
    case .queryFailed(let message, let state): ["message": message, "state": state]
    case .parameterCountMismatch(let expected, let given):
      ["expected": String(expected), "given": String(given)]
    case .columnMissing(let column): ["column": column]
    case .columnTypeMismatch(let column, let expected, let found):
      ["column": column, "expected": expected, "found": found]
    case .unscopedQuery(let sql): ["sql": sql]
    case .backupUnsupported(let engine, let advice): ["engine": engine.rawValue, "advice": advice]
    case .invalidBackup(let path, let reason): ["path": path, "reason": reason]
    }
  }

  /// Whether running the whole transaction again may succeed.
  var isRetryable: Bool {
    if case .transactionConflict = self { return true }
    return false
  }
}
