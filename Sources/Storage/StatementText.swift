/// SQL text as a dictionary key that hashes quickly: its length and the 8-byte words of its
/// first and last 48 bytes, where statements differ (the table, and the `WHERE` clause), mixed
/// by multiplication, and only that one word handed to the `Hasher`. The statement caches and
/// the tenant-scope check look up every statement a request runs, some thirty for an order;
/// hashing every byte of every text, and then the sampled bytes through the `Hasher`, were
/// each a few percent of the server's time. Equality still compares the whole text, and a
/// constant text compares with itself without reading it. The texts are the program's own,
/// not a client's, so a weak mix invites no flooding.
struct StatementText: Hashable {
  /// The statement.
  let sql: String

  /// How many bytes at each end go into the hash.
  private static let sampledBytes = 48

  func hash(into hasher: inout Hasher) {
    var text = sql
    hasher.combine(text.withUTF8 { Self.digest(UnsafeRawBufferPointer($0)) })
  }

  /// The length and sampled words of `utf8` mixed into one word.
  private static func digest(_ utf8: UnsafeRawBufferPointer) -> UInt64 {
    var digest = UInt64(truncatingIfNeeded: utf8.count) &* 0x9E37_79B9_7F4A_7C15
    func mix(_ word: UInt64) {
      digest = (digest ^ word) &* 0xFF51_AFD7_ED55_8CCD
      digest ^= digest >> 32
    }
    let words = utf8.count / 8
    let sampledWords = sampledBytes / 8
    if words <= 2 * sampledWords {
      for index in 0..<words { mix(utf8.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
    } else {
      for index in 0..<sampledWords {
        mix(utf8.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        mix(utf8.loadUnaligned(fromByteOffset: utf8.count - 8 * (index + 1), as: UInt64.self))
      }
    }
    // The bytes after the last whole word (all of a text shorter than a word).
    var rest: UInt64 = 0
    for byte in utf8[(words * 8)...] { rest = rest << 8 | UInt64(byte) }
    mix(rest)
    return digest
  }
}
