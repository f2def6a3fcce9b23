import Testing

@testable import Identity

@Suite struct SecretTokenTests {
  private static let urlSafe = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

  @Test func tokensAre256BitsOfURLSafeBase64WithoutPadding() {
    let token = SecretToken.generate()
    #expect(token.count == 43)
    #expect(token.allSatisfy(Self.urlSafe.contains))
  }

  @Test func apiTokensCarryTheirPrefix() {
    let token = SecretToken.generate(prefix: SecretToken.apiPrefix)
    #expect(token.hasPrefix("fdk_"))
    #expect(token.dropFirst(4).count == 43)
  }

  @Test func noTwoTokensAreAlike() {
    let tokens = Set((0..<1_000).map { _ in SecretToken.generate() })
    #expect(tokens.count == 1_000)
  }

  @Test func digestsAreSHA256InLowerCaseHex() {
    #expect(
      TokenDigest.sha256("abc")
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      TokenDigest.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func digestsOfATokenAreEqualAndOfAnotherAreNot() {
    let token = SecretToken.generate()
    #expect(TokenDigest.equal(TokenDigest.sha256(token), TokenDigest.sha256(token)))
    #expect(!TokenDigest.equal(TokenDigest.sha256(token), TokenDigest.sha256(token + "x")))
    #expect(
      !TokenDigest.equal(TokenDigest.sha256(token), String(TokenDigest.sha256(token).dropLast())))
  }
}
