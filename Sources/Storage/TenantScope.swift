public import FreightdeskCore
import Synchronization

/// The only way business code reads or writes tenant data: an executor bound to one tenant.
///
/// `$1` is always the tenant; the caller's parameters start at `$2`. Every statement must
/// say so: a `SELECT`, `UPDATE` or `DELETE` constrains `tenant_id = $1` and ties each
/// further table it reads (every `FROM` and `JOIN`) to the tenant, either by
/// `tenant_id = $1` again or by `x.tenant_id = y.tenant_id`; an `INSERT` lists `tenant_id`
/// as its first column and gives `$1` as its first value. Anything else throws
/// ``DatabaseError/unscopedQuery(sql:)`` before it reaches the database. The check guards
/// against forgetting the tenant, not against deliberate tricks (`OR 1 = 1`); it reads the
/// text conservatively rather than parsing SQL, so unusual shapes may need rewriting.
///
/// ```swift
/// let orders = try database.read(for: context.tenant) { scope in
///   try scope.query("SELECT id, number FROM orders WHERE tenant_id = $1 AND status = $2",
///                   ["open"])
/// }
/// ```
///
/// A scope exists only inside ``Database/read(for:_:)`` and ``Database/write(for:_:)``.
public struct TenantScope {
  /// The tenant every statement is bound to.
  public let tenant: TenantID
  /// The transaction underneath; kept internal so business code cannot bypass the check.
  let executor: any SQLExecutor

  init(tenant: TenantID, executor: any SQLExecutor) {
    self.tenant = tenant
    self.executor = executor
  }

  /// The engine the statements run on.
  public var engine: DatabaseEngine { executor.engine }

  /// See ``SQLExecutor/connectionSerial``.
  public var connectionSerial: Int { executor.connectionSerial }

  /// Runs one tenant-scoped statement and returns its rows; `parameters` bind to `$2...`.
  public func query(_ sql: String, _ parameters: consuming [SQLValue] = []) throws -> [Row] {
    try Self.requireScoped(sql)
    return try executor.query(sql, scoped(parameters))
  }

  /// Runs one tenant-scoped statement and returns how many rows it changed.
  @discardableResult
  public func execute(_ sql: String, _ parameters: consuming [SQLValue] = []) throws -> Int {
    try Self.requireScoped(sql)
    return try executor.execute(sql, scoped(parameters))
  }

  /// The tenant followed by `parameters`. The caller's array, usually a literal it made for
  /// this call, is taken over and grown in place: copying it into a new one cost more than a
  /// thousand instructions for each statement of a busy write.
  private func scoped(_ parameters: consuming [SQLValue]) -> [SQLValue] {
    var values = parameters
    values.insert(SQLValue(tenant), at: 0)
    return values
  }

  /// Runs `body` in a savepoint; see ``SQLExecutor/savepoint(_:)``.
  public func savepoint<T>(_ body: () throws -> T) throws -> T {
    try executor.savepoint(body)
  }

  /// Wakes background workers once the transaction commits.
  public func wakeWorkersAfterCommit() {
    executor.wakeWorkersAfterCommit()
  }

  /// Throws unless `sql` follows the scoping rule described on ``TenantScope``. Statements are
  /// constant texts at their call sites, so each distinct text is checked once and remembered
  /// (up to ``Limits/scopedStatementsRememberedMax``), keeping the check off the hot path.
  static func requireScoped(_ sql: String) throws {
    let text = StatementText(sql: sql)
    if checkedStatements.withLock({ $0.contains(text) }) { return }
    guard TenantScopeRule(sql: sql).isSatisfied else { throw DatabaseError.unscopedQuery(sql: sql) }
    checkedStatements.withLock { checked in
      if checked.count < Limits.scopedStatementsRememberedMax { checked.insert(text) }
    }
  }

  private static let checkedStatements = Mutex<Set<StatementText>>([])
}

extension Database {
  /// Runs `body` in a read-only transaction scoped to `tenant`.
  ///
  /// Call this only with a tenant taken from an authenticated request context or from the
  /// tenant recorded on a job or outbox event; never with one read from user input.
  public func read<T>(for tenant: TenantID, _ body: (TenantScope) throws -> T) throws -> T {
    try read { executor in try body(TenantScope(tenant: tenant, executor: executor)) }
  }

  /// Runs `body` in a read-write transaction scoped to `tenant` (retried on conflicts, so
  /// `body` must have no effects outside the database).
  ///
  /// Call this only with a tenant taken from an authenticated request context or from the
  /// tenant recorded on a job or outbox event; never with one read from user input.
  @discardableResult
  public func write<T>(for tenant: TenantID, _ body: (TenantScope) throws -> T) throws -> T {
    try write { executor in try body(TenantScope(tenant: tenant, executor: executor)) }
  }
}

/// The textual check behind ``TenantScope``: a conservative reading of one SQL statement
/// that accepts the scoped shapes described there and rejects everything else.
struct TenantScopeRule {
  /// The statement lowercased with all whitespace removed, for constraint matching.
  private let compact: String
  /// The statement's words, for counting table sources.
  private let words: [Substring]

  init(sql: String) {
    let lowered = sql.lowercased()
    compact = String(lowered.filter { !$0.isWhitespace })
    words = lowered.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "(") }
  }

  var isSatisfied: Bool {
    if compact.hasPrefix("insertinto") && insertIsScoped { return true }
    let own = count(of: /tenant_id=\$1(?![0-9])/)
    let linked = count(of: /tenant_id=[a-z0-9_]+\.tenant_id/)
    return own >= 1 && own + linked >= tableSources
  }

  /// `INSERT INTO t (tenant_id, ...) VALUES ($1, ...)`.
  private var insertIsScoped: Bool {
    guard let columns = compact.firstIndex(of: "(") else { return false }
    return compact[columns...].hasPrefix("(tenant_id,")
      && compact.contains(/values\(\$1[,)]/)
  }

  /// How many tables the statement reads: each `FROM` or `JOIN` not followed by a
  /// parenthesised subquery, plus the target of an `UPDATE`.
  private var tableSources: Int {
    var sources = words.first == "update" ? 1 : 0
    for (index, word) in words.enumerated() where word == "from" || word == "join" {
      let next = words.index(after: index) < words.endIndex ? words[index + 1] : ""
      if !next.hasPrefix("(") { sources += 1 }
    }
    return sources
  }

  private func count(of pattern: Regex<Substring>) -> Int {
    compact.matches(of: pattern).count
  }
}

extension TenantScope {
  /// The `VALUES` list of a multi-row `INSERT` into a tenant's table: `rows` rows, each the
  /// tenant (`$1`) followed by `columns` parameters numbered on from `$2`, row after row.
  /// One statement for several rows costs one trip through the driver instead of one each.
  ///
  ///     TenantScope.valuesRows(2, columns: 2)  // ($1, $2, $3), ($1, $4, $5)
  public static func valuesRows(_ rows: Int, columns: Int) -> String {
    (0..<rows).map { row in
      let first = 2 + row * columns
      return "($1, " + (first..<first + columns).map { "$\($0)" }.joined(separator: ", ") + ")"
    }.joined(separator: ", ")
  }
}
