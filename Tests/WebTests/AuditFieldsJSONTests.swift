import Foundation
import Testing

@testable import Web

/// The audit fields' JSON is what `JSONEncoder` with sorted keys wrote before, and reads back
/// as the same fields whatever the text holds.
@Suite struct AuditFieldsJSONTests {
  @Test func ordinaryFieldsAreWrittenAsJSONEncoderWroteThem() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for fields in [
      [:], ["name": "福州顺达物流有限公司", "status": "active", "credit_code": ""],
      ["reason": "说 \"快\" a\\b c/d", "tag": "冷链", "customer_id": "42"],
    ] {
      #expect(
        AuditFieldsJSON.text(fields) == String(decoding: try encoder.encode(fields), as: UTF8.self))
    }
  }

  @Test func controlCharactersAreEscapedAndReadBack() throws {
    let fields = ["note": "a\nb\rc\td\u{08}e\u{0C}f\u{01}g\u{1F}", "a_b": "x"]
    let text = AuditFieldsJSON.text(fields)
    #expect(text.utf8.allSatisfy { $0 >= 0x20 })
    #expect(text.hasPrefix("{\"a_b\":\"x\",\"note\":"))
    #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == fields)
  }
}
