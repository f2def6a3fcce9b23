import Testing
import Web

@Suite struct RequestTests {
  @Test(arguments: [
    ("application/json", "application/json"),
    ("Application/JSON; charset=utf-8", "application/json"),
    ("  text/csv ;charset=gbk", "text/csv"),
    ("multipart/form-data; boundary=----x;y", "multipart/form-data"),
    (";charset=utf-8", ""),
    ("", ""),
  ])
  func theMediaTypeIsTheContentTypeWithoutItsParameters(header: String, expected: String) {
    let request = Request(method: .post, path: "/", headers: ["Content-Type": header])
    #expect(request.mediaType == expected)
  }

  @Test func aRequestWithoutContentTypeHasNoMediaType() {
    #expect(Request(method: .get, path: "/").mediaType == nil)
  }
}
