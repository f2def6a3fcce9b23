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

  @Test func equalTextsAreOneKeyWhateverTheirLength() {
    for sql in ["", "SELECT 1", head + tail, String(repeating: "中", count: 40)] {
      let copy = String(decoding: Array(sql.utf8), as: UTF8.self)
      #expect(StatementText(sql: sql) == StatementText(sql: copy))
      #expect(StatementText(sql: sql).hashValue == StatementText(sql: copy).hashValue)
    }
  }
}
