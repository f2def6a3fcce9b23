/// Sign-in settings an operator may change, and the customer directory portal users are tied
/// to.
public struct IdentityConfiguration: Sendable {
  /// How expensive password hashing is.
  public enum PasswordHashing: Sendable {
    /// argon2id with 64 MiB and libsodium's interactive work factor: the production setting.
    case interactive
    /// The cheapest argon2id setting, for tests only.
    case fastForTests
  }

  /// The password hashing cost.
  public var passwordHashing: PasswordHashing = .interactive
  /// Whether the site is served over TLS (behind a proxy): session cookies then use the
  /// `__Host-` prefix and `Secure`.
  public var secureCookies = false
  /// A session ends after this long without a request.
  public var sessionIdleSeconds: Int64 = 4 * 3600
  /// A session ends this long after sign-in, however active.
  public var sessionAbsoluteSeconds: Int64 = 24 * 3600
  /// Days of free trial a new company gets.
  public var trialDays: Int64 = 15
  /// Which customer accounts exist, for tying portal users to one (CRM's, wired by `App`).
  public var customerAccounts: any CustomerAccounts = NoCustomerAccounts()

  /// The defaults.
  public init() {}
}
