/// Why an instance file could not be read: which file or line, which rule.
public enum InstanceFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be opened or is not UTF-8 text of acceptable size.
  case fileUnreadable(path: String, reason: String)
  /// The content breaks the format on the 1-based `line` (0 when it concerns the whole file).
  case malformed(line: Int, reason: String)

  /// `line 12: …`, or the bare reason for whole-file problems.
  public var description: String {
    switch self {
    case .fileUnreadable(let path, let reason): "cannot read \(path): \(reason)"
    case .malformed(let line, let reason): line > 0 ? "line \(line): \(reason)" : reason
    }
  }
}

/// Splits instance text into numbered, trimmed, non-empty lines of whitespace-separated words.
struct InstanceLines {
  /// One non-empty line with its 1-based number.
  struct Line {
    var number: Int
    var words: [Substring]
  }

  let lines: [Line]

  init(_ text: String) {
    var lines: [Line] = []
    var number = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if !words.isEmpty { lines.append(Line(number: number, words: words)) }
    }
    self.lines = lines
  }

  /// The number in `word`, or an error naming the line and what was expected.
  static func number(_ word: Substring, line: Int, what: String) throws(InstanceFormatError)
    -> Double
  {
    guard let value = Double(word), value.isFinite, abs(value) <= Limits.valueMagnitudeMax else {
      throw InstanceFormatError.malformed(
        line: line, reason: "\(what) '\(word)' is not a number in range")
    }
    return value
  }

  /// The whole number in `word`, or an error naming the line and what was expected.
  static func integer(_ word: Substring, line: Int, what: String) throws(InstanceFormatError)
    -> Int
  {
    let value = try number(word, line: line, what: what)
    guard value == value.rounded() else {
      throw InstanceFormatError.malformed(
        line: line, reason: "\(what) '\(word)' is not a whole number")
    }
    return Int(value)
  }
}
