/// What ``LoginThrottle`` decides about one sign-in attempt.
public enum LoginDecision: Sendable, Equatable {
  /// The attempt may check the password.
  case allowed
  /// The account or address is locked; try again after this many whole seconds (at least 1).
  case retryAfter(seconds: Int64)
}
