import CSQLite
import CShim

/// One native SQLite connection with its cache of prepared statements.
///
/// Parameters are written `$1 ... $N` as on PostgreSQL. SQLite treats `$1` as a *named*
/// parameter numbered by first appearance, so each value is bound at the index SQLite
/// reports for the name `"$N"`, never at position N. Those indices are read once when a
/// statement is prepared and cached with it: asking SQLite by name on every bind costs a scan
/// of all the statement's parameters per value, which made multi-row inserts quadratic.
final class SQLiteConnection: DriverConnection {
  /// A prepared statement with the SQLite index of each `$N` at offset N - 1 (0 for a number
  /// the statement does not use), and the column names of its last result.
  private final class PreparedStatement {
    let handle: OpaquePointer
    let indices: [Int32]
    var columns: [String] = []

    init(handle: OpaquePointer, indices: [Int32]) {
      self.handle = handle
      self.indices = indices
    }

    /// The result's column names, rebuilt only when they differ from the last execution's
    /// (SQLite re-prepares a statement after a schema change, which can change them).
    func currentColumns() -> [String] {
      let count = Int(sqlite3_column_count(handle))
      let unchanged =
        columns.count == count
        && columns.indices.allSatisfy { index in
          guard let current = sqlite3_column_name(handle, Int32(index)) else { return false }
          var name = columns[index]
          return name.withUTF8 { bytes in
            // A shorter current name stops at its terminator, which no byte of a name equals.
            bytes.indices.allSatisfy { UInt8(bitPattern: current[$0]) == bytes[$0] }
              && current[bytes.count] == 0
          }
        }
      if !unchanged {
        columns = (0..<count).map { String(cString: sqlite3_column_name(handle, Int32($0))) }
      }
      return columns
    }
  }

  private var handle: OpaquePointer?
  private var statements: [StatementText: PreparedStatement] = [:]

  var engine: DatabaseEngine { .sqlite }
  let serial = ConnectionSerial.next()
  private(set) var isBroken = false

  /// SQLite's process-wide settings, applied once before the first connection opens: memory
  /// statistics off, because keeping them serializes every allocation of every connection on
  /// one mutex.
  private static let libraryConfigured: Void = { _ = fd_sqlite_disable_memory_statistics() }()

  /// Opens `path` read-write (creating it) or read-only, and applies the connection pragmas.
  init(path: String, readOnly: Bool, options: DatabaseOptions) throws {
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
      | SQLITE_OPEN_NOMUTEX
    Self.libraryConfigured
    let status = sqlite3_open_v2(path, &handle, flags, nil)
    guard status == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(handle)
      throw DatabaseError.unavailable(reason: "cannot open \(path): \(message)")
    }
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, Int32(options.busyTimeoutMilliseconds))
    do {
      // Savepoint journals and sorts stay in memory: group commit nests every writer's work in
      // a savepoint, and spilling those journals to temporary files cost a file create, writes
      // and an unlink per batch. Pages are read with `pread`, not through a memory map: in WAL
      // mode a reader drops its whole mapping whenever another connection committed, and maps
      // the file again on its next read, so under steady writes every read transaction paid a
      // `munmap` (with a TLB flush on the other cores) and page faults; creating orders over 64
      // connections spent 16 µs more system time per order that way.
      try executeScript(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = \(options.synchronous.rawValue); "
          + "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 0")
    } catch {
      close()
      throw error
    }
  }

  func close() {
    finalizeStatements()
    sqlite3_close_v2(handle)
    handle = nil
  }

  func executeScript(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    let status = sqlite3_exec(handle, sql, nil, nil, &message)
    defer { sqlite3_free(message) }
    if status != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? "error \(status)"
      throw error(status: status, message: text)
    }
  }

  func run(_ sql: String, _ parameters: [SQLValue]) throws -> (rows: [Row], affected: Int) {
    let prepared = try prepared(sql)
    let statement = prepared.handle
    var boundLargeValue = false
    defer {
      sqlite3_reset(statement)
      // Every run binds every parameter again, so bindings only need clearing to let go of a
      // large copy this cached statement would otherwise hold until its next run.
      if boundLargeValue { sqlite3_clear_bindings(statement) }
    }
    boundLargeValue = try bind(parameters, to: prepared)
    var status = sqlite3_step(statement)
    // Read the columns after the first step: a schema change re-prepares the statement
    // inside sqlite3_step, which can change them.
    let columns = prepared.currentColumns()
    var rows: [Row] = []
    while status == SQLITE_ROW {
      rows.append(Row(columns: columns, values: columns.indices.map { read(statement, $0) }))
      status = sqlite3_step(statement)
    }
    guard status == SQLITE_DONE else { throw lastError(status) }
    return (rows, Int(sqlite3_changes64(handle)))
  }

  /// The raw handle, for the online backup API.
  var nativeHandle: OpaquePointer? { handle }

  /// Whether a transaction is open (SQLite rolls one back by itself after some errors, such as
  /// a full disk).
  var isInTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

  private func prepared(_ sql: String) throws -> PreparedStatement {
    let key = StatementText(sql: sql)
    if let statement = statements[key] { return statement }
    guard handle != nil else { throw DatabaseError.unavailable(reason: "connection closed") }
    var statement: OpaquePointer?
    var tail: UnsafePointer<CChar>?
    let status = sql.withCString { text in
      let status = sqlite3_prepare_v3(
        handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
      if status == SQLITE_OK, let tail, !String(cString: tail).allSatisfy(\.isWhitespace) {
        return SQLITE_MISUSE
      }
      return status
    }
    guard status == SQLITE_OK, let statement else {
      sqlite3_finalize(statement)
      if status == SQLITE_MISUSE {
        throw DatabaseError.queryFailed(message: "one statement per call", state: "MISUSE")
      }
      throw lastError(status)
    }
    if statements.count >= Limits.statementCacheEntriesMax {
      finalizeStatements()
    }
    let cached = PreparedStatement(handle: statement, indices: Self.parameterIndices(statement))
    statements[key] = cached
    return cached
  }

  /// The SQLite index of each `$N` of `statement` at offset N - 1, 0 where N is not used.
  private static func parameterIndices(_ statement: OpaquePointer) -> [Int32] {
    let count = Int(sqlite3_bind_parameter_count(statement))
    var indices = [Int32](repeating: 0, count: count)
    for offset in 0..<count {
      let index = Int32(offset + 1)
      guard let name = sqlite3_bind_parameter_name(statement, index),
        UInt8(bitPattern: name.pointee) == UInt8(ascii: "$"),
        let number = Int(String(cString: name + 1)), (1...count).contains(number)
      else { continue }
      indices[number - 1] = index
    }
    return indices
  }

  private func finalizeStatements() {
    for statement in statements.values { sqlite3_finalize(statement.handle) }
    statements = [:]
  }

  /// Binds `parameters` and tells whether one was a text or blob large enough to be worth
  /// releasing after the run.
  private func bind(_ parameters: [SQLValue], to prepared: PreparedStatement) throws -> Bool {
    let statement = prepared.handle
    var large = false
    let placeholders = prepared.indices.count
    guard placeholders == parameters.count else {
      throw DatabaseError.parameterCountMismatch(expected: placeholders, given: parameters.count)
    }
    for (offset, value) in parameters.enumerated() {
      let index = prepared.indices[offset]
      guard index > 0 else {
        throw DatabaseError.parameterCountMismatch(expected: placeholders, given: offset + 1)
      }
      let status =
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let number): sqlite3_bind_int64(statement, index, number)
        case .real(let number): sqlite3_bind_double(statement, index, number)
        case .text(let text): bindText(text, statement: statement, index: index)
        case .blob(let bytes): bindBlob(bytes, statement: statement, index: index)
        }
      guard status == SQLITE_OK else { throw lastError(status) }
      switch value {
      case .text(let text): large = large || text.utf8.count > Self.largeValueBytes
      case .blob(let bytes): large = large || bytes.count > Self.largeValueBytes
      default: break
      }
    }
    return large
  }

  /// Bound values longer than this are released right after their statement runs.
  private static let largeValueBytes = 4_096

  /// Binds `text` from its own UTF-8 storage: handing a `String` to a C string parameter
  /// copied it into a new null-terminated array first, for each of the forty-odd texts an
  /// order binds.
  private func bindText(_ text: String, statement: OpaquePointer, index: Int32) -> Int32 {
    var text = text
    return text.withUTF8 { utf8 in
      // An empty buffer may have no address, and SQLite binds a null pointer as NULL.
      guard let start = utf8.baseAddress, !utf8.isEmpty else {
        return sqlite3_bind_text(statement, index, "", 0, fd_sqlite_transient())
      }
      return start.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
        sqlite3_bind_text(statement, index, $0, Int32(utf8.count), fd_sqlite_transient())
      }
    }
  }

  private func bindBlob(_ bytes: [UInt8], statement: OpaquePointer, index: Int32) -> Int32 {
    if bytes.isEmpty { return sqlite3_bind_zeroblob(statement, index, 0) }
    return bytes.withUnsafeBytes {
      sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), fd_sqlite_transient())
    }
  }

  private func read(_ statement: OpaquePointer, _ column: Int) -> SQLValue {
    let index = Int32(column)
    switch sqlite3_column_type(statement, index) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
    case SQLITE_TEXT:
      return .text(String(cString: sqlite3_column_text(statement, index)))
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(statement, index))
      guard count > 0, let pointer = sqlite3_column_blob(statement, index) else { return .blob([]) }
      return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
    default: return .null
    }
  }

  private func lastError(_ status: Int32) -> DatabaseError {
    let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "connection closed"
    return error(status: sqlite3_extended_errcode(handle), message: message)
  }

  // Extended result codes whose C macros are expressions Swift does not import.
  private static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
  private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
  private static let constraintTrigger = SQLITE_CONSTRAINT | (7 << 8)
  /// How an append-only table's trigger words its refusal: `<table> is append-only`.
  private static let appendOnlySuffix = " is append-only"
  private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

  /// Maps an extended result code to the engine-neutral error.
  private func error(status: Int32, message: String) -> DatabaseError {
    let primary = status & 0xFF
    switch status {
    case Self.constraintUnique, Self.constraintPrimaryKey:
      return .uniqueViolation(constraint: constraintName(message))
    case Self.constraintForeignKey:
      return .foreignKeyViolation(constraint: constraintName(message))
    case Self.constraintTrigger where message.hasSuffix(Self.appendOnlySuffix):
      return .appendOnly(table: String(message.dropLast(Self.appendOnlySuffix.count)))
    default: break
    }
    switch primary {
    case SQLITE_BUSY, SQLITE_LOCKED: return .transactionConflict(reason: message)
    case SQLITE_CONSTRAINT: return .constraintViolation(message: message)
    case SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_FULL:
      isBroken = true
      return .unavailable(reason: message)
    default: return .queryFailed(message: message, state: String(status))
    }
  }

  /// The part after "UNIQUE constraint failed: ", i.e. the columns that clashed.
  private func constraintName(_ message: String) -> String {
    guard let colon = message.lastIndex(of: ":") else { return message }
    return message[message.index(after: colon)...].trimmingPrefix(" ").description
  }
}
