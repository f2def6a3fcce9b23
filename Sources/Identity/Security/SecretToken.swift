import CSodium

/// Random bearer tokens: session cookies and API tokens.
///
/// A token is ``IdentityLimits/secretTokenBytes`` (256 bits) from libsodium's generator,
/// written as URL-safe base64 without padding (43 characters), after an optional prefix that
/// says what the token is for, so one found in a log or a repository can be recognised
/// (`fdk_…` for API tokens). Hand the token to its owner once and store only its
/// ``TokenDigest``.
public enum SecretToken {
  /// The prefix of API tokens.
  public static let apiPrefix = "fdk_"

  /// A new token: `prefix` followed by 256 random bits in URL-safe base64.
  public static func generate(prefix: String = "") -> String {
    let bytes = Sodium.randomBytes(IdentityLimits.secretTokenBytes)
    let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
    let capacity = sodium_base64_encoded_len(bytes.count, variant)
    let encoded = Sodium.text(capacity: capacity) { output in
      sodium_bin2base64(output, capacity, bytes, bytes.count, variant) != nil
    }
    guard let encoded else { preconditionFailure("sodium_bin2base64 was given too small a buffer") }
    return prefix + encoded
  }
}
