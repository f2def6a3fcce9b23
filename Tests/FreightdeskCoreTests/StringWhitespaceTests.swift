import Testing

@testable import FreightdeskCore

@Suite struct StringWhitespaceTests {
  @Test(arguments: [
    ("  上海市/浦东新区 ", "上海市/浦东新区"), ("\t张江路 88 号\r\n", "张江路 88 号"),
    ("\u{3000}王师傅\u{3000}", "王师傅"), ("\u{00A0}服装", "服装"), ("李 女士", "李 女士"),
    ("", ""), (" \t\n\u{3000}", ""), ("x\u{3000}", "x"), ("\u{200B}x", "x"), ("x", "x"),
    ("TO-1", "TO-1"), ("a\u{0085}", "a"),
  ])
  func leadingAndTrailingWhiteSpaceIsDroppedAndInnerSpacesKept(text: String, expected: String) {
    #expect(text.trimmingWhitespace() == expected)
  }

  @Test func theTrimmedScalarsAreUnicodesWhiteSpaceAndTheZeroWidthSpace() {
    let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))
    let trimmed = scalars.filter(\.isTrimmedWhitespace)
    #expect(trimmed == scalars.filter { $0.properties.isWhitespace || $0 == "\u{200B}" })
    for scalar in trimmed {
      #expect("\(scalar)中\(scalar)x\(scalar)".trimmingWhitespace() == "中\(scalar)x")
    }
  }

  @Test func aSubstringIsTrimmedLikeAString() {
    let header = "Bearer  fdk_1_secret "
    #expect(header.dropFirst("Bearer".count).trimmingWhitespace() == "fdk_1_secret")
  }
}
