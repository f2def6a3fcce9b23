/// Request ids: the client's own when it sent a sane one (so a trace spans systems), otherwise
/// 16 random hex digits.
enum RequestID {
  /// `header` when it is 1...128 characters of letters, digits, `-`, `_`, `.` or `:`.
  static func accept(_ header: String?) -> String? {
    guard let header, !header.isEmpty, header.count <= Limits.requestKeyCharactersMax else {
      return nil
    }
    let allowed = header.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "-_.:".unicodeScalars.contains(scalar))
    }
    return allowed ? header : nil
  }

  /// A fresh random id.
  static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let value = generator.next() as UInt64
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
