public import FreightdeskCore
public import Storage

/// The shared services every module is built with: the database, time, identifiers, the
/// outbox, the job queue, the idempotency guard and what each role may do. Injected, never
/// global, so tests can substitute a manual clock or a second database.
public struct ModuleServices: Sendable {
  /// The database.
  public let database: any Database
  /// The source of "now".
  public let clock: any Clock
  /// Identifier generation for new rows.
  public let identifiers: IdentifierGenerator
  /// Cross-module events, written in the same transaction as the change they announce.
  public let outbox: Outbox
  /// Long-running work with progress.
  public let jobs: JobQueue
  /// `Idempotency-Key` handling for `POST` routes.
  public let idempotency: IdempotencyGuard
  /// The append-only audit trail every write records into.
  public let audit: AuditLog
  /// What each built-in role may do, over all modules.
  public let roleGrants: RoleGrants

  /// Bundles the services.
  public init(
    database: any Database, clock: any Clock, identifiers: IdentifierGenerator, outbox: Outbox,
    jobs: JobQueue, idempotency: IdempotencyGuard, audit: AuditLog, roleGrants: RoleGrants
  ) {
    self.database = database
    self.clock = clock
    self.identifiers = identifiers
    self.outbox = outbox
    self.jobs = jobs
    self.idempotency = idempotency
    self.audit = audit
    self.roleGrants = roleGrants
  }
}
