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
  @inlinable public func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isTrimmedWhitespace }),
      let last = scalars.lastIndex(where: { !$0.isTrimmedWhitespace })
    else { return "" }
    let end = scalars.index(after: last)
    if first == startIndex && end == endIndex { return String(self) }
    return String(self[first..<end])
  }
}

extension Unicode.Scalar {
  /// Whether trimming removes it (see ``StringProtocol/trimmingWhitespace()``): the scalars
  /// of Unicode's White_Space property, a list Unicode has kept unchanged since 2008, and the
  /// zero-width space. Spelled out because asking the scalar's properties took a table
  /// lookup of about a thousand instructions for every Chinese character at a field's ends;
  /// inlinable, like the trimming, so callers in other modules get it specialized.
  @usableFromInline var isTrimmedWhitespace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }
}
