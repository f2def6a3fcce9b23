/// Headers every response carries: the request id, and the browser protections (a strict
/// Content-Security-Policy with no inline script, no framing, no MIME sniffing, a
/// conservative referrer policy). Responses that set their own caching keep it; others are
/// `no-store`, since most pages show a company's private data.
enum SecurityHeaders {
  /// The Content-Security-Policy: only our own origin; map tiles may be configured later.
  static let contentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    + "form-action 'self'; frame-ancestors 'none'"

  static func apply(to response: inout Response, requestID: String) {
    response.headers.set("X-Request-ID", requestID)
    response.headers.set("Content-Security-Policy", contentSecurityPolicy)
    response.headers.set("X-Content-Type-Options", "nosniff")
    response.headers.set("X-Frame-Options", "DENY")
    response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin")
    if !response.headers.contains("Cache-Control") {
      response.headers.set("Cache-Control", "no-store")
    }
  }
}
