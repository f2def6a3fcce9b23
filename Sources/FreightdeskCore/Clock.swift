#if canImport(Glibc)
  import Glibc
#endif

/// A source of the current time, injected into every business rule that needs "now".
///
/// Production code uses ``SystemClock``; tests use a manual clock they advance themselves,
/// which makes time-dependent rules replayable.
public protocol Clock: Sendable {
  /// The current instant.
  func now() -> Instant
}

/// The machine's real-time clock.
public struct SystemClock: Clock {
  /// Creates the system clock.
  public init() {}

  /// The current wall-clock instant, read from `CLOCK_REALTIME`.
  public func now() -> Instant {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Instant(epochMilliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
  }
}

/// A monotonic stopwatch for measuring durations (latency, timeouts), immune to clock changes.
public struct MonotonicClock: Sendable {
  /// Creates a monotonic clock.
  public init() {}

  /// Nanoseconds since an arbitrary fixed point; only differences are meaningful.
  public func nanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}
