public import FreightdeskCore

/// Why a password could not be hashed or checked.
public enum PasswordHashingError: UserFacingError, Equatable {
  /// Every hashing slot stayed taken for ``IdentityLimits/passwordHashWaitMillisecondsMax``:
  /// too many sign-ins at once; the caller should retry shortly.
  case busy
  /// The password is longer than the limit in UTF-8 bytes (after normalisation).
  case passwordTooLong(bytesMax: Int)
  /// libsodium could not hash, which happens only when memory cannot be allocated.
  case failed

  /// `password_hashing_busy`, `password_too_long` or `password_hashing_failed`.
  public var code: String {
    switch self {
    case .busy: "password_hashing_busy"
    case .passwordTooLong: "password_too_long"
    case .failed: "password_hashing_failed"
    }
  }

  /// Busy is ``ErrorKind/unavailable`` (503, retry), too long is the caller's input, and a
  /// failed hash is the system's own fault.
  public var kind: ErrorKind {
    switch self {
    case .busy: .unavailable
    case .passwordTooLong: .invalidInput
    case .failed: .internalFailure
    }
  }

  /// `max` (bytes) for a password that is too long.
  public var arguments: [String: String] {
    switch self {
    case .passwordTooLong(let bytesMax): ["max": String(bytesMax)]
    case .busy, .failed: [:]
    }
  }
}
