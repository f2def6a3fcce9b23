import CSodium
import Dispatch
import Synchronization

/// Hashes and verifies passwords with argon2id (libsodium), bounding how many hashes run at
/// once because each takes ``PasswordHashCost/memoryBytes`` of memory.
///
/// Create one per process and share it: the bound on concurrent hashes is per instance. Calls
/// are synchronous and meant for HTTP worker threads; when every slot is taken a caller waits
/// up to the configured time, then gets ``PasswordHashingError/busy``.
///
/// Passwords are hashed whole (never truncated) after Unicode NFKC normalisation; ones longer
/// than ``IdentityLimits/passwordBytesMax`` are refused to bound the work an attempt causes.
///
/// ```swift
/// let hasher = PasswordHasher()
/// let stored = try hasher.hash("运输 correct horse")
/// try hasher.verify("运输 correct horse", against: stored)  // true
/// try hasher.verify(typed, against: nil)  // unknown account: same work, false
/// ```
public final class PasswordHasher: Sendable {
  /// The cost new hashes are made with.
  public let cost: PasswordHashCost
  private let slots: DispatchSemaphore
  private let waitMillisecondsMax: Int
  private let passwordBytesMax: Int
  /// A hash of a random password at ``cost``, made on first need, verified against for
  /// accounts that do not exist.
  private let unknownAccountHash = Mutex<String?>(nil)

  /// Creates a hasher.
  ///
  /// - Parameters:
  ///   - cost: the argon2id cost of new hashes; tests pass ``PasswordHashCost/minimum``.
  ///   - concurrentMax: hashes computed at once.
  ///   - waitMillisecondsMax: how long a caller waits for a free slot before `busy`.
  ///   - passwordBytesMax: the longest password accepted, in UTF-8 bytes.
  public init(
    cost: PasswordHashCost = .interactive,
    concurrentMax: Int = IdentityLimits.passwordHashesConcurrentMax,
    waitMillisecondsMax: Int = IdentityLimits.passwordHashWaitMillisecondsMax,
    passwordBytesMax: Int = IdentityLimits.passwordBytesMax
  ) {
    precondition(concurrentMax > 0, "at least one password hash must be able to run")
    precondition(waitMillisecondsMax >= 0, "a wait cannot be negative")
    Sodium.ensureInitialized()
    self.cost = cost
    self.slots = DispatchSemaphore(value: concurrentMax)
    self.waitMillisecondsMax = waitMillisecondsMax
    self.passwordBytesMax = passwordBytesMax
  }

  /// Hashes a password into libsodium's self-describing string (`$argon2id$v=19$m=…`), which
  /// holds the salt and cost and is what the database stores.
  public func hash(_ password: String) throws(PasswordHashingError) -> String {
    let text = try accepted(password)
    return try withHashingSlot { () throws(PasswordHashingError) -> String in
      let encoded = Sodium.text(capacity: crypto_pwhash_strbytes()) { output in
        text.withCString { bytes in
          crypto_pwhash_str_alg(
            output, bytes, UInt64(text.utf8.count), cost.operations, cost.memoryBytes,
            crypto_pwhash_alg_argon2id13()) == 0
        }
      }
      guard let encoded else { throw .failed }
      return encoded
    }
  }

  /// Whether `password` is the one `encoded` was made from.
  ///
  /// Pass `nil` when no account has the name that was typed: the password is then verified
  /// against a hash of a random password at the same cost and `false` is returned, so the time
  /// a failed sign-in takes does not reveal whether the account exists. A malformed `encoded`
  /// or a password over the length limit never matches.
  public func verify(_ password: String, against encoded: String?) throws(PasswordHashingError)
    -> Bool
  {
    guard let text = try? accepted(password) else { return false }
    let target: String
    if let encoded { target = encoded } else { target = try hashForUnknownAccounts() }
    let matches = try withHashingSlot {
      text.withCString { bytes in
        target.withCString { crypto_pwhash_str_verify($0, bytes, UInt64(text.utf8.count)) }
      } == 0
    }
    return encoded != nil && matches
  }

  /// Whether a stored hash should be replaced at the next successful sign-in: it is not
  /// argon2id, was made at another cost than ``cost``, or is malformed.
  public func needsRehash(_ encoded: String) -> Bool {
    encoded.withCString {
      crypto_pwhash_argon2id_str_needs_rehash($0, cost.operations, cost.memoryBytes)
    } != 0
  }

  /// Runs `body` while holding one of the hashing slots, waiting for one up to the limit.
  func withHashingSlot<Result>(_ body: () throws(PasswordHashingError) -> Result)
    throws(PasswordHashingError) -> Result
  {
    guard slots.wait(timeout: .now() + .milliseconds(waitMillisecondsMax)) == .success else {
      throw .busy
    }
    defer { slots.signal() }
    return try body()
  }

  /// The normalised password, refused when over the byte limit.
  private func accepted(_ password: String) throws(PasswordHashingError) -> String {
    let normalized = password.compatibilityNormalized
    guard normalized.utf8.count <= passwordBytesMax else {
      throw .passwordTooLong(bytesMax: passwordBytesMax)
    }
    return normalized
  }

  /// The hash verified against for unknown accounts, made on first need (two threads may
  /// both make one; the first kept wins, and either is as good).
  private func hashForUnknownAccounts() throws(PasswordHashingError) -> String {
    if let stored = unknownAccountHash.withLock({ $0 }) { return stored }
    let made = try hash(SecretToken.generate())
    return unknownAccountHash.withLock { stored in
      if let stored { return stored }
      stored = made
      return made
    }
  }
}
