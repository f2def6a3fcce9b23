import FreightdeskCore
import Testing

@testable import Identity

@Suite struct LoginThrottleTests {
  private let throttle = LoginThrottle()
  private let start = Instant(epochMilliseconds: 1_764_806_400_000)

  /// `count` failures one second apart, the last at `start`.
  private func failures(_ count: Int) -> [Instant] {
    (0..<count).map { start.adding(seconds: Int64($0 - count + 1)) }
  }

  private func decision(account: [Instant], address: [Instant] = [], after seconds: Int64)
    -> LoginDecision
  {
    throttle.decision(
      accountFailures: account, addressFailures: address, now: start.adding(seconds: seconds))
  }

  @Test func fewerFailuresThanTheLimitAreAllowed() {
    #expect(decision(account: failures(4), after: 1) == .allowed)
  }

  @Test func theFifthFailureLocksTheAccountForAMinuteFromTheLastFailure() {
    #expect(decision(account: failures(5), after: 0) == .retryAfter(seconds: 60))
    #expect(decision(account: failures(5), after: 10) == .retryAfter(seconds: 50))
    #expect(decision(account: failures(5), after: 60) == .allowed)
  }

  @Test func eachFurtherFailureDoublesTheLockUpToTheCap() {
    let locks = (5...11).map { count in decision(account: failures(count), after: 0) }
    #expect(
      locks == [60, 120, 240, 480, 900, 900, 900].map { LoginDecision.retryAfter(seconds: $0) })
  }

  @Test func failuresOlderThanTheWindowDoNotCount() {
    let old = failures(5).map { $0.adding(seconds: -IdentityLimits.loginWindowSeconds) }
    #expect(decision(account: old + failures(4), after: 1) == .allowed)
  }

  @Test func waitsAreRoundedUpToWholeSeconds() {
    let now = start.adding(milliseconds: 500)
    let decision = throttle.decision(accountFailures: failures(5), addressFailures: [], now: now)
    #expect(decision == .retryAfter(seconds: 60))
  }

  @Test func oneOfficeBehindNATIsLockedOnlyAfterTwentyFailures() {
    #expect(decision(account: [], address: failures(19), after: 1) == .allowed)
    #expect(decision(account: [], address: failures(20), after: 1) == .retryAfter(seconds: 59))
  }

  @Test func theLongerOfTheTwoLocksApplies() {
    #expect(
      decision(account: failures(6), address: failures(20), after: 0) == .retryAfter(seconds: 120))
    #expect(
      decision(account: failures(5), address: failures(22), after: 0) == .retryAfter(seconds: 240))
  }

  @Test func checkingALockedAccountThrowsLoginThrottled() {
    let now = start.adding(seconds: 15)
    #expect(throws: LoginThrottled(retryAfterSeconds: 45)) {
      try throttle.check(accountFailures: failures(5), addressFailures: [], now: now)
    }
    #expect(throws: Never.self) {
      try throttle.check(accountFailures: failures(4), addressFailures: [], now: now)
    }
  }

  @Test func theThrottledErrorSaysWhenToRetry() {
    let error = LoginThrottled(retryAfterSeconds: 45)
    #expect(error.code == "login_throttled")
    #expect(error.kind == .rateLimited)
    #expect(error.arguments == ["retry_after": "45"])
  }
}
