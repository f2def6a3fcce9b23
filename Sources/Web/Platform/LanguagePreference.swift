import Foundation
import FreightdeskCore

/// The language a visitor chose with the switch in the top bar, kept in a cookie so it holds
/// before sign-in too; a signed-in user's saved preference takes over once identity exists.
public enum LanguagePreference {
  /// The cookie's name.
  public static let cookieName = "fd_locale"
  /// How long the choice is remembered.
  static let cookieSeconds = 365 * 24 * 3600

  /// The locale chosen through the cookie, if any.
  public static func chosen(in request: Request) -> AppLocale? {
    guard let header = request.headers["Cookie"] else { return nil }
    for pair in header.split(separator: ";") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if parts.count == 2, parts[0] == cookieName {
        return AppLocale(rawValue: parts[1])
      }
    }
    return nil
  }

  /// Answers the language switch: remember the choice and go back to the page it was made on.
  static func switchResponse(for request: Request) throws -> Response {
    let form = try FormBody(request)
    guard let tag = form[Layout.LanguageSwitchForm.localeField],
      let locale = AppLocale(rawValue: tag)
    else {
      throw ValidationFailure(
        pointer: "/\(Layout.LanguageSwitchForm.localeField)", code: "invalid_format")
    }
    var response = Response.redirect(
      to: safeReturnPath(form[Layout.LanguageSwitchForm.returnToField]))
    response.headers.add(
      "Set-Cookie",
      "\(cookieName)=\(locale.rawValue); Path=/; Max-Age=\(cookieSeconds); SameSite=Lax; HttpOnly")
    return response
  }

  /// A local path to return to; anything else (another site, a scheme) goes home instead.
  static func safeReturnPath(_ path: String?) -> String {
    guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else {
      return "/"
    }
    return path
  }
}
