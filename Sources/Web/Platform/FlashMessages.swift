import Foundation

/// One-time messages carried across a redirect ("Order saved" after a form post): the handler
/// that redirects attaches them in a short-lived cookie, the next HTML page shows them, and the
/// server clears the cookie once they were shown.
public enum FlashMessages {
  /// The cookie's name.
  static let cookieName = "fd_flash"
  /// Messages kept at most; more are dropped.
  static let messagesMax = 4
  /// The longest cookie value read, in characters.
  static let cookieCharactersMax = 2048
  /// Seconds the cookie lives if the next page never comes.
  static let cookieSeconds = 120

  /// The messages the browser brought back, or none when the cookie is absent or not ours.
  public static func read(from request: Request) -> [Flash] {
    guard let value = request.cookie(cookieName), value.count <= cookieCharactersMax,
      let data = Data(base64URL: value),
      let flashes = try? JSONDecoder().decode([Flash].self, from: data)
    else { return [] }
    return Array(flashes.filter { Catalog.isValidKey($0.messageKey) }.prefix(messagesMax))
  }

  /// `response` with `flashes` attached for the next page.
  public static func attach(_ flashes: [Flash], to response: Response) -> Response {
    var response = response
    let data = (try? JSONEncoder().encode(Array(flashes.prefix(messagesMax)))) ?? Data()
    response.headers.add(
      "Set-Cookie",
      "\(cookieName)=\(data.base64URLEncoded); Path=/; Max-Age=\(cookieSeconds); "
        + "SameSite=Lax; HttpOnly")
    return response
  }

  /// Clears the cookie when `response` is the page that shows the messages.
  static func clearIfShown(request: Request, response: inout Response) {
    guard request.cookie(cookieName) != nil, response.status == 200,
      response.headers["Content-Type"]?.hasPrefix("text/html") == true,
      !(response.headers.contains { $0.value.hasPrefix(cookieName + "=") })
    else { return }
    response.headers.add("Set-Cookie", "\(cookieName)=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly")
  }
}

extension Data {
  /// Decodes URL-safe base64 without padding.
  init?(base64URL text: String) {
    var base64 = text.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    self.init(base64Encoded: base64)
  }

  /// URL-safe base64 without padding, fit for cookies and URLs.
  var base64URLEncoded: String {
    base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}
