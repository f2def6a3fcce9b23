import Testing

@testable import Identity

@Suite struct Base32Tests {
  /// RFC 4648 §10 test vectors, without their padding.
  static let vectors: [(text: String, encoded: String)] = [
    ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
    ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
  ]

  @Test(arguments: vectors)
  func encodingMatchesTheRFCVectors(text: String, encoded: String) {
    #expect(Base32.encode(Array(text.utf8)) == encoded)
  }

  @Test(arguments: vectors)
  func decodingMatchesTheRFCVectors(text: String, encoded: String) throws {
    #expect(try Base32.decode(encoded) == Array(text.utf8))
  }

  @Test func decodingIgnoresCaseSpacesAndPadding() throws {
    #expect(try Base32.decode("mzxw 6ytb oi======") == Array("foobar".utf8))
  }

  @Test func randomBytesSurviveARoundTrip() throws {
    var generator = SystemRandomNumberGenerator()
    for count in 0..<40 {
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(try Base32.decode(Base32.encode(bytes)) == bytes)
    }
  }

  @Test func charactersOutsideTheAlphabetAreRefused() {
    #expect(throws: Base32Error.invalidCharacter) { try Base32.decode("MZXW1YTB") }
    #expect(throws: Base32Error.invalidCharacter) { try Base32.decode("MZ=XW6YT") }
  }

  @Test func lengthsNoEncodingProducesAreRefused() {
    for text in ["M", "MZX", "MZXW6YTBO"] {
      #expect(throws: Base32Error.invalidLength) { try Base32.decode(text) }
    }
  }

  @Test func nonCanonicalTrailingBitsAreRefused() {
    #expect(throws: Base32Error.nonZeroTrailingBits) { try Base32.decode("MZ") }
  }

  @Test func everyDecodingFailureHasTheSameCode() {
    let errors: [Base32Error] = [.invalidCharacter, .invalidLength, .nonZeroTrailingBits]
    #expect(errors.allSatisfy { $0.code == "base32_invalid" && $0.kind == .invalidInput })
  }
}
