extension String {
  /// The text percent-encoded as UTF-8 for any part of a URI: every byte but RFC 3986's
  /// unreserved characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`, so separators such as
  /// `:`, `/`, `?`, `&` and spaces in names cannot change the URI's structure.
  var percentEncodedComponent: String {
    let hexDigits = Array("0123456789ABCDEF".utf8)
    var output: [UInt8] = []
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        output.append(byte)
      default:
        output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
