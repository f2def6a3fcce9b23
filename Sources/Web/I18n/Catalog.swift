import Foundation

/// The user-interface text of one language: message keys mapped to text that may contain
/// `{name}` placeholders.
///
/// Catalog files hold one `key = text` per line, sorted by key, with `#` comment lines and
/// blank lines allowed, so a change to a translation is a one-line diff. Keys are lowercase
/// ASCII letters, digits, `_` and `.` (`error.not_found`, `page.error.404.title`).
public struct Catalog: Sendable, Equatable {
  /// The text of every key.
  public let entries: [String: String]
  /// The keys in the order the file lists them, so a test can check the file stays sorted.
  public let keysInFileOrder: [String]

  /// Parses catalog text; rejects malformed lines, bad keys, empty texts and duplicate keys,
  /// naming the line.
  public init(parsing text: String) throws(CatalogParseError) {
    var entries: [String: String] = [:]
    var keys: [String] = []
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, rawLine) in lines.enumerated() {
      let line = rawLine.drop(while: { $0 == " " })
      if line.isEmpty || line.hasPrefix("#") { continue }
      let lineNumber = index + 1
      guard let separator = line.range(of: " = ") else {
        throw CatalogParseError(line: lineNumber, problem: .missingSeparator)
      }
      let key = String(line[..<separator.lowerBound])
      let value = String(line[separator.upperBound...].trimmingBlanks())
      guard Catalog.isValidKey(key) else {
        throw CatalogParseError(line: lineNumber, problem: .invalidKey(key))
      }
      guard !value.isEmpty else {
        throw CatalogParseError(line: lineNumber, problem: .emptyText(key))
      }
      guard entries.updateValue(value, forKey: key) == nil else {
        throw CatalogParseError(line: lineNumber, problem: .duplicateKey(key))
      }
      keys.append(key)
    }
    self.entries = entries
    self.keysInFileOrder = keys
  }

  /// The text for a key, or nil when this catalog lacks it.
  public subscript(key: String) -> String? { entries[key] }

  /// Whether a key is lowercase ASCII letters, digits, `_` and `.`, starting with a letter.
  static func isValidKey(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return key.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        || scalar == "."
    }
  }
}

/// Why a catalog file could not be read, with the 1-based line at fault.
public struct CatalogParseError: Error, Sendable, Equatable {
  /// What is wrong with a line.
  public enum Problem: Sendable, Equatable {
    /// The line has no ` = ` between key and text.
    case missingSeparator
    /// The key has characters other than lowercase letters, digits, `_` and `.`.
    case invalidKey(String)
    /// The key has no text.
    case emptyText(String)
    /// The key appeared on an earlier line.
    case duplicateKey(String)
  }

  /// The 1-based line number.
  public var line: Int
  /// What is wrong there.
  public var problem: Problem
}
