/// Why an instance file could not be read: which line, which rule.
public struct InstanceFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The 1-based line the problem was found on (0 when it concerns the whole file).
  public var line: Int
  /// What is wrong, in one sentence.
  public var message: String

  /// Creates a format error.
  public init(line: Int, _ message: String) {
    self.line = line
    self.message = message
  }

  /// `line 12: …`, or the bare message for whole-file problems.
  public var description: String {
    line > 0 ? "line \(line): \(message)" : message
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
      throw InstanceFormatError(line: line, "\(what) '\(word)' is not a number in range")
    }
    return value
  }

  /// The whole number in `word`, or an error naming the line and what was expected.
  static func integer(_ word: Substring, line: Int, what: String) throws(InstanceFormatError)
    -> Int
  {
    let value = try number(word, line: line, what: what)
    guard value == value.rounded() else {
      throw InstanceFormatError(line: line, "\(what) '\(word)' is not a whole number")
    }
    return Int(value)
  }
}
