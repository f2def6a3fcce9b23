import CSodium

/// The libsodium calls the security primitives share: one-time initialisation, random bytes,
/// constant-time comparison.
enum Sodium {
  /// Whether `sodium_init()` succeeded; Swift evaluates a static `let` exactly once, even when
  /// several threads reach it first at the same time.
  private static let initialized: Bool = sodium_init() >= 0

  /// Initialises libsodium on first use (its random generator and CPU feature detection);
  /// every entry point that calls libsodium calls this first.
  static func ensureInitialized() {
    precondition(initialized, "libsodium could not be initialised")
  }

  /// `count` bytes from the operating system's secure random generator.
  static func randomBytes(_ count: Int) -> [UInt8] {
    ensureInitialized()
    var bytes = [UInt8](repeating: 0, count: count)
    randombytes_buf(&bytes, count)
    return bytes
  }

  /// Whether two byte sequences are equal, in time that depends only on their length, so a
  /// comparison with a secret does not reveal how many leading bytes matched.
  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    guard !left.isEmpty else { return true }
    return left.withUnsafeBytes { leftBytes in
      right.withUnsafeBytes { rightBytes in
        sodium_memcmp(leftBytes.baseAddress, rightBytes.baseAddress, leftBytes.count) == 0
      }
    }
  }

  /// The NUL-terminated text a libsodium function writes into a buffer of `capacity` bytes
  /// (terminator included), or `nil` when `write` reports failure.
  static func text(capacity: Int, _ write: (UnsafeMutablePointer<CChar>) -> Bool) -> String? {
    var buffer = [CChar](repeating: 0, count: capacity)
    guard buffer.withUnsafeMutableBufferPointer({ write($0.baseAddress!) }) else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Lower-case hexadecimal of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String {
    let text = text(capacity: bytes.count * 2 + 1) { buffer in
      sodium_bin2hex(buffer, bytes.count * 2 + 1, bytes, bytes.count) != nil
    }
    guard let text else { preconditionFailure("sodium_bin2hex was given too small a buffer") }
    return text
  }
}
