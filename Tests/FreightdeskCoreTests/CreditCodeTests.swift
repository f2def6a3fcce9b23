import Foundation
import FreightdeskCore
import Testing

@Suite struct CreditCodeTests {
  /// Published codes of real companies (Fuzhou example, Xiaomi, Tencent), checked by hand.
  @Test(arguments: ["91350100M000100Y43", "91110108551385082Q", "91440300708461136T"])
  func publishedCodesAreAccepted(text: String) throws {
    let code = try CreditCode(text)
    #expect(code.rawValue == text)
  }

  @Test func codesBuiltWithTheCheckHelpersAreAccepted() throws {
    for (prefix, body) in [
      ("91310115", "MA1H7K8P"), ("52110000", "50003000"), ("12100000", "40000XY0"),
    ] {
      let organizationCheck = CreditCode.organizationCheckCharacter(for: body)
      let first17 = prefix + body + String(organizationCheck)
      let text = first17 + String(CreditCode.checkCharacter(for: first17))
      #expect(try CreditCode(text).rawValue == text)
    }
  }

  @Test func lowercaseAndSurroundingSpacesAreNormalised() throws {
    let code = try CreditCode("  91350100m000100y43\t\u{3000}")
    #expect(code.description == "91350100M000100Y43")
    #expect(code == (try CreditCode("91350100M000100Y43")))
  }

  @Test func thePartsOfACodeAreNamed() throws {
    let code = try CreditCode("91350100M000100Y43")
    #expect(code.registrationAuthority == "9")
    #expect(code.organizationType == "1")
    #expect(code.divisionCode == "350100")
    #expect(code.organizationCode == "M000100Y4")
  }

  @Test func theOrganisationCheckMapsTenToXAndElevenToZero() {
    // 8×3 = 24, 24 mod 11 = 2, 11 - 2 = 9; and bodies whose remainders are 1 and 0.
    #expect(CreditCode.organizationCheckCharacter(for: "80000000") == "9")
    #expect(CreditCode.organizationCheckCharacter(for: "40000000") == "X")
    #expect(CreditCode.organizationCheckCharacter(for: "00000000") == "0")
  }

  @Test(arguments: ["", "91350100M000100Y4", "91350100M000100Y433"])
  func aCodeOfTheWrongLengthIsRejected(text: String) {
    #expect(throws: CreditCodeError.wrongLength(found: text.count)) { try CreditCode(text) }
  }

  @Test(arguments: [
    ("91350100I000100Y43", 9, Character("I")), ("O1350100M000100Y43", 1, "O"),
    ("91350100M000100Y4Z", 18, "Z"), ("91350100M00S100Y43", 12, "S"),
    ("91350100M000V00Y43", 13, "V"), ("9135010-M000100Y43", 8, "-"),
  ])
  func anIllegalCharacterIsReportedWithItsPosition(
    text: String, position: Int, character: Character
  ) {
    #expect(throws: CreditCodeError.illegalCharacter(position: position, character: character)) {
      try CreditCode(text)
    }
  }

  @Test(arguments: ["913501A0M000100Y43", "91990100M000100Y43", "91000000M000100Y43"])
  func aDivisionThatIsNotAChineseRegionIsRejected(text: String) {
    let division = String(Array(text)[2..<8])
    #expect(throws: CreditCodeError.invalidDivisionCode(found: division)) { try CreditCode(text) }
  }

  @Test func aWrongOrganisationCheckIsReportedWithTheExpectedCharacter() {
    #expect(throws: CreditCodeError.organizationCodeCheckMismatch(expected: "4", found: "5")) {
      try CreditCode("91350100M000100Y53")
    }
  }

  @Test func aWrongCheckCharacterIsReportedWithTheExpectedCharacter() {
    #expect(throws: CreditCodeError.checkCharacterMismatch(expected: "3", found: "4")) {
      try CreditCode("91350100M000100Y44")
    }
  }

  @Test func swappingTwoDigitsIsCaught() {
    #expect(throws: CreditCodeError.self) { try CreditCode("91351000M000100Y43") }
    #expect(throws: CreditCodeError.self) { try CreditCode("19350100M000100Y43") }
  }

  @Test func errorsCarryStableCodesAndTheirArguments() {
    let error = CreditCodeError.checkCharacterMismatch(expected: "3", found: "4")
    #expect(error.code == "invalid_credit_code_check")
    #expect(error.kind == .invalidInput)
    #expect(error.arguments == ["position": "18", "expected": "3", "found": "4"])
    let character = CreditCodeError.illegalCharacter(position: 9, character: "I")
    #expect(character.code == "invalid_credit_code_character")
    #expect(character.arguments == ["position": "9", "character": "I"])
    #expect(CreditCodeError.wrongLength(found: 3).code == "invalid_credit_code_length")
  }

  @Test func decodingValidatesAndEncodingWritesTheNormalisedForm() throws {
    let decoded = try JSONDecoder().decode(
      [CreditCode].self, from: Data(#"["91350100m000100y43"]"#.utf8))
    #expect(decoded.map(\.rawValue) == ["91350100M000100Y43"])
    #expect(
      String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
        == #"["91350100M000100Y43"]"#)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([CreditCode].self, from: Data(#"["91350100M000100Y44"]"#.utf8))
    }
  }
}
