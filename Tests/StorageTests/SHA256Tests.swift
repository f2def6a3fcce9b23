import Storage
import Testing

@Suite struct SHA256Tests {
  /// FIPS 180-2's examples, and a text longer than one 64-byte block with multi-byte UTF-8.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func digestsMatchTheStandardsExamples(text: String, digest: String) {
    #expect(SHA256.hex(text) == digest)
  }

  @Test func aMillionBytesHashAsTheStandardSays() {
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hex(bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func aStringAndItsUTF8BytesHashAlike() {
    let text = "运单 TO202612050001 已签收"
    #expect(SHA256.hex(text) == SHA256.hex(Array(text.utf8)))
    #expect(SHA256.hex(text).count == 64)
  }
}
