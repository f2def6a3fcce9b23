import Foundation

/// CSRF protection for forms shown before sign-in (sign-in, sign-up, the language switch):
/// a random token in a cookie and the same token in a hidden field; a cross-site page can
/// make the browser send the cookie but cannot read it to fill the field.
public enum FormGuard {
  /// The cookie's name.
  static let cookieName = "fd_form"
  /// The hidden field's name (the same as the session forms').
  public static let field = "csrf_token"

  /// The token for a page showing a form, and the `Set-Cookie` value to send when it is new.
  public static func token(for request: Request) -> (token: String, setCookie: String?) {
    if let existing = request.cookie(cookieName), existing.count == 43 {
      return (existing, nil)
    }
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let token = Data(bytes).base64URLEncoded
    return (token, "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict")
  }

  /// Throws `csrf_rejected` unless the form's token matches the cookie's.
  public static func verify(_ request: Request, form: FormBody) throws {
    guard let cookie = request.cookie(cookieName), let sent = form[field],
      constantTimeEqual(cookie, sent)
    else { throw AuthenticationError.csrfRejected }
  }

  /// Compares two strings in time that depends only on their lengths.
  static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}

extension Response {
  /// This response with `cookie` set, when there is one.
  public func setting(cookie: String?) -> Response {
    guard let cookie else { return self }
    var copy = self
    copy.headers.add("Set-Cookie", cookie)
    return copy
  }
}
