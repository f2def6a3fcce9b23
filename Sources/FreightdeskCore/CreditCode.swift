/// A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character number
/// every Chinese company, association and public institution is registered under, printed on
/// its business licence and on every VAT invoice it issues or receives.
///
/// A code is only ever created through validation, so holding one means every rule of the
/// standard holds: the character set, the administrative division, the embedded organisation
/// code's own check character (GB 11714) and the final check character.
///
/// ```swift
/// let code = try CreditCode(" 91350100m000100y43 ")
/// code.description          // "91350100M000100Y43"
/// code.divisionCode         // "350100"
/// ```
public struct CreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The characters a code may contain, in check-value order: digits, then capital letters
  /// without I, O, Z, S and V (which are easily mistaken for 1, 0, 2, 5 and U).
  public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  /// A code's length in characters.
  public static let length = 18

  /// Weights of the final check character: 3^i mod 31 for positions 1...17.
  private static let checkWeights: [Int] = (0..<17).map { position in
    (0..<position).reduce(1) { weight, _ in weight * 3 % 31 }
  }
  /// Weights of the GB 11714 organisation-code check over its eight body characters.
  private static let organizationCheckWeights = [3, 7, 9, 10, 5, 8, 4, 2]
  /// First two digits of the provincial divisions (GB/T 2260), plus `10` for national bodies.
  private static let provincePrefixes: Set<String> = [
    "10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
    "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
    "64", "65", "71", "81", "82",
  ]

  /// The normalised code: 18 capital letters and digits.
  public let rawValue: String

  /// Validates a code as typed by a person: surrounding spaces are ignored and lowercase
  /// letters are accepted, then every rule of GB 32100 is checked in order; the first rule
  /// broken is reported.
  public init(_ text: String) throws(CreditCodeError) {
    let characters = Array(text.trimmingSpaces().uppercased())
    guard characters.count == Self.length else {
      throw .wrongLength(found: characters.count)
    }
    for (offset, character) in characters.enumerated() where Self.value(of: character) == nil {
      throw .illegalCharacter(position: offset + 1, character: character)
    }
    let division = characters[2..<8]
    guard division.allSatisfy(\.isASCIIDigit),
      Self.provincePrefixes.contains(String(division.prefix(2)))
    else {
      throw .invalidDivisionCode(found: String(division))
    }
    let organizationCheck = Self.organizationCheckCharacter(for: characters[8..<16])
    guard characters[16] == organizationCheck else {
      throw .organizationCodeCheckMismatch(expected: organizationCheck, found: characters[16])
    }
    let check = Self.checkCharacter(for: characters[0..<17])
    guard characters[17] == check else {
      throw .checkCharacterMismatch(expected: check, found: characters[17])
    }
    rawValue = String(characters)
  }

  /// The registration authority (登记管理部门代码), e.g. `9` for market regulation.
  public var registrationAuthority: Character { Array(rawValue)[0] }
  /// The organisation type within that authority (机构类别代码), e.g. `1` for a company.
  public var organizationType: Character { Array(rawValue)[1] }
  /// The six-digit administrative division where the body registered, e.g. `350100` (福州).
  public var divisionCode: String { String(Array(rawValue)[2..<8]) }
  /// The nine-character organisation code (组织机构代码) including its own check character.
  public var organizationCode: String { String(Array(rawValue)[8..<17]) }

  /// The normalised code.
  public var description: String { rawValue }

  /// The final check character over the first 17 characters, which must all come from
  /// ``alphabet``; tests and demo data use it to build valid codes.
  public static func checkCharacter(for first17: some Collection<Character>) -> Character {
    precondition(first17.count == 17, "the check covers exactly 17 characters")
    var sum = 0
    for (weight, character) in zip(checkWeights, first17) {
      guard let value = value(of: character) else {
        preconditionFailure("\(character) is not in the credit-code alphabet")
      }
      sum += value * weight
    }
    return alphabet[(31 - sum % 31) % 31]
  }

  /// The GB 11714 check character over an organisation code's eight body characters:
  /// digits count their value and letters A=10 ... Z=35; a result of 10 is `X`, 11 is `0`.
  public static func organizationCheckCharacter(for body: some Collection<Character>)
    -> Character
  {
    precondition(body.count == 8, "an organisation code has eight body characters")
    var sum = 0
    for (weight, character) in zip(organizationCheckWeights, body) {
      guard let value = character.organizationCodeValue else {
        preconditionFailure("\(character) is not a digit or capital letter")
      }
      sum += value * weight
    }
    switch 11 - sum % 11 {
    case 10: return "X"
    case 11: return "0"
    case let digit: return Character(String(digit))
    }
  }

  /// A character's position in ``alphabet``, or nil when it may not appear in a code.
  private static func value(of character: Character) -> Int? {
    alphabet.firstIndex(of: character)
  }

  /// Decodes the normalised or typed form and validates it like ``init(_:)``.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      try self.init(text)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\(error.code): \(error.arguments)")
    }
  }

  /// Encodes the normalised form as a string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0-9 (not other scripts' digits).
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }

  /// The GB 11714 value: an ASCII digit's own value, a capital ASCII letter's A=10 ... Z=35.
  fileprivate var organizationCodeValue: Int? {
    guard let ascii = asciiValue else { return nil }
    if isASCIIDigit { return wholeNumberValue }
    return isUppercase ? Int(ascii) - 55 : nil
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and line breaks (including the
  /// full-width space U+3000 that Chinese input methods type).
  fileprivate func trimmingSpaces() -> Substring {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return self[first...last]
  }
}
