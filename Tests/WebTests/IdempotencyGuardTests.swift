import FreightdeskCore
import Storage
import TestSupport
import Testing

@testable import Web

/// The idempotency guard between two app servers sharing one database: each has its own guard
/// (and so its own record of the keys running in it), and only the stored answers connect them.
struct IdempotencyGuardTests {
  private let tenant = TenantID(Identifier(rawValue: 31))

  private func makeDatabase(_ backend: Backend) throws -> TestDatabase {
    let database = try TestDatabase.make(backend)
    try Migrator(
      database: database,
      migrations: IdempotencyGuard.migrations + [
        Migration(
          module: "test", number: 1, name: "parcels",
          sql: "CREATE TABLE parcels (tenant_id BIGINT NOT NULL, label TEXT NOT NULL)")
      ]
    ).migrate()
    return database
  }

  private func request(_ label: String, key: String) -> Request {
    Request(
      method: .post, path: "/api/v1/parcels",
      headers: ["Idempotency-Key": key, "Content-Type": "application/json"],
      body: Array(#"{"label": "\#(label)"}"#.utf8))
  }

  /// Writes a parcel and answers 201 naming the server that wrote it.
  private func writeParcel(_ label: String, by server: String, _ scope: TenantScope) throws
    -> Response
  {
    try scope.execute("INSERT INTO parcels (tenant_id, label) VALUES ($1, $2)", [.text(label)])
    return Response(
      status: 201, headers: ["Content-Type": "application/json"],
      body: Array(#"{"written_by": "\#(server)"}"#.utf8))
  }

  private func parcels(_ database: TestDatabase) throws -> Int {
    try database.read(for: tenant) { scope in
      try scope.query("SELECT COUNT(*) AS n FROM parcels WHERE tenant_id = $1")[0].int("n")
    }
  }

  @Test(arguments: Backend.allCases)
  func anAnswerStoredByAnotherServerAfterTheFirstLookIsReplayed(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let clock = ManualClock()
    let (first, second) = (IdempotencyGuard(clock: clock), IdempotencyGuard(clock: clock))
    let answer = try first.perform(
      request("A1", key: "k-1"), tenant: tenant, principal: "u1", database: database,
      prepare: { _ in
        // The other server takes the same request and answers it completely while this one
        // is still checking it: this one's first look found nothing.
        let other = try second.perform(
          request("A1", key: "k-1"), tenant: tenant, principal: "u1", database: database,
          prepare: { _ in }, write: { _, scope in try writeParcel("A1", by: "second", scope) })
        #expect(other.status == 201)
      },
      write: { _, scope in try writeParcel("A1", by: "first", scope) })
    #expect(answer.status == 201)
    #expect(answer.headers["Idempotent-Replayed"] == "true")
    #expect(String(decoding: answer.bodyBytes, as: UTF8.self) == #"{"written_by": "second"}"#)
    #expect(try parcels(database) == 1)
  }

  @Test(arguments: Backend.allCases)
  func aRepeatWithoutPreparationIsReplayedWithoutWritingAgain(backend: Backend) throws {
    let database = try makeDatabase(backend)
    let guardian = IdempotencyGuard(clock: ManualClock())
    var writes = 0
    for _ in 1...2 {
      let answer = try guardian.perform(
        request("B1", key: "k-2"), tenant: tenant, principal: "u1", database: database
      ) { scope in
        writes += 1
        return try writeParcel("B1", by: "first", scope)
      }
      #expect(answer.status == 201)
    }
    #expect(writes == 1)
    #expect(try parcels(database) == 1)
  }

  @Test(arguments: Backend.allCases)
  func aUniqueViolationOfTheWriteItselfIsNotTakenForARunningRepeat(backend: Backend) throws {
    let database = try makeDatabase(backend)
    try database.write { executor in
      try executor.execute("CREATE UNIQUE INDEX parcels_label ON parcels (tenant_id, label)", [])
    }
    let guardian = IdempotencyGuard(clock: ManualClock())
    _ = try guardian.perform(
      request("C1", key: "k-3"), tenant: tenant, principal: "u1", database: database
    ) { try writeParcel("C1", by: "first", $0) }
    let clash = #expect(throws: DatabaseError.self) {
      try guardian.perform(
        request("C1", key: "k-4"), tenant: tenant, principal: "u1", database: database
      ) { try writeParcel("C1", by: "first", $0) }
    }
    guard case .uniqueViolation(let constraint) = clash else {
      Issue.record("expected a unique violation, got \(String(describing: clash))")
      return
    }
    #expect(!constraint.contains("idempotency_keys"))
  }
}
