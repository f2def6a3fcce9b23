/// Every bound the Storage target enforces, named with its unit last, so that capacity
/// questions ("how long may a caller wait for a connection?") have one answer in one place.
public enum Limits {
  /// How many times a transaction runs before a retryable conflict (SQLite busy, PostgreSQL
  /// serialization failure or deadlock) is reported as `transaction_retries_exhausted`.
  public static let transactionAttemptsMax = 6
  /// The first pause before retrying a conflicted transaction; doubled on each retry.
  public static let transactionRetryBackoffMillisecondsBase = 10
  /// The longest pause between two attempts of a conflicted transaction.
  public static let transactionRetryBackoffMillisecondsMax = 320
  /// How long SQLite waits for another process's lock before reporting busy.
  public static let busyTimeoutMilliseconds = 5_000
  /// How many concurrent SQLite write transactions share one `COMMIT` at most: enough to
  /// amortise the fsync over every request thread, small enough that one batch's members wait
  /// for a few milliseconds of each other's work at worst.
  public static let groupCommitMembersMax = 64
  /// How many pages SQLite's WAL grows by between two checkpoints on the checkpointer's
  /// thread: SQLite's own default interval.
  public static let walCheckpointPassPages = 1_000
  /// How many pages (4 KiB each) SQLite's WAL holds before the writer stops to checkpoint it
  /// itself, when the background checkpoints fell behind.
  public static let walPagesMax = 8_000
  /// How many read-only connections an SQLite database keeps beside its one writer.
  public static let sqliteReaderConnectionsMax = 4
  /// The default size of the PostgreSQL connection pool.
  public static let poolConnectionsMax = 10
  /// How long a caller waits for a pooled connection before `database_pool_timeout`.
  public static let poolAcquireTimeoutMilliseconds = 5_000
  /// How long libpq may take to establish one connection.
  public static let connectTimeoutSeconds = 10
  /// Prepared statements kept per connection; the cache is emptied when it fills up.
  public static let statementCacheEntriesMax = 256
  /// How many times the outbox tries one handler on one event before giving up on it.
  public static let outboxDeliveryAttemptsMax = 8
  /// The first pause before redelivering a failed event; doubled on each failure.
  public static let outboxRetryBackoffMillisecondsBase = 1_000
  /// The longest pause between two deliveries of one event to one handler.
  public static let outboxRetryBackoffMillisecondsMax = 600_000
  /// Events one dispatcher pass hands to one handler.
  public static let outboxBatchEventsMax = 100
  /// How long the outbox waits after a commit woke it before delivering, so that the events
  /// of a burst of commits go to each handler in one transaction rather than one per commit.
  public static let outboxGatherMilliseconds = 20
  /// How often background workers look for work when no commit woke them.
  public static let workerPollIntervalMilliseconds = 1_000
  /// How many times a job runs before it is marked failed.
  public static let jobAttemptsMax = 3
  /// How long a claimed job stays leased to its worker without a progress report.
  public static let jobLeaseMilliseconds = 60_000
  /// The first pause before re-running a failed job; doubled on each failure.
  public static let jobRetryBackoffMillisecondsBase = 5_000
  /// The longest pause before re-running a failed job.
  public static let jobRetryBackoffMillisecondsMax = 600_000
  /// The longest error message stored for a failed job or delivery.
  public static let errorMessageCharactersMax = 2_000
  /// The longest document-number prefix (`TO`, `INV`, ...).
  public static let documentPrefixCharactersMax = 8
  /// The most audit entries one listing page holds.
  public static let auditPageEntriesMax = 500
  /// The most audit entries one CSV export holds; larger exports must be narrowed.
  public static let auditExportEntriesMax = 100_000
  /// Audit entries read per query while verifying a chain, which bounds its memory.
  public static let auditVerifyPageEntriesMax = 1_000
  /// Audit entries stored by one multi-row `INSERT` when a batch is recorded (16 parameters
  /// each, far below either engine's limit on parameters).
  public static let auditRowsPerInsertMax = 100

  /// Distinct statement texts whose tenant scoping is remembered as checked.
  public static let scopedStatementsRememberedMax = 10_000
}
