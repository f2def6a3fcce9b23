import Foundation
import Glibc

/// The character encodings a CSV file arrives in, and turning its bytes into text.
///
/// Excel on Chinese Windows saves "CSV" in the system code page, GBK; with "CSV UTF-8" it
/// writes UTF-8 with a byte-order mark; "Unicode text" is UTF-16 with a byte-order mark.
/// A file that is valid UTF-8 is taken as UTF-8 (GBK text of any length is almost never
/// valid UTF-8); anything else is decoded as GB18030, the superset of GBK.
public enum TextEncoding: String, Sendable, Equatable {
  /// UTF-8, with or without a byte-order mark.
  case utf8
  /// UTF-16 (either byte order), recognised by its byte-order mark.
  case utf16
  /// GB18030, which includes GBK and GB2312.
  case gb18030

  /// Detects the encoding of `bytes` and decodes them, without the byte-order mark.
  static func decode(_ bytes: Data) throws(SpreadsheetError) -> (TextEncoding, String) {
    let utf8Mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    if bytes.starts(with: utf8Mark) {
      guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
        throw .unknownEncoding
      }
      return (.utf8, text)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      guard let text = String(data: bytes, encoding: .utf16) else { throw .unknownEncoding }
      return (.utf16, text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return (.utf8, text)
    }
    return (.gb18030, try decodeGB18030(bytes))
  }

  /// Decodes GB18030 bytes with glibc's iconv; a byte sequence GB18030 does not define is
  /// an ``SpreadsheetError/unknownEncoding``.
  static func decodeGB18030(_ bytes: Data) throws(SpreadsheetError) -> String {
    let converter = iconv_open("UTF-8", "GB18030")
    guard let converter, converter != iconv_t(bitPattern: -1) else { throw .unknownEncoding }
    defer { iconv_close(converter) }
    // Every GB18030 character of 1, 2 or 4 bytes becomes at most 4 bytes of UTF-8.
    let outputCapacity = bytes.count * 2 + 4
    var output = [UInt8](repeating: 0, count: outputCapacity)
    var input = [UInt8](bytes)
    let written = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
        var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
          inputBuffer.baseAddress
        )?.assumingMemoryBound(to: CChar.self)
        var inputLeft = inputBuffer.count
        var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
          outputBuffer.baseAddress
        )?.assumingMemoryBound(to: CChar.self)
        var outputLeft = outputBuffer.count
        let result = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
        guard result != -1, inputLeft == 0 else { return nil }
        return outputBuffer.count - outputLeft
      }
    }
    guard let written else { throw .unknownEncoding }
    return String(decoding: output[..<written], as: UTF8.self)
  }
}
