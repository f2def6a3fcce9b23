/// A field a record can be imported into, with the column titles people give it.
///
/// ```swift
/// let creditCode = ImportField(
///   "credit_code", aliases: ["统一社会信用代码", "信用代码", "Credit code", "USCC"])
/// ```
public struct ImportField: Sendable, Equatable {
  /// The stable field name the validator reads, e.g. `credit_code`.
  public var key: String
  /// Column titles that mean this field, in any language; matched ignoring case, spaces,
  /// punctuation and full-width forms.
  public var aliases: [String]
  /// True when an import without a column for this field makes no sense.
  public var isRequired: Bool

  /// Creates a field.
  public init(_ key: String, aliases: [String], isRequired: Bool = false) {
    self.key = key
    self.aliases = aliases
    self.isRequired = isRequired
  }
}
