/// Escaping text for HTML content and double-quoted attribute values.
enum HTMLEscaping {
  /// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by character references;
  /// text without any of them is appended in one piece.
  static func append(_ text: String, to output: inout String) {
    guard text.utf8.contains(where: needsEscaping) else {
      output += text
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.unicodeScalars.append(scalar)
      }
    }
  }

  /// Whether a UTF-8 byte is one of the five characters that must be escaped.
  private static func needsEscaping(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"):
      true
    default:
      false
    }
  }
}
