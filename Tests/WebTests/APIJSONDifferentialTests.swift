import FreightdeskCore
import TestSupport
import Testing
import Web

/// Problem details and pages through ``CompactJSONEncoder`` and ``JSONValueDecoder`` give what
/// Foundation's encoder and decoder give.
@Suite struct APIJSONDifferentialTests {
  private static let problem = #"""
    {"type": "urn:freightdesk:problem:validation_failed", "title": "请求无效", "status": 422,
     "detail": "有 2 处需要修改", "code": "validation_failed", "instance": "/api/v1/orders",
     "request_id": "r-1/2", "errors": [
       {"pointer": "/cargo/1/weight_kg", "code": "wrong_type", "detail": "应为数字"},
       {"pointer": "/stops/0/windows", "code": "required", "detail": "必填 \"窗口\""}]}
    """#

  @Test func problemDetailsEncodeToFoundationsBytes() throws {
    let tree = try #require(JSONValue.parse(Array(Self.problem.utf8)))
    let problem = try JSONValueDecoder().decode(ProblemDetails.self, from: tree)
    #expect(
      JSONDifferential.compactEncoding(problem) == JSONDifferential.foundationEncoding(problem))
    let page = try JSONValueDecoder().decode(
      Page<ProblemDetails>.self, from: .object([("items", .array([tree, tree]))]))
    #expect(JSONDifferential.compactEncoding(page) == JSONDifferential.foundationEncoding(page))
  }

  @Test(arguments: 0..<40)
  func mistypedPagesFailAsJSONDecoderFails(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let tree = try #require(JSONValue.parse(Array(Self.problem.utf8)))
    let page = JSONValue.object([("items", .array([tree])), ("next_cursor", "abc")])
    let text = JSONDifferential.mutated(page, using: &generator).serialized
    #expect(
      JSONDifferential.treeDecoding(Page<ProblemDetails>.self, text)
        == JSONDifferential.foundationDecoding(Page<ProblemDetails>.self, text))
  }
}
