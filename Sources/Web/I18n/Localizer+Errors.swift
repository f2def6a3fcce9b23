public import FreightdeskCore

extension Localizer {
  /// The message for an error a person will read: catalog key `error.<code>` with the error's
  /// arguments, e.g. `error.unknown_field` with `field`. Used by both the problem+json `detail`
  /// and HTML forms, so an API client and a person see the same words.
  public func message(for error: any UserFacingError) -> String {
    self("error.\(error.code)", error.arguments)
  }

  /// The message for one broken field rule: catalog key `rule.<code>` with the rule's
  /// arguments, e.g. `rule.too_long` with `max` → `最多 20 个字符。`.
  public func message(for fieldError: FieldError) -> String {
    self("rule.\(fieldError.code)", fieldError.arguments)
  }
}
