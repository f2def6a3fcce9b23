public import FreightdeskCore
import Synchronization

/// A clock tests move by hand, so time-dependent rules (expiry, retention, lateness) are
/// checked exactly and without sleeping.
public final class ManualClock: Clock {
  private let current: Mutex<Instant>

  /// Starts at `start` (default 2026-12-04T00:00:00Z).
  public init(start: Instant = Instant(epochMilliseconds: 1_796_342_400_000)) {
    current = Mutex(start)
  }

  /// The instant the test set.
  public func now() -> Instant {
    current.withLock { $0 }
  }

  /// Moves time forward.
  public func advance(seconds: Int64) {
    current.withLock { $0 = $0.adding(seconds: seconds) }
  }

  /// Sets the time, also backwards (to test what a clock step does).
  public func set(_ instant: Instant) {
    current.withLock { $0 = instant }
  }

  /// Moves time forward by milliseconds.
  public func advance(milliseconds: Int64) {
    current.withLock { $0 = $0.adding(milliseconds: milliseconds) }
  }
}
