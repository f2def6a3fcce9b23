extension AppLocale {
  /// The locale a page is shown in, decided in this order: the user's saved preference,
  /// then the browser's `Accept-Language` header, then the tenant's default, then
  /// ``fallback`` (Simplified Chinese).
  ///
  /// Pure, so the request layer can call it with whatever it knows: an anonymous visitor has
  /// no preference, a background job has no header.
  public static func resolve(
    userPreference: AppLocale?, acceptLanguage: String?, tenantDefault: AppLocale?
  ) -> AppLocale {
    if let userPreference { return userPreference }
    if let acceptLanguage, let asked = AcceptLanguage.preferredLocale(in: acceptLanguage) {
      return asked
    }
    return tenantDefault ?? fallback
  }
}
