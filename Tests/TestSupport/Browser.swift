import Foundation

/// A person's browser for page tests: it keeps cookies, reads the CSRF token from the last
/// page, submits forms with it, and can follow redirects, so tests walk the same flows a
/// person clicks through.
public final class Browser: @unchecked Sendable {
  /// The client it speaks through.
  public let client: HTTPClient
  /// Cookies by name.
  public private(set) var cookies: [String: String] = [:]
  /// The last page received.
  public private(set) var page: HTTPClient.Response?
  /// The `Accept-Language` it sends.
  public var acceptLanguage = "zh-CN,zh;q=0.9"

  /// A browser for the server behind `client`.
  public init(_ client: HTTPClient) {
    self.client = client
  }

  /// Loads a page.
  @discardableResult
  public func get(_ path: String) throws -> HTTPClient.Response {
    try keep(client.send("GET", path, headers: headers()))
  }

  /// Submits a form to `path` with `fields` and the CSRF token of the last page.
  @discardableResult
  public func submit(_ path: String, _ fields: [(String, String)], csrf: Bool = true) throws
    -> HTTPClient.Response
  {
    var all = fields
    if csrf, let token = csrfToken { all.append(("csrf_token", token)) }
    let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    var sent = headers()
    sent["Content-Type"] = "application/x-www-form-urlencoded"
    return try keep(client.send("POST", path, headers: sent, body: Array(body.utf8)))
  }

  /// Submits a `multipart/form-data` form with one file, as a browser's file upload does.
  @discardableResult
  public func upload(
    _ path: String, fields: [(String, String)] = [],
    file: (field: String, filename: String, contentType: String, bytes: [UInt8])
  ) throws -> HTTPClient.Response {
    let boundary = "----freightdesk-test-\(UUID().uuidString)"
    var body: [UInt8] = []
    var all = fields
    if let token = csrfToken { all.append(("csrf_token", token)) }
    for (name, value) in all {
      body += Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8
      )
    }
    body += Array(
      ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; "
        + "filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n").utf8)
    body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
    var sent = headers()
    sent["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
    return try keep(client.send("POST", path, headers: sent, body: body))
  }

  /// Follows a redirect answer with a `GET` of its location.
  @discardableResult
  public func follow(_ response: HTTPClient.Response) throws -> HTTPClient.Response {
    guard (300..<400).contains(response.status), let location = response.headers["location"]
    else { return response }
    return try get(location)
  }

  /// The hidden CSRF field's value on the last page.
  public var csrfToken: String? {
    guard let text = page?.text,
      let range = text.range(of: #"name="csrf_token" value=""#)
    else { return nil }
    let rest = text[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }

  private func headers() -> [String: String] {
    var headers = ["Accept": "text/html", "Accept-Language": acceptLanguage]
    if !cookies.isEmpty {
      headers["Cookie"] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: "; ")
    }
    return headers
  }

  private func keep(_ response: HTTPClient.Response) -> HTTPClient.Response {
    for cookie in response.setCookies {
      let attributes = cookie.split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard let pair = attributes.first?.split(separator: "=", maxSplits: 1),
        let name = pair.first.map(String.init)
      else { continue }
      let value = pair.count > 1 ? String(pair[1]) : ""
      if value.isEmpty || attributes.contains("Max-Age=0") {
        cookies[name] = nil
      } else {
        cookies[name] = value
      }
    }
    if response.headers["content-type"]?.hasPrefix("text/html") == true { page = response }
    return response
  }

  private static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}
