import Testing

@testable import Storage

@Suite struct StatementTextTests {
  private let head = "SELECT id, name FROM customers WHERE tenant_id = $1 AND "
  private let tail = " ORDER BY created_at DESC, id DESC LIMIT 50 -- the list page's query"

  @Test func textsThatDifferOnlyWhereTheHashDoesNotLookAreStillDifferentKeys() {
    let first = StatementText(sql: head + "status = 'active'" + tail)
    let second = StatementText(sql: head + "status = 'closed'" + tail)
    #expect(first != second)
    #expect(first.hashValue == second.hashValue)
    let cache = [first: 1, second: 2]
    #expect(cache[StatementText(sql: head + "status = 'active'" + tail)] == 1)
    #expect(cache[StatementText(sql: head + "status = 'closed'" + tail)] == 2)
  }

  @Test func textsOfEveryLengthHashApartWhenTheSampledBytesDiffer() {
    // Every length from empty to past both samples, and each byte of the shorter ones on its
    // own: a change anywhere a short text has a byte, or in a sampled byte, moves the hash.
    for length in 0...120 {
      let base = [UInt8](repeating: UInt8(ascii: "a"), count: length)
      let positions = (0..<length).filter { $0 < 48 || $0 >= length - 48 }
      var texts = [base]
      for index in positions {
        texts.append(base)
        texts[texts.count - 1][index] = UInt8(ascii: "b")
      }
      let hashes = texts.map { StatementText(sql: String(decoding: $0, as: UTF8.self)).hashValue }
      #expect(Set(hashes).count == positions.count + 1, "length \(length)")
    }
  }

  @Test func equalTextsAreOneKeyWhateverTheirLength() {
    let texts = [
      "", "SELECT 1", "SELECT 12", head + tail, String(repeating: "中", count: 40),
      String(repeating: "x", count: 95), String(repeating: "x", count: 97),
    ]
    for sql in texts {
      let copy = String(decoding: Array(sql.utf8), as: UTF8.self)
      #expect(StatementText(sql: sql) == StatementText(sql: copy))
      #expect(StatementText(sql: sql).hashValue == StatementText(sql: copy).hashValue)
    }
  }
}
