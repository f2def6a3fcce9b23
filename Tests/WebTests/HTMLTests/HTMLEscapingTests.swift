import Testing

@testable import Web

@Suite struct HTMLEscapingTests {
  let scriptCanary = "<script>alert(1)</script>"
  let attributeCanary = "x\" onmouseover=\"alert(1)"

  @Test func textWithAScriptTagIsRenderedInert() {
    let html = HTML.p { scriptCanary }.render()
    #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
  }

  @Test func attributeValueCannotBreakOutOfItsQuotes() {
    let html = HTML.input(.value(attributeCanary), .data("note", "' onmouseover='x")).render()
    #expect(
      html
        == "<input value=\"x&quot; onmouseover=&quot;alert(1)\" "
        + "data-note=\"&#39; onmouseover=&#39;x\">"
    )
    #expect(!html.contains("\" onmouseover"))
  }

  @Test func allFiveSpecialCharactersAreEscapedAndOtherTextIsKept() {
    #expect(
      HTML.text("a & b < c > d \" e ' f 货运").render()
        == "a &amp; b &lt; c &gt; d &quot; e &#39; f 货运")
  }

  @Test func alreadyEscapedLookingTextIsEscapedAgain() {
    #expect(HTML.text("&lt;").render() == "&amp;lt;")
  }

  @Test func trustedRawIsInsertedAsWritten() {
    #expect(HTML.trustedRaw("<hr class=\"x\">").render() == "<hr class=\"x\">")
  }

  @Test(arguments: [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
    "vbscript:x",
  ])
  func dangerousURLSchemesBecomeAHarmlessAnchor(url: String) {
    #expect(HTML.a(.href(url)) { "x" }.render() == "<a href=\"#\">x</a>")
  }

  @Test(arguments: [
    "/app/orders?page=2", "https://example.com/a:b", "mailto:ops@example.com", "tel:+86100",
    "orders/7", "#main", "/a?next=javascript:x",
  ])
  func relativeAndOrdinaryURLsPassUnchanged(url: String) {
    #expect(safeURL(url) == url)
  }

  @Test func urlsAreStillEscapedInsideTheirQuotes() {
    let html = HTML.a(.href("/search?q=\"><script>")) { "x" }.render()
    #expect(html == "<a href=\"/search?q=&quot;&gt;&lt;script&gt;\">x</a>")
  }
}
