import Foundation
import FreightdeskCore
import Storage
import Web

/// Builds the signed-in context for `/app`, `/portal` and `/api/v1` from a session cookie or an
/// API token, and enforces what every such route needs: the route's permission, CSRF
/// protection for cookie-authenticated changes, the portal for customers only, read-only
/// companies after the trial, and two-factor set-up where the company requires it.
struct IdentityAuthenticator: Authenticator {
  let service: IdentityService

  func authenticate(_ request: Request, _ context: RequestContext) throws -> AuthenticatedContext {
    var authenticated: AuthenticatedContext
    if let bearer = Self.bearerToken(request) {
      authenticated = try service.authenticateAPIToken(bearer, context: context)
    } else if let cookie = SessionCookie.value(in: request) {
      authenticated = try service.authenticateSession(cookie, context: context)
      if request.method.isUnsafe {
        try CSRFCheck.verify(request, expected: authenticated.csrfToken ?? "")
      }
    } else {
      throw AuthenticationError.unauthenticated
    }
    try enforceArea(request.path, authenticated)
    try enforcePermission(context.operation?.permission, authenticated)
    if authenticated.isReadOnly && request.method.isUnsafe
      && context.operation?.permission != IdentityPermission.trialExtend
    {
      throw AuthenticationError.tenantReadOnly
    }
    return authenticated
  }

  private func enforceArea(_ path: String, _ context: AuthenticatedContext) throws {
    let isCustomer = context.roles.contains(BuiltinRole.customer.rawValue)
    let staffArea = path.hasPrefix("/app")
    let portalArea = path.hasPrefix("/portal")
    if (isCustomer && staffArea) || (!isCustomer && portalArea) {
      throw AuthenticationError.forbidden(permission: isCustomer ? "staff" : "customer")
    }
  }

  private func enforcePermission(_ permission: Permission?, _ context: AuthenticatedContext)
    throws
  {
    guard let permission, permission != .signedIn, permission != .public else { return }
    guard context.can(permission) else {
      Log.event(
        "permission_denied", level: .warning,
        [
          "request_id": context.request.requestID, "tenant": context.tenant.description,
          "user": context.user.description, "permission": permission.name,
          "route": context.request.operation?.id ?? "",
        ])
      throw AuthenticationError.forbidden(permission: permission.name)
    }
  }

  static func bearerToken(_ request: Request) -> String? {
    guard let header = request.headers["Authorization"], header.hasPrefix("Bearer ") else {
      return nil
    }
    return header.dropFirst("Bearer ".count).trimmingWhitespace()
  }
}

/// Cross-site request forgery protection for cookie-authenticated changes: form posts carry
/// the session's synchronizer token; JSON calls must be JSON and come from this site's origin.
enum CSRFCheck {
  /// The form field carrying the token.
  static let field = "csrf_token"

  static func verify(_ request: Request, expected: String) throws {
    switch request.mediaType {
    case "application/x-www-form-urlencoded", "multipart/form-data":
      let form = try FormBody(request)
      guard let sent = form[field], TokenDigest.equal(sent, expected) else {
        throw AuthenticationError.csrfRejected
      }
    case "application/json":
      guard let origin = request.headers["Origin"], let host = request.headers["Host"],
        let originHost = URL(string: origin)?.hostWithPort, originHost == host
      else { throw AuthenticationError.csrfRejected }
    default:
      guard let sent = request.headers["X-CSRF-Token"], TokenDigest.equal(sent, expected) else {
        throw AuthenticationError.csrfRejected
      }
    }
  }
}

extension URL {
  /// `host:port` as a `Host` header carries it (port only when explicit).
  var hostWithPort: String? {
    guard let host else { return nil }
    return port.map { "\(host):\($0)" } ?? host
  }
}
