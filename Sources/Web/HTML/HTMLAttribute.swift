/// An attribute of an HTML element. Values are always escaped when rendered; URL values
/// (`href`, `src`, `action`) are also checked for their scheme, so `javascript:` links cannot
/// be built from data.
///
/// Names are fixed by the constructors; the few that take a name (``data(_:_:)``,
/// ``aria(_:_:)``) accept only lowercase letters, digits and hyphens.
public struct HTMLAttribute: Sendable, Equatable {
  /// What an attribute carries.
  enum Value: Sendable, Equatable {
    /// A value, escaped when rendered.
    case text(String)
    /// A boolean attribute: written as its bare name when on, left out when off.
    case flag(Bool)
  }

  /// The attribute name.
  let name: String
  /// The value.
  let value: Value

  /// Creates an attribute with a name from the source code.
  init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }

  /// Appends ` name="value"`, ` name` for an enabled flag, or nothing for a disabled one.
  func render(into output: inout String) {
    switch value {
    case .flag(false):
      return
    case .flag(true):
      output += " "
      output += name
    case .text(let text):
      output += " "
      output += name
      output += "=\""
      HTMLEscaping.append(text, to: &output)
      output += "\""
    }
  }

  /// Whether a caller-chosen name suffix is lowercase letters, digits and hyphens.
  static func isSafeNameSuffix(_ suffix: String) -> Bool {
    !suffix.isEmpty
      && suffix.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
      }
  }
}
