import Foundation

/// The `Content-Disposition` of a download (RFC 6266).
public enum ContentDisposition {
  /// `attachment` with an ASCII fallback `filename` (other characters as `_`) and the UTF-8
  /// `filename*`, so Chinese names survive in every browser. The name must already be free
  /// of quotes, semicolons and control characters.
  public static func attachment(fileName name: String) -> String {
    let ascii = String(name.unicodeScalars.map { $0.isASCII ? Character($0) : "_" })
    let encoded =
      name.addingPercentEncoding(
        withAllowedCharacters: CharacterSet.alphanumerics.intersection(
          CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127))
        )
        .union(CharacterSet(charactersIn: "-._~"))) ?? ascii
    return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
  }
}
