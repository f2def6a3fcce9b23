/// Filling and listing the `{name}` placeholders of catalog text.
///
/// A placeholder is `{` + lowercase letters, digits or `_` + `}`. Arguments are inserted as
/// plain text; escaping is the renderer's job (the HTML DSL escapes all text).
public enum Placeholders {
  /// The text with each `{name}` replaced by `arguments[name]`; a placeholder without an
  /// argument stays as written, so a missing value shows up instead of vanishing.
  public static func fill(_ template: String, with arguments: [String: String]) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var output = ""
    output.reserveCapacity(template.utf8.count + 16)
    var rest = Substring(template)
    while let (name, range) = firstPlaceholder(in: rest) {
      output += rest[..<range.lowerBound]
      output += arguments[String(name)] ?? String(rest[range])
      rest = rest[range.upperBound...]
    }
    output += rest
    return output
  }

  /// The set of placeholder names a text uses, e.g. `["field", "expected"]`.
  public static func names(in template: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(template)
    while let (name, range) = firstPlaceholder(in: rest) {
      names.insert(String(name))
      rest = rest[range.upperBound...]
    }
    return names
  }

  /// The first well-formed placeholder: its name and its range including the braces.
  private static func firstPlaceholder(in text: Substring)
    -> (name: Substring, range: Range<Substring.Index>)?
  {
    var searchStart = text.startIndex
    while let open = text[searchStart...].firstIndex(of: "{") {
      let nameStart = text.index(after: open)
      let nameEnd = text[nameStart...].firstIndex(where: { !isNameCharacter($0) }) ?? text.endIndex
      if nameEnd < text.endIndex, text[nameEnd] == "}", nameEnd > nameStart {
        return (text[nameStart..<nameEnd], open..<text.index(after: nameEnd))
      }
      searchStart = nameStart
    }
    return nil
  }

  /// Whether a character may appear in a placeholder name.
  private static func isNameCharacter(_ character: Character) -> Bool {
    ("a"..."z").contains(character) || ("0"..."9").contains(character) || character == "_"
  }
}
