import Web

/// The session cookie: `__Host-fd_session` with `Secure` when the site is served over TLS
/// (the prefix requires it), `fd_session` on plain HTTP (a laptop, a LAN); HttpOnly and
/// SameSite=Lax either way, scoped to the whole site.
enum SessionCookie {
  static let secureName = "__Host-fd_session"
  static let plainName = "fd_session"

  /// The session token the browser sent, under either name.
  static func value(in request: Request) -> String? {
    request.cookie(secureName) ?? request.cookie(plainName)
  }

  /// The `Set-Cookie` value that stores `token` for the browser session.
  static func set(_ token: String, secure: Bool) -> String {
    secure
      ? "\(secureName)=\(token); Path=/; Secure; HttpOnly; SameSite=Lax"
      : "\(plainName)=\(token); Path=/; HttpOnly; SameSite=Lax"
  }

  /// The `Set-Cookie` value that removes the session cookie.
  static func clear(secure: Bool) -> String {
    secure
      ? "\(secureName)=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax"
      : "\(plainName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
  }
}
