extension StringProtocol {
  /// The text without leading and trailing white space: exactly what Foundation's
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes (Unicode's White_Space
  /// property — spaces, tabs, line breaks, the ideographic space `U+3000` — and the
  /// zero-width space), as typed fields are kept.
  ///
  /// Pure Swift, unlike Foundation's, which goes through `NSString` and showed up in the
  /// profile of every request that validates a few fields and of every imported row.
  ///
  ///     "  上海市/浦东新区\n".trimmingWhitespace()  // "上海市/浦东新区"
  public func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    // Most fields begin and end with a visible ASCII character: nothing to trim.
    if let head = scalars.first, let tail = scalars.last, (0x21..<0x80).contains(head.value),
      (0x21..<0x80).contains(tail.value)
    {
      return String(self)
    }
    guard let first = scalars.firstIndex(where: { !$0.isTrimmedWhitespace }),
      let last = scalars.lastIndex(where: { !$0.isTrimmedWhitespace })
    else { return "" }
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex {
      return String(self)
    }
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: scalars[first...last])
    return String(kept)
  }
}

extension Unicode.Scalar {
  /// Whether trimming removes it (see ``StringProtocol/trimmingWhitespace()``).
  fileprivate var isTrimmedWhitespace: Bool {
    if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
    return properties.isWhitespace || self == "\u{200B}"
  }
}
