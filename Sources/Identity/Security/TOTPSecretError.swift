public import FreightdeskCore

/// Why bytes or text cannot be a TOTP secret.
public enum TOTPSecretError: UserFacingError, Equatable {
  /// The text is not base32.
  case notBase32
  /// The key is shorter than RFC 4226's minimum of 128 bits.
  case tooShort(bytesMin: Int)

  /// Always `totp_secret_invalid`.
  public var code: String { "totp_secret_invalid" }

  /// Always ``ErrorKind/invalidInput``.
  public var kind: ErrorKind { .invalidInput }
}
