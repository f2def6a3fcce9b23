public import FreightdeskCore

/// Time-based one-time passwords (RFC 6238): the six-digit codes of authenticator apps, an
/// HOTP code (RFC 4226) of the number of whole periods since the Unix epoch.
///
/// Codes are checked with ``verify(code:secret:at:window:lastUsedStep:)``, which returns the
/// time step that matched; the caller stores it and passes it back next time, so a code that
/// was used once (or an older one) is refused even while it is still current.
///
/// ```swift
/// let totp = TOTP()
/// let last = user.totpLastStep
/// if let step = totp.verify(code: typed, secret: secret, at: clock.now(), lastUsedStep: last) {
///   user.totpLastStep = step  // signed in; store the step
/// }
/// ```
public struct TOTP: Sendable, Equatable {
  /// The HMAC hash function.
  public let algorithm: TOTPAlgorithm
  /// Digits in a code, 6 to 8.
  public let digits: Int
  /// Seconds one code is current for.
  public let periodSeconds: Int64

  /// Creates a generator; the defaults (SHA-1, 6 digits, 30 seconds) are what every
  /// authenticator app supports.
  public init(algorithm: TOTPAlgorithm = .sha1, digits: Int = 6, periodSeconds: Int64 = 30) {
    precondition((6...8).contains(digits), "RFC 4226 codes have 6 to 8 digits")
    precondition(periodSeconds > 0, "a TOTP period is at least one second")
    self.algorithm = algorithm
    self.digits = digits
    self.periodSeconds = periodSeconds
  }

  /// The time step an instant falls in: whole periods since the Unix epoch.
  public func step(at instant: Instant) -> Int64 {
    precondition(instant.epochMilliseconds >= 0, "TOTP time starts at the Unix epoch")
    return instant.epochMilliseconds / 1000 / periodSeconds
  }

  /// The code current at `instant`, zero-padded to ``digits``.
  public func code(secret: TOTPSecret, at instant: Instant) -> String {
    code(secret: secret, step: step(at: instant))
  }

  /// The code of one time step: RFC 4226's dynamic truncation of the HMAC of the step as a
  /// big-endian 64-bit counter.
  func code(secret: TOTPSecret, step: Int64) -> String {
    let counter = (0..<8).reversed().map { UInt8(truncatingIfNeeded: step >> ($0 * 8)) }
    let mac = algorithm.authenticationCode(of: counter, key: secret.bytes)
    let offset = Int(mac[mac.count - 1] & 0x0F)
    let truncated = mac[offset..<offset + 4].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    var modulus: UInt32 = 1
    for _ in 0..<digits { modulus *= 10 }
    let number = String((truncated & 0x7FFF_FFFF) % modulus)
    return String(repeating: "0", count: digits - number.count) + number
  }

  /// The time step whose code `code` is, or `nil` when it matches none that may be used.
  ///
  /// Steps from `window` before to `window` after the current one are tried, to allow for
  /// clock drift and typing time; steps at or before `lastUsedStep` are refused, so a code
  /// cannot be replayed. Spaces are ignored and full-width digits accepted; each comparison
  /// takes the same time whatever the digits.
  public func verify(
    code: String, secret: TOTPSecret, at instant: Instant,
    window: Int = IdentityLimits.totpWindowSteps, lastUsedStep: Int64?
  ) -> Int64? {
    precondition(window >= 0, "a TOTP window cannot be negative")
    let typed = Array(code.compatibilityNormalized.utf8.filter { $0 != UInt8(ascii: " ") })
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    guard typed.count == digits, typed.allSatisfy(isDigit) else { return nil }
    let current = step(at: instant)
    let earliest = max(current - Int64(window), (lastUsedStep ?? -1) + 1, 0)
    guard earliest <= current + Int64(window) else { return nil }
    var matched: Int64?
    for candidate in earliest...(current + Int64(window)) {
      let expected = Array(self.code(secret: secret, step: candidate).utf8)
      if Sodium.constantTimeEqual(expected, typed) && matched == nil {
        matched = candidate
      }
    }
    return matched
  }

  /// The `otpauth://` URI an authenticator app reads from the setup QR code.
  ///
  /// The label is `Issuer:account` and the issuer is repeated as a parameter, as Google's
  /// key-URI format asks; both are percent-encoded as UTF-8 (so `顺达物流` and a `:` in a
  /// name survive), and the parameters name this generator's algorithm, digits and period.
  public func provisioningURI(secret: TOTPSecret, issuer: String, account: String) -> String {
    let issuerEncoded = issuer.percentEncodedComponent
    let label = issuerEncoded + ":" + account.percentEncodedComponent
    return "otpauth://totp/\(label)?secret=\(secret.base32)&issuer=\(issuerEncoded)"
      + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(periodSeconds)"
  }
}
