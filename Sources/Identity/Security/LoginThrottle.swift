public import FreightdeskCore

/// Whether a sign-in attempt may proceed, judged from recent failed attempts: a pure rule with
/// no storage and no clock of its own, so the caller reads the failures, passes "now", and
/// tests can replay any history.
///
/// An account is locked once it has ``accountFailuresMax`` failures within the window; a
/// client address once it has ``addressFailuresMax``, a higher limit so colleagues behind
/// one office's NAT are not locked out by one person mistyping. A lock starts at the latest
/// failure, lasts ``lockSeconds`` and doubles with each further failure, up to
/// ``lockSecondsMax``.
///
/// Check before verifying the password (a locked account is refused even with the right one),
/// and record a failure only for attempts that were checked and then failed, so refused
/// attempts cannot extend a lock.
public struct LoginThrottle: Sendable, Equatable {
  /// Failures of one account within the window that lock it.
  public let accountFailuresMax: Int
  /// Failures from one client address within the window that lock it.
  public let addressFailuresMax: Int
  /// The window failures are counted over, in seconds.
  public let windowSeconds: Int64
  /// The first lock, in seconds.
  public let lockSeconds: Int64
  /// The longest lock, in seconds.
  public let lockSecondsMax: Int64

  /// Creates the rule; the defaults are ``IdentityLimits``' sign-in limits.
  public init(
    accountFailuresMax: Int = IdentityLimits.loginFailuresPerAccountMax,
    addressFailuresMax: Int = IdentityLimits.loginFailuresPerAddressMax,
    windowSeconds: Int64 = IdentityLimits.loginWindowSeconds,
    lockSeconds: Int64 = IdentityLimits.loginLockSeconds,
    lockSecondsMax: Int64 = IdentityLimits.loginLockSecondsMax
  ) {
    precondition(accountFailuresMax > 0 && addressFailuresMax > 0, "limits must be positive")
    precondition(0 < lockSeconds && lockSeconds <= lockSecondsMax, "locks must be ordered")
    precondition(lockSecondsMax <= windowSeconds, "a lock cannot outlast the failures behind it")
    self.accountFailuresMax = accountFailuresMax
    self.addressFailuresMax = addressFailuresMax
    self.windowSeconds = windowSeconds
    self.lockSeconds = lockSeconds
    self.lockSecondsMax = lockSecondsMax
  }

  /// Whether an attempt at `now` may proceed, given the times of the account's and the
  /// address's failed attempts (older ones than the window are ignored, so the caller may
  /// pass more).
  public func decision(accountFailures: [Instant], addressFailures: [Instant], now: Instant)
    -> LoginDecision
  {
    let waitMilliseconds = max(
      lockRemainingMilliseconds(accountFailures, failuresMax: accountFailuresMax, now: now),
      lockRemainingMilliseconds(addressFailures, failuresMax: addressFailuresMax, now: now))
    guard waitMilliseconds > 0 else { return .allowed }
    return .retryAfter(seconds: (waitMilliseconds + 999) / 1000)
  }

  /// Throws ``LoginThrottled`` when ``decision(accountFailures:addressFailures:now:)`` says
  /// to wait.
  public func check(accountFailures: [Instant], addressFailures: [Instant], now: Instant)
    throws(LoginThrottled)
  {
    let decision = decision(
      accountFailures: accountFailures, addressFailures: addressFailures, now: now)
    if case .retryAfter(let seconds) = decision { throw LoginThrottled(retryAfterSeconds: seconds) }
  }

  /// Milliseconds until one lock ends, or zero when there is none.
  private func lockRemainingMilliseconds(_ failures: [Instant], failuresMax: Int, now: Instant)
    -> Int64
  {
    let windowStart = now.adding(seconds: -windowSeconds)
    let recent = failures.filter { $0 > windowStart }
    guard recent.count >= failuresMax, let latest = recent.max() else { return 0 }
    var lock = lockSeconds
    for _ in 0..<(recent.count - failuresMax) where lock < lockSecondsMax { lock *= 2 }
    let unlock = latest.adding(seconds: min(lock, lockSecondsMax))
    return max(unlock.milliseconds(since: now), 0)
  }
}
