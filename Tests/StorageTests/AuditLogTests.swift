import FreightdeskCore
import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct AuditLogTests {
  private let alpha = TenantID(Identifier(rawValue: 101))
  private let beta = TenantID(Identifier(rawValue: 202))
  private let clock = ManualClock()
  private let wang = AuditActor(kind: .user, id: Identifier(rawValue: 5), name: "王芳")

  private let audit: AuditLog

  init() {
    audit = AuditLog(clock: clock, identifiers: IdentifierGenerator(node: 1, clock: clock))
  }

  private func entry(
    _ action: String = "update", entity: String = "customer", id: Int64 = 9,
    actor: AuditActor? = nil
  ) -> AuditEntry {
    AuditEntry(
      actor: actor ?? wang, entity: entity, entityID: Identifier(rawValue: id), action: action,
      before: #"{"name":"顺达"}"#, after: #"{"name":"顺达物流"}"#, requestID: "req-1",
      clientAddress: "192.0.2.7")
  }

  @discardableResult
  private func record(
    _ entries: [AuditEntry], for tenant: TenantID, in database: any Database
  ) throws -> [AuditRecord] {
    try entries.map { entry in
      clock.advance(seconds: 60)
      return try database.write(for: tenant) { scope in try audit.record(entry, in: scope) }
    }
  }

  private func dropAppendOnlyTriggers(_ database: any Database) throws {
    try database.write { executor in
      switch executor.engine {
      case .sqlite:
        try executor.executeScript(
          "DROP TRIGGER audit_log_refuse_update; DROP TRIGGER audit_log_refuse_delete")
      case .postgres:
        try executor.executeScript("DROP TRIGGER audit_log_refuse_change ON audit_log")
      }
    }
  }

  @Test(arguments: Backend.allCases)
  func entriesLinkEachToTheOneBeforeAndVerify(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    #expect(
      try AuditLog.verify(database: database)
        == AuditVerification(tenantsChecked: 0, entriesChecked: 0, breaks: []))
    let records = try record(
      [entry("create"), entry("update"), entry("deactivate")], for: alpha, in: database)
    #expect(records.map(\.sequence) == [1, 2, 3])
    #expect(records[0].previousHash == String(repeating: "0", count: 64))
    #expect(records[1].previousHash == records[0].hash)
    #expect(records[2].previousHash == records[1].hash)
    #expect(Set(records.map(\.hash)).count == 3)
    #expect(records.allSatisfy { $0.hash.count == 64 })
    let stored = try database.read(for: alpha) { scope in
      try AuditLog.records(matching: AuditQuery(), in: scope)
    }
    #expect(stored == records.reversed())
    let verification = try AuditLog.verify(database: database)
    #expect(verification == AuditVerification(tenantsChecked: 1, entriesChecked: 3, breaks: []))
    #expect(verification.summary == "audit log intact: 1 tenant, 3 entries checked")
  }

  @Test(arguments: Backend.allCases)
  func aBatchIsChainedInOrderAcrossSeveralInsertsAndVerifies(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    try record([entry("create")], for: alpha, in: database)
    let count = Limits.auditRowsPerInsertMax * 2 + 7
    let batch = try database.write(for: alpha) { scope in
      try audit.record((0..<count).map { entry("import", id: Int64($0)) }, in: scope)
    }
    #expect(batch.map(\.sequence) == (2...Int64(count + 1)).map { $0 })
    #expect(zip(batch.dropFirst(), batch).allSatisfy { $0.previousHash == $1.hash })
    let last = try record([entry("update")], for: alpha, in: database)
    #expect(last.map(\.sequence) == [Int64(count + 2)])
    #expect(last[0].previousHash == batch[count - 1].hash)
    #expect(try database.write(for: alpha) { try audit.record([], in: $0) }.isEmpty)
    let verification = try AuditLog.verify(database: database)
    #expect(verification.isIntact)
    #expect(verification.entriesChecked == count + 2)
  }

  @Test(arguments: Backend.allCases)
  func aBatchHoldingNULStoresNothing(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    var bad = entry()
    bad.after = "a\u{0}b"
    #expect(throws: AuditError.textContainsNUL) {
      try database.write(for: alpha) { try audit.record([entry(), bad], in: $0) }
    }
    #expect(try AuditLog.verify(database: database).entriesChecked == 0)
  }

  @Test(arguments: Backend.allCases)
  func eachTenantHasItsOwnSequence(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    try record([entry(), entry()], for: alpha, in: database)
    let betaRecords = try record([entry()], for: beta, in: database)
    try record([entry()], for: alpha, in: database)
    #expect(betaRecords.map(\.sequence) == [1])
    #expect(betaRecords[0].previousHash == String(repeating: "0", count: 64))
    let betaListed = try database.read(for: beta) { scope in
      try AuditLog.records(matching: AuditQuery(), in: scope)
    }
    #expect(betaListed == betaRecords)
    let verification = try AuditLog.verify(database: database)
    #expect(verification.isIntact)
    #expect(verification.tenantsChecked == 2)
    #expect(verification.entriesChecked == 4)
  }

  @Test(arguments: Backend.allCases)
  func aRolledBackWriteTakesItsEntryBack(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    struct Abandoned: Error {}
    #expect(throws: Abandoned.self) {
      try database.write(for: alpha) { scope in
        try audit.record(entry(), in: scope)
        throw Abandoned()
      }
    }
    let records = try record([entry()], for: alpha, in: database)
    #expect(records.map(\.sequence) == [1])
    #expect(try AuditLog.verify(database: database).isIntact)
  }

  /// A log remembers the head it last wrote to advance the chain in one statement; a head
  /// another log (another process) wrote since, or one whose write was rolled back and
  /// rewritten with another entry at the same sequence, must not be chained from.
  @Test(arguments: Backend.allCases)
  func anAppendChainsFromTheStoredHeadWhateverThisLogLastWrote(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let other = AuditLog(clock: clock, identifiers: IdentifierGenerator(node: 3, clock: clock))
    struct Abandoned: Error {}
    try record([entry("create")], for: alpha, in: database)
    #expect(throws: Abandoned.self) {
      try database.write(for: alpha) { scope in
        try audit.record(entry("abandoned"), in: scope)
        throw Abandoned()
      }
    }
    // Sequence 2 again, with another entry and so another hash, written by another log.
    let second = try database.write(for: alpha) { scope in
      try other.record(entry("update", id: 10), in: scope)
    }
    let third = try record([entry("deactivate")], for: alpha, in: database)[0]
    #expect(second.sequence == 2)
    #expect(third.sequence == 3)
    #expect(third.previousHash == second.hash)
    for round in 0..<3 {
      for log in [audit, other] {
        try database.write(for: alpha) { scope in
          try log.record(entry("touch", id: Int64(round)), in: scope)
        }
      }
    }
    let verification = try AuditLog.verify(database: database)
    #expect(verification.isIntact, "\(verification.summary)")
    #expect(verification.entriesChecked == 9)
  }

  @Test(arguments: Backend.allCases)
  func concurrentAppendsInOneTenantKeepAGapFreeValidChain(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let threads = 4
    let appendsPerThread = 12
    let log = AuditLog(
      clock: SystemClock(), identifiers: IdentifierGenerator(node: 2, clock: SystemClock()))
    let failures = Mutex<[String]>([])
    runConcurrently(threads: threads) { thread in
      for index in 0..<appendsPerThread {
        do {
          try database.write(for: alpha) { scope in
            try log.record(entry(id: Int64(thread * 100 + index)), in: scope)
          }
        } catch {
          failures.withLock { $0.append("\(error)") }
        }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    let sequences = try database.read(for: alpha) { scope in
      try AuditLog.records(matching: AuditQuery(), in: scope).map(\.sequence)
    }
    #expect(sequences == Array((1...Int64(threads * appendsPerThread)).reversed()))
    let verification = try AuditLog.verify(database: database)
    #expect(verification.isIntact, "\(verification.summary)")
    #expect(verification.entriesChecked == threads * appendsPerThread)
  }

  @Test(arguments: Backend.allCases)
  func updatingOrDeletingAnEntryIsRefused(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    try record([entry(), entry()], for: alpha, in: database)
    #expect(throws: DatabaseError.appendOnly(table: "audit_log")) {
      try database.write(for: alpha) { scope in
        try scope.execute("UPDATE audit_log SET action = $2 WHERE tenant_id = $1", ["create"])
      }
    }
    #expect(throws: DatabaseError.appendOnly(table: "audit_log")) {
      try database.write(for: alpha) { scope in
        try scope.execute("DELETE FROM audit_log WHERE tenant_id = $1 AND sequence = $2", [1])
      }
    }
    let actions = try database.read(for: alpha) { scope in
      try AuditLog.records(matching: AuditQuery(), in: scope).map(\.entry.action)
    }
    #expect(actions == ["update", "update"])
    #expect(try AuditLog.verify(database: database).isIntact)
  }

  @Test(arguments: Backend.allCases)
  func textWithANULCharacterIsRefusedAndNothingIsRecorded(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    var poisoned = entry()
    poisoned.after = "{\"name\":\"a\u{0}b\"}"
    #expect(throws: AuditError.textContainsNUL) {
      try database.write(for: alpha) { scope in try audit.record(poisoned, in: scope) }
    }
    #expect(try record([entry()], for: alpha, in: database).map(\.sequence) == [1])
    #expect(try AuditLog.verify(database: database).isIntact)
  }

  /// A way of tampering with a chain of five entries, and the break it must cause.
  struct Tampering: Sendable, CustomStringConvertible {
    var description: String
    var sql: String
    var expected: (sequence: Int64, reason: AuditBreakReason)
  }

  static let tamperings = [
    Tampering(
      description: "changed action",
      sql: "UPDATE audit_log SET action = 'create' WHERE tenant_id = $1 AND sequence = 2",
      expected: (2, .hashMismatch)),
    Tampering(
      description: "changed before state",
      sql: "UPDATE audit_log SET before = NULL WHERE tenant_id = $1 AND sequence = 3",
      expected: (3, .hashMismatch)),
    Tampering(
      description: "changed time",
      sql:
        "UPDATE audit_log SET occurred_at = occurred_at + 1 WHERE tenant_id = $1 AND sequence = 1",
      expected: (1, .hashMismatch)),
    Tampering(
      description: "relinked entry",
      sql: "UPDATE audit_log SET previous_hash = hash WHERE tenant_id = $1 AND sequence = 4",
      expected: (4, .previousHashMismatch)),
    Tampering(
      description: "removed entry",
      sql: "DELETE FROM audit_log WHERE tenant_id = $1 AND sequence = 2",
      expected: (3, .sequenceGap(expected: 2))),
    Tampering(
      description: "removed last entry",
      sql: "DELETE FROM audit_log WHERE tenant_id = $1 AND sequence = 5",
      expected: (5, .headMismatch(lastSequence: 4))),
    Tampering(
      description: "removed head",
      sql: "DELETE FROM audit_chain_heads WHERE tenant_id = $1",
      expected: (5, .headMissing)),
  ]

  @Test(arguments: Backend.allCases, tamperings)
  func tamperingIsReportedAtTheFirstBrokenEntry(backend: Backend, tampering: Tampering) throws {
    let database = try TestDatabase.make(backend)
    try record((1...5).map { _ in entry() }, for: alpha, in: database)
    try record([entry(), entry()], for: beta, in: database)
    try dropAppendOnlyTriggers(database)
    try database.write(for: alpha) { scope in try scope.execute(tampering.sql) }
    let verification = try AuditLog.verify(database: database)
    let expected = AuditChainBreak(
      tenant: alpha, sequence: tampering.expected.sequence, reason: tampering.expected.reason)
    #expect(verification.breaks == [expected])
    #expect(verification.tenantsChecked == 2)
    #expect(verification.summary.hasPrefix("audit log broken in 1 of 2 tenants"))
    #expect(verification.summary.contains("tenant 101, entry \(tampering.expected.sequence): "))
  }

  @Test(arguments: Backend.allCases)
  func listingsFilterAndPageNewestFirst(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let li = AuditActor(kind: .user, id: Identifier(rawValue: 6), name: "李强")
    let records = try record(
      [
        entry("create", entity: "customer", id: 1), entry("update", entity: "customer", id: 1),
        entry("create", entity: "order", id: 2, actor: li), entry("update", entity: "order", id: 2),
        entry("cancel", entity: "order", id: 2, actor: li),
        entry("update", entity: "customer", id: 3),
      ], for: alpha, in: database)
    try record([entry("create", entity: "order", id: 2)], for: beta, in: database)
    func sequences(_ query: AuditQuery) throws -> [Int64] {
      try database.read(for: alpha) { scope in
        try AuditLog.records(matching: query, in: scope).map(\.sequence)
      }
    }
    #expect(try sequences(AuditQuery(actorID: li.id)) == [5, 3])
    #expect(try sequences(AuditQuery(entity: "order")) == [5, 4, 3])
    #expect(
      try sequences(AuditQuery(entity: "customer", entityID: Identifier(rawValue: 1))) == [2, 1])
    #expect(try sequences(AuditQuery(action: "update")) == [6, 4, 2])
    #expect(
      try sequences(AuditQuery(from: records[1].occurredAt, to: records[4].occurredAt)) == [
        4, 3, 2,
      ])
    #expect(try sequences(AuditQuery(entity: "order", action: "create", beforeSequence: 3)) == [])
    #expect(try sequences(AuditQuery(limit: 0)) == [6])
    var page = AuditQuery(limit: 4)
    #expect(try sequences(page) == [6, 5, 4, 3])
    page.beforeSequence = 3
    #expect(try sequences(page) == [2, 1])
    page.beforeSequence = 1
    #expect(try sequences(page) == [])
  }

  @Test(arguments: Backend.allCases)
  func theCSVExportHasAHeaderAndEscapesEveryField(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    clock.set(Instant(epochMilliseconds: 1_796_342_400_123))
    let tricky = AuditActor(kind: .customer, id: nil, name: "=HYPERLINK(\"x\"), 张三\n经理")
    let recorded = try database.write(for: alpha) { scope in
      try audit.record(
        AuditEntry(
          actor: tricky, entity: "order", entityID: nil, action: "create",
          after: #"{"a":1,"b":"x"}"#),
        in: scope)
    }
    try record([entry()], for: beta, in: database)
    let csv = try database.read(for: alpha) { scope in
      try AuditLog.exportCSV(query: AuditQuery(), in: scope)
    }
    let header = AuditLog.csvHeader.joined(separator: ",")
    let row = [
      "1", recorded.id.description, "2026-12-04T00:00:00.123Z", "customer", "",
      "\"'=HYPERLINK(\"\"x\"\"), 张三\n经理\"", "order", "", "create", "",
      "\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\"",
      "", "", String(repeating: "0", count: 64), recorded.hash,
    ].joined(separator: ",")
    #expect(csv == "\u{FEFF}" + header + "\r\n" + row + "\r\n")
  }

  @Test(arguments: Backend.allCases)
  func theCSVExportWalksEveryPageOfMatchingEntries(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let count = Limits.auditPageEntriesMax + 3
    try database.write(for: alpha) { scope in
      for index in 0..<count {
        try audit.record(entry(index % 2 == 0 ? "create" : "update"), in: scope)
      }
    }
    let csv = try database.read(for: alpha) { scope in
      try AuditLog.exportCSV(query: AuditQuery(action: "create", limit: 1), in: scope)
    }
    let lines = csv.split(separator: "\r\n")
    #expect(lines.count == 1 + (count + 1) / 2)
    #expect(lines.dropFirst().allSatisfy { $0.contains(",create,") })
  }
}
