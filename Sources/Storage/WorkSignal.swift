import Foundation

/// Wakes background workers when there may be new work, so an outbox event or a job is
/// picked up right after its transaction commits instead of at the next poll.
///
/// A worker remembers ``generation`` before looking for work and then waits for a newer
/// generation; a notify that happens while it was busy is therefore never lost.
public final class WorkSignal: @unchecked Sendable {
  // Guarded by `condition`.
  private var currentGeneration: UInt64 = 0
  private let condition = NSCondition()

  /// Creates a signal nobody has notified yet.
  public init() {}

  /// How many times the signal has been notified.
  public var generation: UInt64 {
    condition.lock()
    defer { condition.unlock() }
    return currentGeneration
  }

  /// Wakes every waiter.
  public func notify() {
    condition.lock()
    currentGeneration &+= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Blocks until the signal moves past `generation` or `milliseconds` pass; returns whether
  /// it was notified.
  @discardableResult
  public func wait(after generation: UInt64, milliseconds: Int) -> Bool {
    let deadline = Date(timeIntervalSinceNow: Double(milliseconds) / 1000)
    condition.lock()
    defer { condition.unlock() }
    while currentGeneration == generation {
      if !condition.wait(until: deadline) { return currentGeneration != generation }
    }
    return true
  }
}
