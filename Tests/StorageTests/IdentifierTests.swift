import FreightdeskCore
import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct IdentifierTests {
  @Test(arguments: Backend.allCases)
  func identifiersFromManyThreadsAreUniqueAndIncreasePerThread(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE events (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, thread BIGINT NOT NULL,
          position BIGINT NOT NULL, PRIMARY KEY (tenant_id, id))
        """)
    }
    let generator = IdentifierGenerator(node: 3, clock: SystemClock())
    let tenant = TenantID(Identifier(rawValue: 1))
    let failures = Mutex(0)
    runConcurrently(threads: 4) { thread in
      for position in 0..<50 {
        do {
          try database.write(for: tenant) { scope in
            try scope.execute(
              "INSERT INTO events (tenant_id, id, thread, position) VALUES ($1, $2, $3, $4)",
              [SQLValue(generator.next()), SQLValue(thread), SQLValue(position)])
          }
        } catch {
          failures.withLock { $0 += 1 }
        }
      }
    }
    #expect(failures.withLock { $0 } == 0)
    let rows = try database.read(for: tenant) { scope in
      try scope.query(
        "SELECT id, thread FROM events WHERE tenant_id = $1 ORDER BY thread, position")
    }
    #expect(rows.count == 200)
    // The primary key proved uniqueness; per thread, later inserts carry larger IDs.
    let byThread = Dictionary(grouping: rows) { row in (try? row.int("thread")) ?? -1 }
    for (_, threadRows) in byThread {
      let ids = try threadRows.map { try $0.identifier("id") }
      #expect(ids == ids.sorted())
    }
  }
}
