public import FreightdeskCore

/// The rules a new password must meet, in line with NIST SP 800-63B: long enough, not too long
/// to hash, not common or built on an easily guessed pattern, and not made of the person's
/// own names. There are no composition rules (digits, capitals, symbols): they make passwords
/// harder to remember without making them harder to guess. Chinese passwords are welcome;
/// length counts characters, not bytes.
///
/// ```swift
/// let identity = PasswordIdentity(login: "zhang.wei", email: "zhang.wei@shunda.cn",
///                                 companyShortName: "顺达物流")
/// try PasswordPolicy().validate(newPassword, for: identity)  // ValidationFailure at /password
/// ```
public struct PasswordPolicy: Sendable, Equatable {
  /// The fewest characters a password may have.
  public let charactersMin: Int
  /// The most UTF-8 bytes a password may have after normalisation; the same limit the
  /// ``PasswordHasher`` enforces.
  public let bytesMax: Int

  /// Creates a policy; the defaults are ``IdentityLimits``' password limits.
  public init(
    charactersMin: Int = IdentityLimits.passwordCharactersMin,
    bytesMax: Int = IdentityLimits.passwordBytesMax
  ) {
    self.charactersMin = charactersMin
    self.bytesMax = bytesMax
  }

  /// Every rule `password` breaks, in a fixed order; empty when it is acceptable.
  ///
  /// A password over ``bytesMax`` is reported as too long alone: the other rules are not
  /// examined, which bounds the work an oversized input can cause.
  public func issues(with password: String, for identity: PasswordIdentity) -> [PasswordIssue] {
    let normalized = password.compatibilityNormalized
    guard normalized.utf8.count <= bytesMax else { return [.tooLong(bytesMax: bytesMax)] }
    let folded = normalized.lowercased()
    var issues: [PasswordIssue] = []
    if normalized.count < charactersMin { issues.append(.tooShort(charactersMin: charactersMin)) }
    if PasswordPatterns.isGuessable(folded) { issues.append(.tooCommon) }
    if identity.terms.contains(where: folded.contains) { issues.append(.containsIdentity) }
    return issues
  }

  /// Throws a validation failure naming every broken rule as a field error at `pointer`.
  public func validate(
    _ password: String, for identity: PasswordIdentity, pointer: String = "/password"
  ) throws(ValidationFailure) {
    let issues = issues(with: password, for: identity)
    guard issues.isEmpty else { throw ValidationFailure(issues.map { $0.fieldError(at: pointer) }) }
  }
}
