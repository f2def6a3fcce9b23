/// The key a user's authenticator app and Freightdesk share for TOTP codes.
///
/// Store it as ``base32`` (encrypted at rest where the deployment can); show it to the user
/// only once, on the setup page, as a QR code of ``TOTP/provisioningURI(secret:issuer:account:)``
/// and as base32 text for typing.
public struct TOTPSecret: Sendable, Equatable, CustomStringConvertible {
  /// The shortest secret accepted: 128 bits, the minimum RFC 4226 allows.
  public static let bytesMin = 16

  /// The key bytes.
  public let bytes: [UInt8]

  /// Wraps existing key bytes; refuses fewer than ``bytesMin``.
  public init(bytes: [UInt8]) throws(TOTPSecretError) {
    guard bytes.count >= Self.bytesMin else { throw .tooShort(bytesMin: Self.bytesMin) }
    self.bytes = bytes
  }

  /// Decodes a secret stored or typed as base32 (case, spaces and padding ignored).
  public init(base32 text: String) throws(TOTPSecretError) {
    let decoded: [UInt8]
    do {
      decoded = try Base32.decode(text)
    } catch {
      throw .notBase32
    }
    try self.init(bytes: decoded)
  }

  /// A new random secret of ``IdentityLimits/totpSecretBytes`` (160 bits) from libsodium.
  public static func generate() -> TOTPSecret {
    TOTPSecret(unchecked: Sodium.randomBytes(IdentityLimits.totpSecretBytes))
  }

  /// The secret as upper-case base32 without padding, as authenticator apps expect it.
  public var base32: String { Base32.encode(bytes) }

  /// A placeholder, never the key, so a secret interpolated into a log line by mistake does
  /// not leak.
  public var description: String { "TOTPSecret(redacted)" }

  /// Wraps bytes already known to be long enough.
  private init(unchecked bytes: [UInt8]) {
    assert(bytes.count >= Self.bytesMin)
    self.bytes = bytes
  }
}
