import CSodium

/// SHA-256 through libsodium, as lowercase hex: for checksums of migrations, fingerprints of
/// requests, the audit log's hash chain and digests of secret tokens stored instead of the
/// tokens themselves.
public enum SHA256 {
  /// The hex digest of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
    Self.sodiumInitialized
    _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
    var hex: [UInt8] = []
    hex.reserveCapacity(digest.count * 2)
    for byte in digest {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// libsodium set up once per process; `sodium_init` takes a process-wide lock on every call.
  private static let sodiumInitialized: Void = { _ = sodium_init() }()

  /// The hex digest of a string's UTF-8 bytes.
  public static func hex(_ text: String) -> String {
    hex(Array(text.utf8))
  }
}
