import FreightdeskCore
import Testing

@testable import Web

@Suite struct APIHelperTests {
  @Test func aCursorRoundTripsAndRejectsForgeries() throws {
    let cursor = Cursor(keys: ["1796342400000", "42"])
    #expect(try Cursor(token: cursor.token) == cursor)
    #expect(!cursor.token.contains("="))
    #expect(throws: HTTPError.invalidCursor) { try Cursor(token: "not base64 at all!") }
    #expect(throws: HTTPError.invalidCursor) { try Cursor(token: "e30") }
  }

  @Test func aPageKnowsWhetherAnotherFollows() {
    let full = Page(fetched: [1, 2, 3], limit: 2) { Cursor(keys: [String($0)]) }
    #expect(full.items == [1, 2])
    #expect(full.nextCursor == Cursor(keys: ["2"]).token)
    let last = Page(fetched: [1, 2], limit: 2) { Cursor(keys: [String($0)]) }
    #expect(last.nextCursor == nil)
  }

  @Test func ifMatchAcceptsTheCurrentTagOrAStar() throws {
    let current = EntityTag("7")
    let matching = Request(method: .put, path: "/", headers: ["If-Match": "\"6\", \"7\""])
    try EntityTag.requireMatch(matching, current: current)
    try EntityTag.requireMatch(
      Request(method: .put, path: "/", headers: ["If-Match": "*"]), current: current)
    #expect(throws: HTTPError.preconditionFailed) {
      try EntityTag.requireMatch(
        Request(method: .put, path: "/", headers: ["If-Match": "\"6\""]), current: current)
    }
    #expect(throws: HTTPError.preconditionRequired) {
      try EntityTag.requireMatch(Request(method: .put, path: "/"), current: current)
    }
  }

  @Test func formBodiesDecodePlusAndPercentEscapes() {
    let form = FormBody(encoded: "name=%E7%A4%BA%E4%BE%8B+%E7%89%A9%E6%B5%81&tag=a&tag=b&empty=")
    #expect(form["name"] == "示例 物流")
    #expect(form.values("tag") == ["a", "b"])
    #expect(form["empty"] == "")
    #expect(form["missing"] == nil)
  }

  @Test func jsonTextEscapesControlCharactersAndQuotes() {
    #expect(JSONText.quoted("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    #expect(JSONText.quoted("物流") == "\"物流\"")
  }

  @Test func metricsRenderCumulativeBuckets() {
    let metrics = Metrics()
    metrics.record(route: "/x", method: "GET", status: 200, durationSeconds: 0.002)
    metrics.record(route: "/x", method: "GET", status: 200, durationSeconds: 0.2)
    metrics.record(route: "/x", method: "GET", status: 200, durationSeconds: 0.019)
    let text = metrics.render()
    #expect(
      text.contains(
        #"freightdesk_http_request_duration_seconds_bucket{route="/x",method="GET",status="200",le="0.0025"} 1"#
      ))
    #expect(text.contains(#"le="0.015"} 1"#))
    #expect(text.contains(#"le="0.02"} 2"#))
    #expect(text.contains(#"le="0.25"} 3"#))
    #expect(text.contains(#"le="+Inf"} 3"#))
    #expect(Metrics.labelValue("a\"b") == #""a\"b""#)
  }

  @Test func requestIDsFromClientsAreKeptOnlyWhenHarmless() {
    #expect(RequestID.accept("abc-123_x.y:z") == "abc-123_x.y:z")
    #expect(RequestID.accept("a b") == nil)
    #expect(RequestID.accept(String(repeating: "a", count: 129)) == nil)
    #expect(RequestID.generate().count == 16)
  }

  @Test func languageReturnPathsStayOnThisSite() {
    #expect(LanguagePreference.safeReturnPath("/app/orders?x=1") == "/app/orders?x=1")
    #expect(LanguagePreference.safeReturnPath("//evil.example") == "/")
    #expect(LanguagePreference.safeReturnPath("https://evil.example") == "/")
    #expect(LanguagePreference.safeReturnPath(nil) == "/")
  }
}
