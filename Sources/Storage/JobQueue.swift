public import FreightdeskCore

/// Where a job is in its life.
public enum JobStatus: String, Sendable {
  /// Waiting for a worker (again, after a failed attempt that may be retried).
  case queued
  /// Leased to a worker.
  case running
  /// Finished.
  case succeeded
  /// Failed on its last allowed attempt.
  case failed
}

/// What the UI and CLI show about a job.
public struct JobProgress: Sendable, Equatable {
  /// The job.
  public let id: Identifier
  /// What it does, e.g. `routing.optimize`.
  public let kind: String
  /// Where it is in its life.
  public let status: JobStatus
  /// Units of work done so far.
  public let done: Int64
  /// Units of work in total; 0 while unknown.
  public let total: Int64
  /// What the job is doing now, for people.
  public let message: String
  /// Attempts started so far.
  public let attempts: Int
  /// The error of the last failed attempt.
  public let lastError: String?
  /// When the job was enqueued.
  public let createdAt: Instant
  /// When the job last changed.
  public let updatedAt: Instant

  /// The share done, 0...1, or nil while the total is unknown.
  public var fraction: Double? {
    total > 0 ? min(1, Double(done) / Double(total)) : nil
  }
}

/// A job a worker has leased: run it, then report the outcome to the queue.
public struct ClaimedJob: Sendable, Equatable {
  /// The job.
  public let id: Identifier
  /// The tenant that enqueued it; the job works scoped to it.
  public let tenant: TenantID
  /// What it does.
  public let kind: String
  /// Its input, usually JSON.
  public let payload: String
  /// Which attempt this is, from 1.
  public let attempt: Int
  /// The worker holding the lease.
  public let worker: String
}

/// The persistent job queue: long work (optimisation, imports, big reports) is enqueued in
/// a request's transaction and run by a ``JobRunner`` on any node, with progress people
/// can watch.
///
/// Workers claim with `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL, so many workers
/// never block on one another; on SQLite the single writer transaction gives the same
/// exclusivity. A claim is a lease: a worker that dies lets its job be claimed again once
/// the lease expires.
public final class JobQueue: Sendable {
  private let identifiers: IdentifierGenerator
  private let clock: any Clock
  private let attemptsMax: Int
  private let leaseMilliseconds: Int

  /// Creates a queue numbering jobs with `identifiers`.
  public init(
    identifiers: IdentifierGenerator, clock: any Clock = SystemClock(),
    attemptsMax: Int = Limits.jobAttemptsMax, leaseMilliseconds: Int = Limits.jobLeaseMilliseconds
  ) {
    precondition(attemptsMax > 0 && leaseMilliseconds > 0, "jobs need an attempt and a lease")
    self.identifiers = identifiers
    self.clock = clock
    self.attemptsMax = attemptsMax
    self.leaseMilliseconds = leaseMilliseconds
  }

  /// Enqueues a job in the scope's transaction; it becomes visible to workers (who are woken)
  /// when that commits. `runAfter` delays it.
  @discardableResult
  public func enqueue(
    kind: String, payload: String, runAfter: Instant? = nil, in scope: TenantScope
  ) throws -> Identifier {
    let id = identifiers.next()
    let now = clock.now()
    try scope.execute(
      """
      INSERT INTO jobs (tenant_id, id, kind, payload, status, run_after, created_at, updated_at)
      VALUES ($1, $2, $3, $4, 'queued', $5, $6, $6)
      """, [SQLValue(id), .text(kind), .text(payload), SQLValue(runAfter ?? now), SQLValue(now)])
    scope.wakeWorkersAfterCommit()
    return id
  }

  /// Enqueues a job like ``enqueue(kind:payload:runAfter:in:)`` unless one of the same kind
  /// and payload is already waiting to run, so a burst of triggers runs the work once (after
  /// `runAfter`); returns the new job, or nil when one was waiting. Two transactions racing
  /// may both enqueue, so the work must be idempotent.
  @discardableResult
  public func enqueueUnlessWaiting(
    kind: String, payload: String, runAfter: Instant? = nil, in scope: TenantScope
  ) throws -> Identifier? {
    let waiting = try scope.query(Self.waitingJob, [.text(kind), .text(payload)])
    guard waiting.isEmpty else { return nil }
    return try enqueue(kind: kind, payload: payload, runAfter: runAfter, in: scope)
  }

  /// A queued job of a kind (`$2`) and payload (`$3`), found through `jobs_queued_by_kind`
  /// however many finished jobs the company has.
  static let waitingJob = """
    SELECT id FROM jobs
    WHERE tenant_id = $1 AND kind = $2 AND payload = $3 AND status = 'queued' LIMIT 1
    """

  /// Records work of `kind` that was done synchronously in the caller's transaction (such as
  /// the demo company's data) as a job that succeeded, so it reads like any finished job.
  @discardableResult
  public func recordSucceeded(
    kind: String, payload: String, message: String, in scope: TenantScope
  ) throws -> Identifier {
    let id = identifiers.next()
    let now = clock.now()
    try scope.execute(
      """
      INSERT INTO jobs (tenant_id, id, kind, payload, status, progress_done, progress_total,
        progress_message, attempts, run_after, created_at, updated_at)
      VALUES ($1, $2, $3, $4, 'succeeded', 1, 1, $5, 1, $6, $6, $6)
      """, [SQLValue(id), .text(kind), .text(payload), .text(message), SQLValue(now)])
    return id
  }

  /// The progress of one of the tenant's jobs, or nil when it has no such job.
  public func progress(of job: Identifier, in scope: TenantScope) throws -> JobProgress? {
    try scope.query("\(Self.progressSelect) WHERE tenant_id = $1 AND id = $2", [SQLValue(job)])
      .first.map(Self.progress(from:))
  }

  /// The tenant's most recent jobs, newest first, for a jobs page.
  public func recent(limit: Int, in scope: TenantScope) throws -> [JobProgress] {
    try scope.query(
      "\(Self.progressSelect) WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2", [SQLValue(limit)]
    ).map(Self.progress(from:))
  }

  /// Leases the next due job of one of `kinds` to `worker`, or returns nil when none is due.
  /// Jobs whose lease expired on their last allowed attempt are marked failed first.
  public func claim(kinds: [String], worker: String, from database: any Database) throws
    -> ClaimedJob?
  {
    precondition(!kinds.isEmpty, "claim at least one kind")
    let now = clock.now()
    // Runners are woken by every commit that may bring work, most of which brings none; a
    // look on a reader keeps those passes off the single SQLite writer.
    guard try anythingToClaimOrExpire(at: now, in: database) else { return nil }
    return try database.write { executor in
      try executor.execute(
        """
        UPDATE jobs SET status = 'failed', last_error = 'lease expired', lease_owner = NULL,
          lease_expires_at = NULL, updated_at = $1
        WHERE status = 'running' AND lease_expires_at < $1 AND attempts >= $2
        """, [SQLValue(now), SQLValue(attemptsMax)])
      let kindList = kinds.indices.map { "$\($0 + 5)" }.joined(separator: ", ")
      let locking = executor.engine == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
      let rows = try executor.query(
        """
        UPDATE jobs SET status = 'running', lease_owner = $1, lease_expires_at = $2,
          attempts = attempts + 1, updated_at = $3
        WHERE (tenant_id, id) = (
          SELECT tenant_id, id FROM jobs
          WHERE ((status = 'queued' AND run_after <= $3)
              OR (status = 'running' AND lease_expires_at < $3))
            AND attempts < $4 AND kind IN (\(kindList))
          ORDER BY run_after, id
          LIMIT 1 \(locking))
        RETURNING tenant_id, id, kind, payload, attempts
        """,
        [
          .text(worker), SQLValue(now.adding(milliseconds: Int64(leaseMilliseconds))),
          SQLValue(now), SQLValue(attemptsMax),
        ] + kinds.map(SQLValue.text))
      return try rows.first.map { row in
        ClaimedJob(
          id: try row.identifier("id"), tenant: TenantID(try row.identifier("tenant_id")),
          kind: try row.string("kind"), payload: try row.string("payload"),
          attempt: try row.int("attempts"), worker: worker)
      }
    }
  }

  /// Whether any job is due or has an expired lease: what ``claim(kinds:worker:from:)`` would
  /// act on, or more.
  private func anythingToClaimOrExpire(at now: Instant, in database: any Database) throws -> Bool {
    try database.read { executor in
      try !executor.query(
        """
        SELECT 1 AS found FROM jobs
        WHERE (status = 'queued' AND run_after <= $1) OR (status = 'running' AND lease_expires_at < $1)
        LIMIT 1
        """, [SQLValue(now)]
      ).isEmpty
    }
  }

  /// Records progress and renews the lease; returns false when the job is no longer this
  /// worker's (its lease expired and another worker took it), so the caller should stop.
  public func reportProgress(
    of job: ClaimedJob, done: Int64, total: Int64, message: String, in database: any Database
  ) throws -> Bool {
    let now = clock.now()
    return try database.write(for: job.tenant) { scope in
      try scope.execute(
        """
        UPDATE jobs SET progress_done = $4, progress_total = $5, progress_message = $6,
          lease_expires_at = $7, updated_at = $8
        WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'running'
        """,
        [
          SQLValue(job.id), .text(job.worker), SQLValue(done), SQLValue(total), .text(message),
          SQLValue(now.adding(milliseconds: Int64(leaseMilliseconds))), SQLValue(now),
        ]) == 1
    }
  }

  /// Marks a claimed job succeeded.
  public func complete(_ job: ClaimedJob, in database: any Database) throws {
    try finish(job, status: "'succeeded'", runAfter: clock.now(), error: nil, in: database)
  }

  /// Records a failed attempt: the job is queued again after a backoff, or marked failed
  /// when this was its last allowed attempt.
  public func fail(_ job: ClaimedJob, error: any Error, in database: any Database) throws {
    let delay = exponentialBackoffMilliseconds(
      attempt: job.attempt, base: Limits.jobRetryBackoffMillisecondsBase,
      maximum: Limits.jobRetryBackoffMillisecondsMax)
    let message = String(String(describing: error).prefix(Limits.errorMessageCharactersMax))
    try finish(
      job, status: "CASE WHEN attempts >= \(attemptsMax) THEN 'failed' ELSE 'queued' END",
      runAfter: clock.now().adding(milliseconds: Int64(delay)), error: message, in: database)
  }

  private func finish(
    _ job: ClaimedJob, status: String, runAfter: Instant, error: String?,
    in database: any Database
  ) throws {
    try database.write(for: job.tenant) { scope in
      try scope.execute(
        """
        UPDATE jobs SET status = \(status), run_after = $4, last_error = $5, lease_owner = NULL,
          lease_expires_at = NULL, updated_at = $6
        WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'running'
        """,
        [
          SQLValue(job.id), .text(job.worker), SQLValue(runAfter), SQLValue(error),
          SQLValue(clock.now()),
        ])
    }
  }

  private static let progressSelect = """
    SELECT id, kind, status, progress_done, progress_total, progress_message, attempts,
      last_error, created_at, updated_at
    FROM jobs
    """

  private static func progress(from row: Row) throws -> JobProgress {
    let statusText = try row.string("status")
    guard let status = JobStatus(rawValue: statusText) else {
      throw DatabaseError.columnTypeMismatch(
        column: "status", expected: "job status", found: statusText)
    }
    return JobProgress(
      id: try row.identifier("id"), kind: try row.string("kind"), status: status,
      done: try row.int64("progress_done"), total: try row.int64("progress_total"),
      message: try row.string("progress_message"), attempts: try row.int("attempts"),
      lastError: try row.optionalString("last_error"), createdAt: try row.instant("created_at"),
      updatedAt: try row.instant("updated_at"))
  }
}
