/// Writes an audit entry's changed fields as a JSON object with sorted keys, the form
/// ``AuditEntry`` asks for.
///
/// It writes what Foundation's `JSONEncoder` writes with sorted keys and unescaped slashes
/// (quotes, backslashes and control characters escaped, everything else as UTF-8), without
/// its generic machinery: an import records two entries per customer, and encoding them was
/// most of its time.
///
/// ```swift
/// AuditFieldsJSON.text(["name": "顺达", "status": "active"])
/// // {"name":"顺达","status":"active"}
/// ```
enum AuditFieldsJSON {
  /// `fields` as one JSON object, keys in ascending order.
  static func text(_ fields: [String: String]) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "{")]
    for (index, key) in fields.keys.sorted().enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(key, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      append(fields[key] ?? "", to: &bytes)
    }
    bytes.append(UInt8(ascii: "}"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `text` as a JSON string literal.
  private static func append(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
      case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0..<0x20:
        bytes += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
