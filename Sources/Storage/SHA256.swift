import CSodium

/// SHA-256 through libsodium, for migration checksums and the audit log's hash chain.
enum SHA256 {
  /// The digest of `bytes` as 64 lowercase hex digits.
  static func hex(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
    _ = sodium_init()
    _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
    return digest.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
