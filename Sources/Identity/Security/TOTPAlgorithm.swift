import CCrypto

/// The hash function under a TOTP code's HMAC. Authenticator apps universally support SHA-1,
/// which RFC 6238 defaults to and which remains sound inside HMAC; SHA-256 and SHA-512 are here
/// for the apps and tokens that offer them.
public enum TOTPAlgorithm: String, Sendable, CaseIterable {
  /// HMAC-SHA-1, the default.
  case sha1 = "SHA1"
  /// HMAC-SHA-256.
  case sha256 = "SHA256"
  /// HMAC-SHA-512.
  case sha512 = "SHA512"

  /// The HMAC of `message` under `key`, through OpenSSL's one-shot `HMAC`.
  func authenticationCode(of message: [UInt8], key: [UInt8]) -> [UInt8] {
    precondition(!key.isEmpty, "an HMAC key has at least one byte")
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let result = key.withUnsafeBytes { keyBytes in
      message.withUnsafeBufferPointer { messageBytes in
        HMAC(
          digestFunction, keyBytes.baseAddress, Int32(keyBytes.count), messageBytes.baseAddress,
          messageBytes.count, &digest, &length)
      }
    }
    precondition(result != nil, "OpenSSL could not compute an HMAC")
    return Array(digest.prefix(Int(length)))
  }

  /// OpenSSL's description of the hash function.
  private var digestFunction: OpaquePointer? {
    switch self {
    case .sha1: EVP_sha1()
    case .sha256: EVP_sha256()
    case .sha512: EVP_sha512()
    }
  }
}
