/// One entry of an `Accept-Language` header: a language tag and how much the browser wants it.
public struct LanguageRange: Sendable, Equatable {
  /// The tag as sent, e.g. `zh-CN`, `en`, or `*`.
  public var tag: String
  /// The quality value `q` in thousandths (RFC 9110 allows three decimals): 1000 is `q=1`.
  /// Integers keep the ordering exact.
  public var qualityThousandths: Int

  /// Creates a range.
  public init(tag: String, qualityThousandths: Int) {
    self.tag = tag
    self.qualityThousandths = qualityThousandths
  }
}

/// Reading the `Accept-Language` request header (RFC 9110 §12.5.4).
public enum AcceptLanguage {
  /// The most ranges read from one header; a longer header is read only this far,
  /// so a hostile header costs bounded work.
  public static let rangesMax = 32

  /// The acceptable ranges of a header, most wanted first; ranges with equal quality keep
  /// the order the browser sent them in. Ranges with `q=0` ("not acceptable") and malformed
  /// entries are left out.
  ///
  /// `"en-US,en;q=0.9,zh-CN;q=0.8"` gives `en-US` (1000), `en` (900), `zh-CN` (800).
  public static func ranges(in header: String) -> [LanguageRange] {
    var ranges: [LanguageRange] = []
    // `maxSplits` keeps the split itself bounded; the unsplit remainder is dropped.
    for entry in header.split(separator: ",", maxSplits: rangesMax).prefix(rangesMax) {
      let parts = entry.split(separator: ";").map { $0.trimmingBlanks() }
      guard let tag = parts.first, isLanguageTag(tag) else { continue }
      var quality = 1000
      for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
        quality = qualityThousandths(parameter.dropFirst(2)) ?? 0
      }
      if quality > 0 { ranges.append(LanguageRange(tag: String(tag), qualityThousandths: quality)) }
    }
    let indexed = ranges.enumerated()
    let sorted = indexed.sorted { left, right in
      if left.element.qualityThousandths != right.element.qualityThousandths {
        return left.element.qualityThousandths > right.element.qualityThousandths
      }
      return left.offset < right.offset
    }
    return sorted.map(\.element)
  }

  /// The locale a header asks for most, or nil when it names no language we have.
  public static func preferredLocale(in header: String) -> AppLocale? {
    for range in ranges(in: header) {
      if let locale = AppLocale(languageTag: range.tag) { return locale }
    }
    return nil
  }

  /// Whether a token is `*` or ASCII letters, digits, hyphens and underscores of plausible
  /// length (a BCP 47 tag is at most 35 characters in practice).
  private static func isLanguageTag(_ token: Substring) -> Bool {
    if token == "*" { return true }
    guard !token.isEmpty, token.count <= 35 else { return false }
    return token.unicodeScalars.allSatisfy { scalar in
      scalar == "-" || scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic)
        || ("0"..."9").contains(scalar)
    }
  }

  /// Parses `0`, `0.8`, `1`, `1.000` into thousandths; nil for anything else.
  private static func qualityThousandths(_ text: Substring) -> Int? {
    let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
    guard pieces.count <= 2, let whole = pieces.first, whole == "0" || whole == "1" else {
      return nil
    }
    let fraction = pieces.count == 2 ? pieces[1] : ""
    guard fraction.count <= 3, fraction.allSatisfy({ ("0"..."9").contains($0) }) else {
      return nil
    }
    let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
    let value = (whole == "1" ? 1000 : 0) + (Int(padded) ?? 0)
    return value <= 1000 ? value : nil
  }
}
