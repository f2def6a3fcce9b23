/// The Identity module's security limits, each named with its unit last, in one place so an
/// operator can read what sign-in will and will not accept.
///
/// Named `IdentityLimits` rather than `Limits` so it does not clash with the web layer's
/// ``Web/Limits`` where both are imported.
public enum IdentityLimits {
  /// Password hashes computed at once. Each argon2id hash at the default cost takes 64 MiB,
  /// so two bound the memory sign-in can take to 128 MiB however many people log in at once.
  public static let passwordHashesConcurrentMax = 2
  /// Milliseconds a caller waits for a free hashing slot before being told to retry later.
  public static let passwordHashWaitMillisecondsMax = 5_000
  /// The longest password accepted, in UTF-8 bytes. Argon2 takes a password whole (nothing is
  /// truncated), so this bounds the work one attempt can cause; 1,024 bytes is 341 Chinese
  /// characters or a long passphrase.
  public static let passwordBytesMax = 1_024
  /// The shortest password accepted, in characters (a Chinese character counts as one).
  public static let passwordCharactersMin = 8
  /// Failed sign-ins for one account within the window before the account is locked.
  public static let loginFailuresPerAccountMax = 5
  /// Failed sign-ins from one client address within the window before the address is locked;
  /// higher than the per-account limit so one office behind NAT is not locked out by one
  /// person mistyping.
  public static let loginFailuresPerAddressMax = 20
  /// The window, in seconds, over which failed sign-ins are counted.
  public static let loginWindowSeconds: Int64 = 15 * 60
  /// The first lock, in seconds, once a limit is reached; each further failure doubles it.
  public static let loginLockSeconds: Int64 = 60
  /// The longest lock, in seconds; no longer than the window, since failures older than the
  /// window no longer count.
  public static let loginLockSecondsMax: Int64 = 15 * 60
  /// Random bytes in a session or API token (256 bits).
  public static let secretTokenBytes = 32
  /// Random bytes in a new TOTP secret (160 bits, the HMAC-SHA1 block RFC 4226 recommends).
  public static let totpSecretBytes = 20
  /// Time steps either side of now within which a TOTP code is still accepted, to allow for
  /// clock drift and typing time.
  public static let totpWindowSteps = 1
}
