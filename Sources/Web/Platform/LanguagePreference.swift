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
    request.cookie(cookieName).flatMap(AppLocale.init(rawValue:))
  }

  /// Answers the language switch: remember the choice and go back to the page it was made on.
  static func switchResponse(for request: Request) throws -> Response {
    let form = try FormBody(request)
    try FormGuard.verify(request, form: form)
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
    return FlashMessages.attach(
      [Flash(.success, messageKey: "flash.locale_changed")], to: response)
  }

  /// A local path to return to; anything else (another site, a scheme) goes home instead.
  public static func safeReturnPath(_ path: String?, default fallback: String = "/") -> String {
    guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else {
      return fallback
    }
    return path
  }
}
