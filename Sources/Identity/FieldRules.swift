import Foundation
import FreightdeskCore

/// Field checks shared by the sign-up, user and company forms.
enum FieldRules {
  /// A required text of at most `max` characters.
  static func text(_ value: String, pointer: String, max: Int) -> [FieldError] {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { return [FieldError(pointer: pointer, code: "required")] }
    if trimmed.count > max {
      return [FieldError(pointer: pointer, code: "too_long", arguments: ["max": String(max)])]
    }
    return []
  }

  /// A sign-in name: 3–64 characters of letters, digits, `.`, `_`, `-` or `@`.
  static func login(_ value: String, pointer: String) -> [FieldError] {
    let pattern = #"^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$"#
    if value.range(of: pattern, options: .regularExpression) == nil {
      return [FieldError(pointer: pointer, code: "invalid_login")]
    }
    return []
  }

  /// Whether `value` looks like an e-mail address (one `@`, a dot in the domain).
  static func isEmail(_ value: String) -> Bool {
    EmailAddress.isPlausible(value)
  }
}
