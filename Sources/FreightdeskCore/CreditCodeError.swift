/// The rule of GB 32100 a typed unified social credit code breaks; the first one found is
/// reported, with what a person needs to find the typo (the position, the expected character).
public enum CreditCodeError: UserFacingError, Equatable {
  /// The code is not 18 characters long after trimming spaces.
  case wrongLength(found: Int)
  /// The character at `position` (1-based) is not a digit or one of the permitted capital
  /// letters (I, O, Z, S and V never occur).
  case illegalCharacter(position: Int, character: Character)
  /// Characters 3-8 are not a six-digit administrative division of China.
  case invalidDivisionCode(found: String)
  /// Character 17, the check of the embedded organisation code (GB 11714), is wrong.
  case organizationCodeCheckMismatch(expected: Character, found: Character)
  /// Character 18, the check over the first 17, is wrong.
  case checkCharacterMismatch(expected: Character, found: Character)

  /// The stable code naming the broken rule.
  public var code: String {
    switch self {
    case .wrongLength: "invalid_credit_code_length"
    case .illegalCharacter: "invalid_credit_code_character"
    case .invalidDivisionCode: "invalid_credit_code_division"
    case .organizationCodeCheckMismatch: "invalid_credit_code_organization_check"
    case .checkCharacterMismatch: "invalid_credit_code_check"
    }
  }

  /// Always ``ErrorKind/invalidInput``: the person typed a wrong code.
  public var kind: ErrorKind { .invalidInput }

  /// What the message quotes: the length found, the position and character, or the
  /// expected and found check characters.
  public var arguments: [String: String] {
    switch self {
    case .wrongLength(let found):
      ["length": String(CreditCode.length), "found": String(found)]
    case .illegalCharacter(let position, let character):
      ["position": String(position), "character": String(character)]
    case .invalidDivisionCode(let found): ["division": found]
    case .organizationCodeCheckMismatch(let expected, let found):
      ["position": "17", "expected": String(expected), "found": String(found)]
    case .checkCharacterMismatch(let expected, let found):
      ["position": "18", "expected": String(expected), "found": String(found)]
    }
  }
}
