public import FreightdeskCore

/// A sign-in refused because the account or the client address failed too often recently.
///
/// The message must not say which of the two is locked, nor whether the account exists.
public struct LoginThrottled: UserFacingError, Equatable {
  /// Whole seconds until another attempt may be made; also the `Retry-After` header value.
  public let retryAfterSeconds: Int64

  /// Creates the error.
  public init(retryAfterSeconds: Int64) {
    self.retryAfterSeconds = retryAfterSeconds
  }

  /// Always `login_throttled`.
  public var code: String { "login_throttled" }

  /// Always ``ErrorKind/rateLimited`` (429).
  public var kind: ErrorKind { .rateLimited }

  /// `retry_after`: the seconds to wait.
  public var arguments: [String: String] { ["retry_after": String(retryAfterSeconds)] }
}
