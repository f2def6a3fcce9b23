public import FreightdeskCore
public import Storage
public import Web

/// The shared services every module's routes are built with: the database, time, identifiers,
/// the outbox and the idempotency guard. Injected, never global, so tests can substitute a
/// manual clock or a second database.
public struct ModuleServices: Sendable {
  /// The database.
  public let database: any Database
  /// The source of "now".
  public let clock: any Clock
  /// Identifier generation for new rows.
  public let identifiers: IdentifierGenerator
  /// Cross-module events, written in the same transaction as the change they announce.
  public let outbox: Outbox
  /// `Idempotency-Key` handling for `POST` routes.
  public let idempotency: IdempotencyGuard

  /// Bundles the services.
  public init(
    database: any Database, clock: any Clock, identifiers: IdentifierGenerator, outbox: Outbox,
    idempotency: IdempotencyGuard
  ) {
    self.database = database
    self.clock = clock
    self.identifiers = identifiers
    self.outbox = outbox
    self.idempotency = idempotency
  }
}
