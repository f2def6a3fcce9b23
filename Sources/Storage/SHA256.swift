import CSodium

/// SHA-256 through libsodium, as lowercase hex: for checksums of migrations, fingerprints of
/// requests, the audit log's hash chain and digests of secret tokens stored instead of the
/// tokens themselves.
public enum SHA256 {
  /// The hex digest of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
    _ = sodium_init()
    _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
    return digest.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// The hex digest of a string's UTF-8 bytes.
  public static func hex(_ text: String) -> String {
    hex(Array(text.utf8))
  }
}
