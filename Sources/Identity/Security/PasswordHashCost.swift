import CSodium

/// How much work one argon2id password hash does: passes over memory and memory in bytes.
///
/// The cost is written into every encoded hash, so raising it later is safe: old hashes still
/// verify, and ``PasswordHasher/needsRehash(_:)`` tells the caller to re-hash at the next
/// successful sign-in.
public struct PasswordHashCost: Sendable, Equatable {
  /// Passes over memory (libsodium's `opslimit`).
  public var operations: UInt64
  /// Memory one hash takes (libsodium's `memlimit`).
  public var memoryBytes: Int

  /// Creates a cost from its two parameters.
  public init(operations: UInt64, memoryBytes: Int) {
    self.operations = operations
    self.memoryBytes = memoryBytes
  }

  /// libsodium's interactive argon2id cost (2 passes over 64 MiB): the production setting,
  /// a fraction of a second per hash.
  public static var interactive: PasswordHashCost {
    PasswordHashCost(
      operations: UInt64(crypto_pwhash_argon2id_opslimit_interactive()),
      memoryBytes: crypto_pwhash_argon2id_memlimit_interactive())
  }

  /// The smallest cost argon2id allows (1 pass over 8 KiB): for tests only, where hundreds of
  /// hashes must stay fast; far too cheap to protect real passwords.
  public static var minimum: PasswordHashCost {
    PasswordHashCost(
      operations: UInt64(crypto_pwhash_argon2id_opslimit_min()),
      memoryBytes: crypto_pwhash_argon2id_memlimit_min())
  }
}
