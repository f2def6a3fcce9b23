public import FreightdeskCore

extension Localizer {
  /// The message for an error a person will read: catalog key `error.<code>` with the error's
  /// arguments, e.g. `error.unknown_field` with `field`. Used by both the problem+json `detail`
  /// and HTML forms, so an API client and a person see the same words.
  public func message(for error: any UserFacingError) -> String {
    self("error.\(error.code)", readable(error.arguments, labelKeys: error.argumentLabelKeys))
  }

  /// The message for one broken field rule: catalog key `rule.<code>` with the rule's
  /// arguments, e.g. `rule.too_long` with `max` → `最多 20 个字符。`.
  public func message(for fieldError: FieldError) -> String {
    self(
      "rule.\(fieldError.code)",
      readable(fieldError.arguments, labelKeys: fieldError.argumentLabelKeys))
  }

  /// The message of a form-wide error kept in a form's state (``FieldError`` without a
  /// pointer, carrying the error's code): catalog key `error.<code>`.
  public func formMessage(for fieldError: FieldError) -> String {
    self(
      "error.\(fieldError.code)",
      readable(fieldError.arguments, labelKeys: fieldError.argumentLabelKeys))
  }

  /// `arguments` with each code that has a label key replaced by its words.
  private func readable(_ arguments: [String: String], labelKeys: [String: String])
    -> [String: String]
  {
    var readable = arguments
    for (name, key) in labelKeys { readable[name] = self(key) }
    return readable
  }
}
