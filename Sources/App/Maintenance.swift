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
  private let started = Mutex(false)
  private let wake = NSCondition()
  private let exited = DispatchSemaphore(value: 0)

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
    started.withLock { $0 = true }
    let thread = Thread { [self] in
      defer { exited.signal() }
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

  /// Stops the thread and waits for the round in progress, so that the database can close
  /// after this returns without cutting a round off.
  func stop() {
    wake.lock()
    stopping.withLock { $0 = true }
    wake.signal()
    wake.unlock()
    // Only the first stop after a start waits: the thread signals its exit once.
    let wasRunning = started.withLock { running in
      defer { running = false }
      return running
    }
    if wasRunning { exited.wait() }
  }
}
