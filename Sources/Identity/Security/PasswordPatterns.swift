/// The rules that recognise a guessable password besides the list in ``CommonPasswords``.
///
/// Every rule reads the folded password (NFKC, lower case), so `ＰＡＳＳＷＯＲＤ` typed in
/// full-width mode is as common as `password`.
enum PasswordPatterns {
  /// Units this short repeated (`abab`, `xy9!xy9!`) are guessable whatever the unit.
  private static let repeatedUnitCharactersMax = 4
  /// Texts shorter than this are not called a run or a keyboard walk, and cores shorter than
  /// this are not judged alone (or the `x` of `x8472916` would count as a repeat).
  private static let patternCharactersMin = 3

  /// Walks along a US keyboard, the layout Chinese keyboards share: rows, columns top-down
  /// and bottom-up, and alternating between the digit and letter rows. A password that is
  /// part of one, forwards or backwards, is a walk.
  private static let keyboardWalks = [
    "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "qazwsxedcrfvtgbyhnujmik,ol.p;/",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
  ].flatMap { [$0, String($0.reversed())] }

  /// Shifted keys and the key they are on, so `!qaz@wsx` is the walk `1qaz2wsx`.
  private static let unshifted: [Character: Character] = Dictionary(
    uniqueKeysWithValues: zip("~!@#$%^&*()_+{}|:\"<>?", "`1234567890-=[]\\;',./"))

  /// Digits and symbols people put in place of letters, so `p@ssw0rd` is `password`.
  private static let letterSubstitutes: [Character: Character] = [
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
  ]

  /// Whether a folded password is common or built on a guessable pattern: whole; in its core
  /// (what is left after removing the digits and symbols around it, `admin` in `admin2024!`);
  /// or, when the letters are too few to judge, in what is left without them (`a1234567`).
  static func isGuessable(_ folded: String) -> Bool {
    if isWeak(folded) || isDate(folded) { return true }
    let core = String(folded.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
    if core.count >= patternCharactersMin { return core != folded && isWeak(core) }
    let rest = String(folded.filter { !$0.isLetter })
    return rest != folded && (isWeak(rest) || isDate(rest))
  }

  /// Whether a text is on the list (as typed or with letter substitutes undone), a repeat, a
  /// run or a keyboard walk.
  private static func isWeak(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let plain = String(text.map { letterSubstitutes[$0] ?? $0 })
    return CommonPasswords.entries.contains(text) || CommonPasswords.entries.contains(plain)
      || isRepeat(scalars) || isRun(scalars) || isKeyboardWalk(text)
  }

  /// Whether the text is one unit written twice or more, and the unit is short or weak itself
  /// (`aaaaaaaa`, `abcabcabc`, `passwordpassword`).
  private static func isRepeat(_ scalars: [Unicode.Scalar]) -> Bool {
    let count = scalars.count
    for unitLength in 1..<max(count, 1) where count % unitLength == 0 {
      let unit = scalars[..<unitLength]
      let repeats = stride(from: 0, to: count, by: unitLength).allSatisfy {
        scalars[$0..<$0 + unitLength].elementsEqual(unit)
      }
      if repeats {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: unit)
        return unitLength <= repeatedUnitCharactersMax || isWeak(String(text))
      }
    }
    return false
  }

  /// Whether each character follows the one before, all upwards or all downwards:
  /// `abcdefgh`, `87654321`, and `7890123` with digits wrapping around.
  private static func isRun(_ scalars: [Unicode.Scalar]) -> Bool {
    guard scalars.count >= patternCharactersMin else { return false }
    return [1, -1].contains { direction in
      zip(scalars, scalars.dropFirst()).allSatisfy { follows($1, $0, by: direction) }
    }
  }

  /// Whether `next` is `previous` plus `direction`, digits wrapping from 9 to 0 and back.
  private static func follows(_ next: Unicode.Scalar, _ previous: Unicode.Scalar, by direction: Int)
    -> Bool
  {
    let digits = Unicode.Scalar("0").value...Unicode.Scalar("9").value
    if digits.contains(next.value) && digits.contains(previous.value) {
      let step = (Int(next.value) - Int(previous.value) + 10) % 10
      return step == (direction + 10) % 10
    }
    return Int(next.value) - Int(previous.value) == direction
  }

  /// Whether the text, shifted keys read as unshifted, is part of a keyboard walk.
  private static func isKeyboardWalk(_ text: String) -> Bool {
    guard text.count >= patternCharactersMin else { return false }
    let keys = String(text.map { unshifted[$0] ?? $0 })
    return keyboardWalks.contains { $0.contains(keys) }
  }

  /// Whether the text is a date written `YYYYMMDD` in 1900–2099, a birthday or anniversary.
  private static func isDate(_ text: String) -> Bool {
    guard text.count == 8, text.allSatisfy(\.isASCII), let number = Int(text) else {
      return false
    }
    let (year, month, day) = (number / 10_000, number / 100 % 100, number % 100)
    return (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
  }
}
