import Foundation
import FreightdeskCore
import Storage
import Synchronization
import Web

/// Periodic housekeeping on a background thread: stored idempotent answers past their
/// retention and outbox deliveries long finished are deleted, so those tables stay small
/// however long the server runs. Every app node may run it; the deletes are idempotent.
final class Maintenance: Sendable {
  /// How often it runs.
  static let intervalSeconds: Double = 3600
  /// How long finished outbox deliveries are kept, for investigating what happened.
  static let outboxRetentionSeconds: Int64 = 7 * 86_400

  private let database: any Database
  private let idempotency: IdempotencyGuard
  private let dispatcher: OutboxDispatcher
  private let clock: any Clock
  private let stopping = Mutex(false)
  private let wake = NSCondition()

  init(
    database: any Database, idempotency: IdempotencyGuard, dispatcher: OutboxDispatcher,
    clock: any Clock
  ) {
    self.database = database
    self.idempotency = idempotency
    self.dispatcher = dispatcher
    self.clock = clock
  }

  /// Runs one round now; failures are logged and retried next round.
  func runOnce() {
    do {
      let keys = try idempotency.purgeExpired(database: database)
      let cutoff = clock.now().adding(seconds: -Self.outboxRetentionSeconds)
      let deliveries = try dispatcher.pruneFinished(before: cutoff)
      if keys + deliveries > 0 {
        Log.event(
          "maintenance",
          ["idempotency_keys_deleted": String(keys), "outbox_rows_deleted": String(deliveries)])
      }
    } catch {
      Log.event("maintenance_failed", level: .warning, ["error": String(describing: error)])
    }
  }

  /// Starts the background thread: a round at start, then every ``intervalSeconds``.
  func start() {
    let thread = Thread { [self] in
      while !stopping.withLock({ $0 }) {
        runOnce()
        wake.lock()
        if !stopping.withLock({ $0 }) {
          _ = wake.wait(until: Date(timeIntervalSinceNow: Self.intervalSeconds))
        }
        wake.unlock()
      }
    }
    thread.name = "maintenance"
    thread.start()
  }

  /// Stops the thread at its next wake-up (now).
  func stop() {
    wake.lock()
    stopping.withLock { $0 = true }
    wake.signal()
    wake.unlock()
  }
}
