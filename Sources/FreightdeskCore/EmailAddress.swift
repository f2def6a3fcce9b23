/// The plausibility check every e-mail field shares: one `@`, no spaces, a dot in the domain,
/// at most 254 characters. Deliverability is only proved by sending.
public enum EmailAddress {
  /// Whether `text` looks like an e-mail address.
  public static func isPlausible(_ text: String) -> Bool {
    text.count <= 254
      && text.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil
  }
}
