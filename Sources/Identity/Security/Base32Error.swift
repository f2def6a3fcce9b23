public import FreightdeskCore

/// Why a text is not valid base32.
public enum Base32Error: UserFacingError, Equatable {
  /// A character outside `A–Z`, `a–z`, `2–7`, space and trailing `=`.
  case invalidCharacter
  /// A number of symbols no encoding produces (1, 3 or 6 past a multiple of 8).
  case invalidLength
  /// The bits past the last whole byte are not zero, so this is not a canonical encoding.
  case nonZeroTrailingBits

  /// Always `base32_invalid`: the reasons differ only for the log, not for the reader.
  public var code: String { "base32_invalid" }

  /// Always ``ErrorKind/invalidInput``.
  public var kind: ErrorKind { .invalidInput }
}
