public import FreightdeskCore

/// One rule a new password breaks, with a stable code for the message catalogs
/// (`error.<code>`) and the values the message quotes.
public enum PasswordIssue: Sendable, Equatable {
  /// Fewer characters than the minimum (a Chinese character counts as one).
  case tooShort(charactersMin: Int)
  /// More UTF-8 bytes than the maximum.
  case tooLong(bytesMax: Int)
  /// A password on our list of common ones, or one built on an easily guessed pattern:
  /// one character or a short unit repeated, a run such as `12345678` or `abcdefgh`, a walk
  /// along the keyboard, a date, or such a core with digits and symbols around it.
  case tooCommon
  /// The password contains the person's login, the local part of their e-mail address or the
  /// company's short name.
  case containsIdentity

  /// `password_too_short`, `password_too_long`, `password_too_common` or
  /// `password_contains_identity`.
  public var code: String {
    switch self {
    case .tooShort: "password_too_short"
    case .tooLong: "password_too_long"
    case .tooCommon: "password_too_common"
    case .containsIdentity: "password_contains_identity"
    }
  }

  /// `min` (characters) for too short, `max` (bytes) for too long.
  public var arguments: [String: String] {
    switch self {
    case .tooShort(let charactersMin): ["min": String(charactersMin)]
    case .tooLong(let bytesMax): ["max": String(bytesMax)]
    case .tooCommon, .containsIdentity: [:]
    }
  }

  /// The issue as a field error of the form field or JSON member at `pointer`.
  public func fieldError(at pointer: String) -> FieldError {
    FieldError(pointer: pointer, code: code, arguments: arguments)
  }
}
