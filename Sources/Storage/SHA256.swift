import CCrypto

/// SHA-256 as lowercase hex: for checksums of migrations, fingerprints of requests, the audit
/// log's hash chain and digests of secret tokens stored instead of the tokens themselves.
///
/// Through OpenSSL, which uses the processor's SHA instructions where it has them: every
/// idempotent request hashes its body and every audit row its content, and the portable C
/// implementation spent about 45 instructions per byte on that.
public enum SHA256 {
  /// The hex digest of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let status = bytes.withUnsafeBytes { input in
      digest.withUnsafeMutableBufferPointer { output in
        EVP_Digest(
          input.baseAddress, input.count, output.baseAddress, &length, algorithm.pointer, nil)
      }
    }
    precondition(status == 1 && length == 32, "OpenSSL could not compute a SHA-256 digest")
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in digest {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  /// The hex digest of a string's UTF-8 bytes.
  public static func hex(_ text: String) -> String {
    hex(Array(text.utf8))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// OpenSSL's SHA-256, looked up once: handing `EVP_Digest` the built-in `EVP_sha256()` makes
  /// it look the implementation up again, under a lock, on every call.
  private static let algorithm: FetchedAlgorithm = {
    guard let fetched = EVP_MD_fetch(nil, "SHA256", nil) else {
      preconditionFailure("OpenSSL has no SHA-256")
    }
    return FetchedAlgorithm(pointer: fetched)
  }()

  /// The fetched algorithm, kept for the life of the process (OpenSSL's objects are safe to
  /// share between threads once fetched).
  private struct FetchedAlgorithm: @unchecked Sendable {
    let pointer: OpaquePointer
  }
}
