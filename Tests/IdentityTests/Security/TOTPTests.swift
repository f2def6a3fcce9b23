import FreightdeskCore
import Testing

@testable import Identity

@Suite struct TOTPTests {
  /// RFC 6238 Appendix B: the test times in seconds.
  static let rfcTimes: [Int64] = [
    59, 1_111_111_109, 1_111_111_111, 1_234_567_890, 2_000_000_000, 20_000_000_000,
  ]
  /// RFC 6238 Appendix B: the eight-digit codes at those times, per algorithm, with each
  /// algorithm's seed (the ASCII digits repeated to the hash's size).
  static let rfcVectors: [(TOTPAlgorithm, seed: String, codes: [String])] = [
    (
      .sha1, "12345678901234567890",
      ["94287082", "07081804", "14050471", "89005924", "69279037", "65353130"]
    ),
    (
      .sha256, "12345678901234567890123456789012",
      ["46119246", "68084774", "67062674", "91819424", "90698825", "77737706"]
    ),
    (
      .sha512, "1234567890123456789012345678901234567890123456789012345678901234",
      ["90693936", "25091201", "99943326", "93441116", "38618901", "47863826"]
    ),
  ]

  private let secret = try! TOTPSecret(bytes: Array("12345678901234567890".utf8))

  private func at(_ seconds: Int64) -> Instant { Instant(epochMilliseconds: seconds * 1000) }

  @Test(arguments: rfcVectors)
  func codesMatchTheRFC6238Vectors(algorithm: TOTPAlgorithm, seed: String, codes: [String]) throws {
    let totp = TOTP(algorithm: algorithm, digits: 8)
    let secret = try TOTPSecret(bytes: Array(seed.utf8))
    #expect(Self.rfcTimes.map { totp.code(secret: secret, at: at($0)) } == codes)
  }

  @Test func countersMatchTheRFC4226HOTPVectors() {
    let expected = [
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
      "520489",
    ]
    #expect((0..<10).map { TOTP().code(secret: secret, step: $0) } == expected)
  }

  @Test func sixDigitCodesKeepTheirLeadingZeros() {
    #expect(TOTP().code(secret: secret, at: at(1_111_111_109)) == "081804")
  }

  @Test func theCurrentCodeIsAcceptedAndItsStepReturned() {
    let totp = TOTP()
    let now = at(1_111_111_109)
    let code = totp.code(secret: secret, at: now)
    #expect(totp.verify(code: code, secret: secret, at: now, lastUsedStep: nil) == 37_037_036)
  }

  @Test func codesOneStepAwayAreAcceptedButTwoStepsAwayAreNot() {
    let totp = TOTP()
    let now = at(1_111_111_109)
    let previous = totp.code(secret: secret, at: now.adding(seconds: -30))
    let next = totp.code(secret: secret, at: now.adding(seconds: 30))
    let stale = totp.code(secret: secret, at: now.adding(seconds: -60))
    #expect(totp.verify(code: previous, secret: secret, at: now, lastUsedStep: nil) == 37_037_035)
    #expect(totp.verify(code: next, secret: secret, at: now, lastUsedStep: nil) == 37_037_037)
    #expect(totp.verify(code: stale, secret: secret, at: now, lastUsedStep: nil) == nil)
    #expect(totp.verify(code: stale, secret: secret, at: now, window: 2, lastUsedStep: nil) != nil)
  }

  @Test func aCodeCannotBeUsedTwice() {
    let totp = TOTP()
    let now = at(1_111_111_109)
    let code = totp.code(secret: secret, at: now)
    let step = totp.verify(code: code, secret: secret, at: now, lastUsedStep: nil)
    #expect(step != nil)
    #expect(
      totp.verify(code: code, secret: secret, at: now.adding(seconds: 5), lastUsedStep: step) == nil
    )
  }

  @Test func aCodeOlderThanTheLastUsedOneIsRefused() {
    let totp = TOTP()
    let now = at(1_111_111_109)
    let previous = totp.code(secret: secret, at: now.adding(seconds: -30))
    let current = totp.step(at: now)
    #expect(totp.verify(code: previous, secret: secret, at: now, lastUsedStep: current) == nil)
    let next = totp.code(secret: secret, at: now.adding(seconds: 30))
    #expect(totp.verify(code: next, secret: secret, at: now, lastUsedStep: current) == current + 1)
  }

  @Test func spacesAndFullWidthDigitsAreRead() {
    let totp = TOTP()
    let now = at(1_111_111_109)
    #expect(totp.verify(code: "081 804", secret: secret, at: now, lastUsedStep: nil) != nil)
    #expect(totp.verify(code: "０８１８０４", secret: secret, at: now, lastUsedStep: nil) != nil)
  }

  @Test(arguments: ["", "81804", "0818040", "08180a", "-81804", "081804\n"])
  func malformedCodesMatchNothing(code: String) {
    #expect(
      TOTP().verify(code: code, secret: secret, at: at(1_111_111_109), lastUsedStep: nil) == nil)
  }

  @Test func anotherSecretsCodeIsRefused() throws {
    let other = try TOTPSecret(bytes: Array("abcdefghijklmnopqrst".utf8))
    let now = at(1_111_111_109)
    let code = TOTP().code(secret: other, at: now)
    #expect(TOTP().verify(code: code, secret: other, at: now, lastUsedStep: nil) != nil)
    #expect(TOTP().verify(code: code, secret: secret, at: now, lastUsedStep: nil) == nil)
  }

  @Test func generatedSecretsAre160RandomBits() {
    let first = TOTPSecret.generate()
    let second = TOTPSecret.generate()
    #expect(first.bytes.count == 20)
    #expect(first != second)
  }

  @Test func secretsSurviveBase32() throws {
    let secret = TOTPSecret.generate()
    #expect(secret.base32.count == 32)
    #expect(try TOTPSecret(base32: secret.base32.lowercased()) == secret)
    #expect(try TOTPSecret(base32: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == self.secret)
  }

  @Test func secretsDoNotShowTheirKeyWhenPrinted() {
    let secret = TOTPSecret.generate()
    #expect("\(secret)" == "TOTPSecret(redacted)")
  }

  @Test func secretsShorterThan128BitsOrNotBase32AreRefused() {
    #expect(throws: TOTPSecretError.tooShort(bytesMin: 16)) {
      try TOTPSecret(bytes: Array(repeating: 7, count: 15))
    }
    #expect(throws: TOTPSecretError.notBase32) { try TOTPSecret(base32: "not base32!") }
    #expect(TOTPSecretError.notBase32.code == "totp_secret_invalid")
  }

  @Test func theProvisioningURIPercentEncodesChineseNamesAsUTF8() {
    let uri = TOTP().provisioningURI(secret: secret, issuer: "顺达物流", account: "zhang.wei@shunda.cn")
    let issuer = "%E9%A1%BA%E8%BE%BE%E7%89%A9%E6%B5%81"
    #expect(
      uri
        == "otpauth://totp/\(issuer):zhang.wei%40shunda.cn?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        + "&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30")
  }

  @Test func separatorsInNamesCannotChangeTheURIsStructure() {
    let uri = TOTP(algorithm: .sha256, digits: 8, periodSeconds: 60)
      .provisioningURI(secret: secret, issuer: "A&B Co: 物流", account: "li?x=1/2")
    #expect(uri.hasPrefix("otpauth://totp/A%26B%20Co%3A%20%E7%89%A9%E6%B5%81:li%3Fx%3D1%2F2?"))
    #expect(uri.hasSuffix("&algorithm=SHA256&digits=8&period=60"))
  }
}
