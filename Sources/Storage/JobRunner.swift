public import FreightdeskCore

/// What a running job may do: read its input, report progress, and work on its tenant's
/// data through the tenant recorded on the job.
public struct JobContext: Sendable {
  /// The claimed job.
  public let job: ClaimedJob
  private let queue: JobQueue
  private let database: any Database

  init(job: ClaimedJob, queue: JobQueue, database: any Database) {
    self.job = job
    self.queue = queue
    self.database = database
  }

  /// Records progress for the UI and CLI and renews the lease. Throws
  /// ``JobLeaseLost`` when another worker took the job over, so the handler stops.
  public func reportProgress(done: Int64, total: Int64, message: String) throws {
    guard
      try queue.reportProgress(of: job, done: done, total: total, message: message, in: database)
    else { throw JobLeaseLost(job: job.id) }
  }

  /// Reads the job's tenant's data.
  public func read<T>(_ body: (TenantScope) throws -> T) throws -> T {
    try database.read(for: job.tenant, body)
  }

  /// Writes the job's tenant's data in a transaction (retried on conflicts).
  @discardableResult
  public func write<T>(_ body: (TenantScope) throws -> T) throws -> T {
    try database.write(for: job.tenant, body)
  }
}

/// The job's lease expired and another worker claimed it; this worker's results are void.
public struct JobLeaseLost: UserFacingError, Equatable {
  /// The job.
  public let job: Identifier
  /// Always `job_lease_lost`.
  public var code: String { "job_lease_lost" }
  /// A conflict with the worker that took over.
  public var kind: ErrorKind { .conflict }
  /// The job's identifier.
  public var arguments: [String: String] { ["job": job.description] }
}

/// Runs the jobs of one kind.
public struct JobHandler: Sendable {
  /// The kind it runs, e.g. `routing.optimize`.
  public let kind: String
  /// The work; throwing records a failed attempt (retried with backoff while attempts last).
  public let run: @Sendable (JobContext) throws -> Void

  /// Creates a handler.
  public init(kind: String, run: @escaping @Sendable (JobContext) throws -> Void) {
    self.kind = kind
    self.run = run
  }
}

/// Claims and runs jobs on background threads, woken by commits that enqueued a job and by
/// polling (for jobs enqueued on other nodes).
public final class JobRunner: Sendable {
  private let database: any Database
  private let queue: JobQueue
  private let handlers: [String: JobHandler]
  private let workerName: String
  private let reportError: @Sendable (any Error) -> Void
  private let worker: BackgroundWorker

  /// Creates a stopped runner; `workerName` identifies this node in leases.
  /// `reportError` hears about failures of the runner itself, not of jobs (those are
  /// recorded on the job).
  public init(
    database: any Database, queue: JobQueue, handlers: [JobHandler], workerName: String,
    pollIntervalMilliseconds: Int = Limits.workerPollIntervalMilliseconds,
    reportError: @escaping @Sendable (any Error) -> Void = { _ in }
  ) {
    precondition(!handlers.isEmpty, "a job runner needs at least one handler")
    self.database = database
    self.queue = queue
    self.handlers = Dictionary(uniqueKeysWithValues: handlers.map { ($0.kind, $0) })
    self.workerName = workerName
    self.reportError = reportError
    worker = BackgroundWorker(
      name: "jobs", signal: database.workSignal,
      pollIntervalMilliseconds: pollIntervalMilliseconds)
  }

  /// Starts `threads` worker threads.
  public func start(threads: Int = 1) {
    worker.start(threads: threads, reportError: reportError) {
      [weak self] in try self?.runNext() ?? false
    }
  }

  /// Stops the worker threads after their current jobs and waits for them.
  public func stop() {
    worker.stop()
  }

  /// Claims and runs one due job on the calling thread; returns false when none was due.
  @discardableResult
  public func runNext() throws -> Bool {
    guard
      let job = try queue.claim(
        kinds: handlers.keys.sorted(), worker: workerName, from: database)
    else { return false }
    guard let handler = handlers[job.kind] else {
      preconditionFailure("claimed a job of kind \(job.kind), which has no handler")
    }
    do {
      try handler.run(JobContext(job: job, queue: queue, database: database))
      try queue.complete(job, in: database)
    } catch is JobLeaseLost {
      return true
    } catch {
      try queue.fail(job, error: error, in: database)
    }
    return true
  }
}
