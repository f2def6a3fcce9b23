import CSodium

/// What is stored in place of a bearer token: its SHA-256, so a leaked database or backup does
/// not hand out working sessions or API tokens. A token of 256 random bits needs no salt or
/// slow hash; SHA-256 is enough and cheap enough to run on every request.
public enum TokenDigest {
  /// The SHA-256 of the token's UTF-8 bytes, as 64 lower-case hexadecimal digits.
  public static func sha256(_ token: String) -> String {
    Sodium.ensureInitialized()
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
    let bytes = Array(token.utf8)
    crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
    return Sodium.hex(digest)
  }

  /// Whether two digests are the same, in time that does not depend on where they differ.
  public static func equal(_ left: String, _ right: String) -> Bool {
    Sodium.constantTimeEqual(Array(left.utf8), Array(right.utf8))
  }
}
