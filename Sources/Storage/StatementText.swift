/// SQL text as a dictionary key that hashes quickly: its length and its first and last bytes,
/// where statements differ (the table, and the `WHERE` clause). The statement caches and the
/// tenant-scope check look up every statement a request runs, some thirty for an order, and
/// hashing every byte of every text was a few percent of the server's time. Equality still
/// compares the whole text, and a constant text compares with itself without reading it.
struct StatementText: Hashable {
  /// The statement.
  let sql: String

  /// How many bytes at each end go into the hash.
  private static let sampledBytes = 48

  func hash(into hasher: inout Hasher) {
    var text = sql
    text.withUTF8 { utf8 in
      hasher.combine(utf8.count)
      guard utf8.count > 2 * Self.sampledBytes else {
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return
      }
      let first = UnsafeBufferPointer(rebasing: utf8[..<Self.sampledBytes])
      let last = UnsafeBufferPointer(rebasing: utf8[(utf8.count - Self.sampledBytes)...])
      hasher.combine(bytes: UnsafeRawBufferPointer(first))
      hasher.combine(bytes: UnsafeRawBufferPointer(last))
    }
  }
}
