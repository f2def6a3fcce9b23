public import FreightdeskCore
public import Storage
import Synchronization

/// Safe retries for `POST`: a client that sends `Idempotency-Key` may repeat a request whose
/// answer it never saw, and the write happens once.
///
/// The stored answer is written in the same transaction as the write itself, so either both
/// exist or neither does. A repeat with the same body replays the stored status and body
/// (with `Idempotent-Replayed: true`); the same key with a different body is refused with 422
/// `idempotency_key_reused`; a repeat that arrives while the first is still running is refused
/// with 409 `idempotency_key_in_progress` (detected in this process, and across app servers by
/// the key's primary key). Error answers are not stored, so a corrected retry can succeed.
public final class IdempotencyGuard: Sendable {
  /// The migration that creates the stored answers.
  public static let migrations = [
    Migration(
      module: "web", number: 1, name: "idempotency keys",
      sql: """
        CREATE TABLE idempotency_keys (
          tenant_id BIGINT NOT NULL,
          principal TEXT NOT NULL,
          idempotency_key TEXT NOT NULL,
          request_hash TEXT NOT NULL,
          status INTEGER NOT NULL,
          content_type TEXT NOT NULL,
          location TEXT,
          body TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, principal, idempotency_key)
        );
        CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
        """)
  ]

  /// How long a stored answer is replayed.
  public static let retentionMilliseconds: Int64 = 24 * 3_600_000

  private let inFlight = RunningKeys()
  private let clock: any Clock

  /// Creates a guard; `clock` stamps stored answers.
  public init(clock: any Clock) {
    self.clock = clock
  }

  /// Runs `write` in one transaction on `database` scoped to `tenant`, honouring the
  /// request's `Idempotency-Key` for the caller `principal` (a user or token id).
  public func perform(
    _ request: Request, tenant: TenantID, principal: String, database: any Database,
    write: (TenantScope) throws -> Response
  ) throws -> Response {
    guard let key = request.headers["Idempotency-Key"] else {
      return try database.write(for: tenant, write)
    }
    let stored = try claim(key, tenant: tenant, principal: principal)
    defer { release(stored, tenant: tenant) }
    let hash = Self.fingerprint(request)
    if let previous = try database.read(for: tenant, stored.load) {
      return try previous.replay(matching: hash)
    }
    return try writeOnce(stored, hash: hash, tenant: tenant, database: database, write: write)
  }

  /// Like ``perform(_:tenant:principal:database:write:)``, with the checks and lookups of the
  /// request (`prepare`) run first in a read transaction, so that the write transaction, which
  /// writers take one at a time, holds only the writes. A stored answer is replayed without
  /// preparing anything: a repeat must get the first answer even when the request would no
  /// longer pass the checks.
  public func perform<Prepared>(
    _ request: Request, tenant: TenantID, principal: String, database: any Database,
    prepare: (TenantScope) throws -> Prepared, write: (Prepared, TenantScope) throws -> Response
  ) throws -> Response {
    guard let key = request.headers["Idempotency-Key"] else {
      let prepared = try database.read(for: tenant, prepare)
      return try database.write(for: tenant) { try write(prepared, $0) }
    }
    let stored = try claim(key, tenant: tenant, principal: principal)
    defer { release(stored, tenant: tenant) }
    let hash = Self.fingerprint(request)
    let look = try database.read(for: tenant) { scope -> FirstLook<Prepared> in
      if let previous = try stored.load(scope) { return .answered(previous) }
      return .prepared(try prepare(scope))
    }
    let prepared: Prepared
    switch look {
    case .answered(let previous): return try previous.replay(matching: hash)
    case .prepared(let value): prepared = value
    }
    return try writeOnce(stored, hash: hash, tenant: tenant, database: database) {
      try write(prepared, $0)
    }
  }

  /// Runs `write` and stores its answer under `stored` in one transaction, once a read found
  /// no answer stored there. Another app server may have stored one since: then the key's
  /// primary key refuses the answer, the write rolls back, and the answer found is replayed
  /// (or, when that server's write has not committed yet, 409 `idempotency_key_in_progress`).
  /// Looking for the key inside the write instead would cost every write a lookup in the
  /// transaction that writers take one at a time, to catch a race between app servers.
  private func writeOnce(
    _ stored: StoredAnswerKey, hash: String, tenant: TenantID, database: any Database,
    write: (TenantScope) throws -> Response
  ) throws -> Response {
    do {
      return try database.write(for: tenant) { scope in
        let response = try write(scope)
        try stored.save(response, requestHash: hash, at: clock.now(), scope)
        return response
      }
    } catch DatabaseError.uniqueViolation(let constraint)
      where constraint.contains(StoredAnswerKey.table)
    {
      guard let previous = try database.read(for: tenant, stored.load) else {
        throw HTTPError.idempotencyKeyInProgress
      }
      return try previous.replay(matching: hash)
    }
  }

  /// Runs `write` for a signed-in caller: their company, and the user (or token owner) as the
  /// principal the key belongs to.
  public func perform(
    _ request: Request, for context: AuthenticatedContext, database: any Database,
    write: (TenantScope) throws -> Response
  ) throws -> Response {
    try perform(
      request, tenant: context.tenant, principal: context.user.description, database: database,
      write: write)
  }

  /// ``perform(_:tenant:principal:database:prepare:write:)`` for a signed-in caller.
  public func perform<Prepared>(
    _ request: Request, for context: AuthenticatedContext, database: any Database,
    prepare: (TenantScope) throws -> Prepared, write: (Prepared, TenantScope) throws -> Response
  ) throws -> Response {
    try perform(
      request, tenant: context.tenant, principal: context.user.description, database: database,
      prepare: prepare, write: write)
  }

  /// Marks `key` as running in this process (a second request with it meanwhile is 409).
  private func claim(_ key: String, tenant: TenantID, principal: String) throws
    -> StoredAnswerKey
  {
    guard !key.isEmpty, key.count <= Limits.requestKeyCharactersMax else {
      throw HTTPError.invalidIdempotencyKey
    }
    let stored = StoredAnswerKey(principal: principal, key: key)
    guard inFlight.insert(stored.slot(tenant)) else { throw HTTPError.idempotencyKeyInProgress }
    return stored
  }

  /// Ends what ``claim(_:tenant:principal:)`` began.
  private func release(_ stored: StoredAnswerKey, tenant: TenantID) {
    inFlight.remove(stored.slot(tenant))
  }

  /// Deletes stored answers older than the retention period; returns how many.
  @discardableResult
  public func purgeExpired(database: any Database) throws -> Int {
    let cutoff = clock.now().epochMilliseconds - Self.retentionMilliseconds
    return try database.write { executor in
      try executor.execute("DELETE FROM idempotency_keys WHERE created_at < $1", [.integer(cutoff)])
    }
  }

  /// SHA-256 over the method, path and body: two requests are "the same" when these agree.
  static func fingerprint(_ request: Request) -> String {
    SHA256.hex(Array("\(request.method.rawValue) \(request.path)\n".utf8) + request.body)
  }
}

/// The idempotency keys whose requests are running in this process, split over shards picked
/// by the key's hash. Writes end in bursts (one group commit wakes all its callers at once), and
/// with a single lock their releases queued behind each other: 9 % of the processor went to
/// spinning on it when creating orders over 64 connections.
private final class RunningKeys: Sendable {
  private static let shardCount = 64
  private let shards = (0..<RunningKeys.shardCount).map { _ in Shard() }

  private final class Shard: Sendable {
    let keys = Mutex<Set<String>>([])
  }

  /// Marks `slot` running; false when it already was.
  func insert(_ slot: String) -> Bool {
    shard(of: slot).keys.withLock { $0.insert(slot).inserted }
  }

  /// Marks `slot` no longer running.
  func remove(_ slot: String) {
    _ = shard(of: slot).keys.withLock { $0.remove(slot) }
  }

  private func shard(of slot: String) -> Shard {
    shards[Int(UInt(bitPattern: slot.hashValue) % UInt(Self.shardCount))]
  }
}

/// What the read before a prepared write found: the answer already stored for the key, or the
/// request checked and ready to write.
private enum FirstLook<Prepared> {
  case answered(StoredAnswerKey.Answer)
  case prepared(Prepared)
}

/// Where one idempotent answer is stored, and how it is read and written.
private struct StoredAnswerKey {
  /// The table of stored answers, named in the error when a key is stored twice.
  static let table = "idempotency_keys"

  let principal: String
  let key: String

  /// The key's name among the requests running in this process.
  func slot(_ tenant: TenantID) -> String {
    "\(tenant.rawValue)\u{0}\(principal)\u{0}\(key)"
  }

  struct Answer {
    let requestHash: String
    let status: Int
    let contentType: String
    let location: String?
    let body: String

    /// The answer again when the request is the same (same `hash`); 422 otherwise.
    func replay(matching hash: String) throws -> Response {
      guard requestHash == hash else { throw HTTPError.idempotencyKeyReused }
      var headers: HTTPHeaders = ["Content-Type": contentType, "Idempotent-Replayed": "true"]
      if let location { headers.set("Location", location) }
      return Response(status: status, headers: headers, body: Array(body.utf8))
    }
  }

  func load(_ scope: TenantScope) throws -> Answer? {
    let rows = try scope.query(
      """
      SELECT request_hash, status, content_type, location, body FROM idempotency_keys
      WHERE tenant_id = $1 AND principal = $2 AND idempotency_key = $3
      """, [.text(principal), .text(key)])
    guard let row = rows.first else { return nil }
    return Answer(
      requestHash: try row.string("request_hash"), status: try row.int("status"),
      contentType: try row.string("content_type"), location: try row.optionalString("location"),
      body: try row.string("body"))
  }

  func save(_ response: Response, requestHash: String, at instant: Instant, _ scope: TenantScope)
    throws
  {
    guard (200..<300).contains(response.status) else { return }
    try scope.execute(
      """
      INSERT INTO idempotency_keys (tenant_id, principal, idempotency_key, request_hash, status,
        content_type, location, body, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      """,
      [
        .text(principal), .text(key), .text(requestHash),
        .integer(Int64(response.status)),
        .text(response.headers["Content-Type"] ?? "application/json"),
        response.headers["Location"].map(SQLValue.text) ?? .null,
        .text(String(decoding: response.bodyBytes, as: UTF8.self)),
        .integer(instant.epochMilliseconds),
      ])
  }
}
