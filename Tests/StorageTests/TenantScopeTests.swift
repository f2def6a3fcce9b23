import FreightdeskCore
import Storage
import TestSupport
import Testing

@Suite struct TenantScopeTests {
  private let alpha = TenantID(Identifier(rawValue: 101))
  private let beta = TenantID(Identifier(rawValue: 202))

  private func makeDatabase(_ backend: Backend) throws -> TestDatabase {
    let database = try TestDatabase.make(backend, migrated: false)
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE notes (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, body TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id));
        CREATE TABLE tags (
          tenant_id BIGINT NOT NULL, note_id BIGINT NOT NULL, tag TEXT NOT NULL,
          PRIMARY KEY (tenant_id, note_id, tag))
        """)
    }
    for (tenant, canary) in [(alpha, "ALPHA-CANARY"), (beta, "BETA-CANARY")] {
      try database.write(for: tenant) { scope in
        try scope.execute(
          "INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3)", [1, .text(canary)])
        try scope.execute(
          "INSERT INTO tags (tenant_id, note_id, tag) VALUES ($1, $2, $3)", [1, .text(canary)])
      }
    }
    return database
  }

  @Test(arguments: Backend.allCases)
  func connectionsOfDifferentDatabasesNeverShareASerial(backend: Backend) throws {
    // What is cached per connection (decoded rate card versions) must never be found through
    // another database's connection, even when ids and versions repeat between them.
    let first = try makeDatabase(backend)
    let second = try makeDatabase(backend)
    let serials = try [first, second, first].map { database in
      try database.read(for: alpha) { $0.connectionSerial }
    }
    #expect(serials[0] != serials[1])
    #expect(serials[2] == serials[0], "an idle connection is reused and keeps its serial")
    let writer = try first.write(for: alpha) { $0.connectionSerial }
    #expect(writer != serials[1])
  }

  @Test(arguments: Backend.allCases)
  func aMultiRowInsertBindsTheTenantToEveryRow(backend: Backend) throws {
    #expect(TenantScope.valuesRows(2, columns: 2) == "($1, $2, $3), ($1, $4, $5)")
    #expect(TenantScope.valuesRows(1, columns: 1) == "($1, $2)")
    let database = try makeDatabase(backend)
    try database.write(for: alpha) { scope in
      try scope.execute(
        "INSERT INTO notes (tenant_id, id, body) VALUES \(TenantScope.valuesRows(3, columns: 2))",
        [2, "two", 3, "three", 4, "four"])
    }
    let bodies = try database.read(for: alpha) { scope in
      try scope.query("SELECT body FROM notes WHERE tenant_id = $1 ORDER BY id").map {
        try $0.string("body")
      }
    }
    #expect(bodies == ["ALPHA-CANARY", "two", "three", "four"])
  }

  @Test(arguments: Backend.allCases)
  func aScopedQueryNeverReturnsAnotherTenantsRows(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let bodies = try database.read(for: alpha) { scope in
      try scope.query("SELECT body FROM notes WHERE tenant_id = $1", [])
        + scope.query(
          """
          SELECT n.body FROM notes n JOIN tags t ON t.tenant_id = n.tenant_id
          AND t.note_id = n.id WHERE n.tenant_id = $1 AND t.tag = $2
          """, ["ALPHA-CANARY"])
    }
    #expect(try bodies.map { try $0.string("body") } == ["ALPHA-CANARY", "ALPHA-CANARY"])
    let changed = try database.write(for: alpha) { scope in
      try scope.execute("UPDATE notes SET body = $2 WHERE tenant_id = $1 AND id = 1", ["edited"])
    }
    #expect(changed == 1)
    let other = try database.read(for: beta) {
      try $0.query("SELECT body FROM notes WHERE tenant_id = $1")
    }
    #expect(try other.map { try $0.string("body") } == ["BETA-CANARY"])
  }

  @Test(
    arguments: [
      "SELECT body FROM notes",
      "SELECT body FROM notes WHERE id = $1",
      "SELECT body FROM notes WHERE tenant_id = $10",
      "UPDATE notes SET body = 'x' WHERE id = 1",
      "DELETE FROM notes WHERE id = $2",
      "INSERT INTO notes (id, tenant_id, body) VALUES ($2, $1, 'x')",
      "SELECT n.body FROM notes n JOIN tags t ON t.note_id = n.id WHERE n.tenant_id = $1",
      "SELECT body FROM notes WHERE tenant_id = $1 OR id IN (SELECT note_id FROM tags)",
    ])
  func sqlThatDoesNotConstrainTheTenantIsRejectedBeforeItRuns(sql: String) throws {
    let database = try makeDatabase(.sqlite)
    #expect(throws: DatabaseError.unscopedQuery(sql: sql)) {
      try database.write(for: alpha) { try $0.query(sql, sql.contains("$2") ? [1] : []) }
    }
    let count = try database.read { try $0.query("SELECT COUNT(*) AS n FROM notes", []) }
    #expect(try count[0].int("n") == 2)
  }

  @Test(arguments: Backend.allCases)
  func theTenantIsAlwaysTheFirstParameter(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let rows = try database.read(for: beta) { scope in
      try scope.query(
        "SELECT tenant_id, $2 || '' AS echoed FROM notes WHERE tenant_id = $1", ["second"])
    }
    #expect(try rows[0].int64("tenant_id") == beta.rawValue)
    #expect(try rows[0].string("echoed") == "second")
  }
}
