import FreightdeskCore
import Storage
import TestSupport
import Testing

/// The checks on the audit log and the job queue, which migration 8 spells as comparisons on
/// SQLite so that an audited write no longer builds a temporary table of the allowed values.
@Suite struct CheckConstraintTests {
  private let tenant = TenantID(Identifier(rawValue: 31))
  private let clock = ManualClock()

  private func entry(_ action: String, actor: AuditActorKind = .user) -> AuditEntry {
    AuditEntry(
      actor: AuditActor(kind: actor, id: Identifier(rawValue: 5), name: "王芳"), entity: "order",
      entityID: Identifier(rawValue: 9), action: action, before: nil,
      after: #"{"status":"draft"}"#, requestID: "req-1", clientAddress: "192.0.2.7")
  }

  /// Everything but the last migration, which rebuilds the two tables.
  private var beforeRebuild: [Migration] {
    StorageSchema.migrations.filter { $0.number < 8 }
  }

  @Test(arguments: Backend.allCases)
  func rebuildingKeepsEveryEntryTheChainAndEveryJob(backend: Backend) throws {
    let database = try TestDatabase.make(backend, migrated: false)
    try Migrator(database: database, migrations: beforeRebuild).migrate()
    let audit = AuditLog(clock: clock, identifiers: IdentifierGenerator(node: 1, clock: clock))
    let written = try ["create", "confirm", "cancel"].map { action in
      clock.advance(seconds: 60)
      return try database.write(for: tenant) { try audit.record(entry(action), in: $0) }
    }
    let queue = JobQueue(identifiers: IdentifierGenerator(node: 2, clock: clock))
    let job = try database.write(for: tenant) { scope in
      try queue.enqueue(kind: "import", payload: "{}", in: scope)
    }

    try Migrator(database: database, migrations: StorageSchema.migrations).migrate()

    let stored = try database.read(for: tenant) { scope in
      try AuditLog.records(matching: AuditQuery(), in: scope)
    }
    #expect(stored.sorted { $0.sequence < $1.sequence } == written)
    let verification = try AuditLog.verify(database: database)
    #expect(verification.entriesChecked == 3 && verification.breaks.isEmpty)
    let progress = try database.read(for: tenant) { try queue.progress(of: job, in: $0) }
    #expect(progress?.status == .queued)
    // The chain goes on from where it stood, with a fresh log as after a restart.
    let later = AuditLog(clock: clock, identifiers: IdentifierGenerator(node: 3, clock: clock))
    let next = try database.write(for: tenant) { try later.record(entry("close"), in: $0) }
    #expect(next.sequence == 4 && next.previousHash == written[2].hash)
  }

  @Test(arguments: Backend.allCases)
  func theChecksStillRefuseWhatTheyRefusedAndTheLogStaysAppendOnly(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let audit = AuditLog(clock: clock, identifiers: IdentifierGenerator(node: 1, clock: clock))
    for kind in AuditActorKind.allCases {
      try database.write(for: tenant) { try audit.record(entry("create", actor: kind), in: $0) }
    }
    let refusedActor = #expect(throws: DatabaseError.self) {
      try database.write { executor in
        try executor.execute(
          """
          INSERT INTO audit_log (tenant_id, id, sequence, occurred_at, actor_kind, actor_name,
            entity, action, previous_hash, hash)
          VALUES (31, 99, 99, 0, 'robot', 'x', 'order', 'create', 'p', 'h')
          """, [])
      }
    }
    #expect(refusedActor?.code == "constraint_violation")
    let refusedStatus = #expect(throws: DatabaseError.self) {
      try database.write { executor in
        try executor.execute(
          """
          INSERT INTO jobs (tenant_id, id, kind, payload, status, run_after, created_at,
            updated_at)
          VALUES (31, 1, 'import', '{}', 'paused', 0, 0, 0)
          """, [])
      }
    }
    #expect(refusedStatus?.code == "constraint_violation")
    #expect(throws: DatabaseError.appendOnly(table: "audit_log")) {
      try database.write { try $0.execute("DELETE FROM audit_log", []) }
    }
    #expect(throws: DatabaseError.appendOnly(table: "audit_log")) {
      try database.write { try $0.execute("UPDATE audit_log SET action = 'x'", []) }
    }
  }

  @Test func anAuditedWriteBuildsNoTemporaryTableOnSQLite() throws {
    let database = try TestDatabase.make(.sqlite)
    let program = try database.read { executor in
      try executor.query(
        """
        EXPLAIN INSERT INTO audit_log (tenant_id, id, sequence, occurred_at, actor_kind,
          actor_id, actor_name, entity, entity_id, action, before, after, request_id,
          client_address, previous_hash, hash)
        VALUES (1, 2, 3, 4, 'user', 5, 'a', 'order', 6, 'create', NULL, '{}', 'r', 'c', 'p', 'h')
        """, [])
    }
    let opcodes = try program.map { try $0.string("opcode") }
    #expect(opcodes.contains("IdxInsert"))
    #expect(!opcodes.contains("OpenEphemeral"), "\(opcodes)")
  }

  @Test func noStorageTableChecksAgainstAListOnSQLite() throws {
    let database = try TestDatabase.make(.sqlite)
    let tables = try database.read { executor in
      try executor.query("SELECT name, sql FROM sqlite_schema WHERE type = 'table'", [])
    }
    let listChecks = try tables.filter { try $0.string("sql").contains(" IN (") }
    #expect(try listChecks.map { try $0.string("name") } == [])
  }
}
