import Foundation
import Testing

@testable import CRM

/// CRM trims input without Foundation's bridging, and must trim exactly what Foundation's
/// `.whitespacesAndNewlines` does.
@Suite struct TrimmingTests {
  @Test(arguments: [
    "", " ", "\u{3000}\u{A0}\t\n", "福州顺达", "  福州顺达物流有限公司\u{3000}", "\u{85}a b\u{2028}",
    "\r\n王经理\u{2029}", "\u{200B}零宽\u{200B}", "x\u{202F}", "\u{1680}y\u{205F}", "Z\u{0B}\u{0C}",
    "\u{180E}m\u{FEFF}",
  ])
  func trimmingMatchesFoundation(text: String) {
    #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
