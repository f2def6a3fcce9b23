import Storage
import Web

/// Every module of the product in dependency order; the one place that knows them all.
enum Modules {
  /// The platform's own tables (outbox, jobs, counters, idempotency) come first.
  static let platform = AppModule(
    name: "platform", migrations: StorageSchema.migrations + IdempotencyGuard.migrations)

  /// The modules the application runs.
  static let all: [AppModule] = [platform]
}
