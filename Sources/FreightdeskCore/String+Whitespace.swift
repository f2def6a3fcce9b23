extension StringProtocol {
  /// The text without leading and trailing white space (spaces, tabs, line breaks, the
  /// ideographic space `U+3000` and the other Unicode white space), as typed fields are kept.
  ///
  /// Pure Swift, unlike Foundation's `trimmingCharacters(in:)`, which goes through `NSString`
  /// and shows up in the profile of every request that validates a few fields.
  ///
  ///     "  上海市/浦东新区\n".trimmingWhitespace()  // "上海市/浦东新区"
  public func trimmingWhitespace() -> String {
    guard let start = firstIndex(where: { !$0.isWhitespace }),
      let end = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[start...end])
  }
}
