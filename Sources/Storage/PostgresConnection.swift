import CPostgreSQL
import Foundation

/// One libpq connection with its prepared statements, cached by SQL text so each statement
/// is parsed and planned once per connection.
///
/// Parameters are sent as text with unspecified types (the server infers them from the
/// statement, as it does for literals), except blobs, which are sent in binary.
final class PostgresConnection: DriverConnection {
  private struct Prepared {
    var name: String
    var parameterCount: Int
  }

  private var handle: OpaquePointer?
  private var statements: [StatementText: Prepared] = [:]
  private var statementsPrepared = 0

  var engine: DatabaseEngine { .postgres }
  let serial = ConnectionSerial.next()
  private(set) var isBroken = false

  /// Connects with a libpq URI; a `connect_timeout` in the URI overrides the default.
  init(url: String) throws {
    let keywords = ["connect_timeout", "dbname"]
    let values = [String(Limits.connectTimeoutSeconds), url]
    handle = withCStrings(keywords) { keywords in
      withCStrings(values) { values in PQconnectdbParams(keywords, values, 1) }
    }
    guard PQstatus(handle) == CONNECTION_OK else {
      let message = String(cString: PQerrorMessage(handle))
      PQfinish(handle)
      handle = nil
      throw DatabaseError.unavailable(
        reason: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    // NOTICE messages ("relation already exists, skipping") are not errors; keep stderr clean.
    PQsetNoticeProcessor(handle, { _, _ in }, nil)
  }

  func close() {
    PQfinish(handle)
    handle = nil
  }

  func executeScript(_ sql: String) throws {
    let result = PQexec(handle, sql)
    defer { PQclear(result) }
    try check(result)
  }

  func run(_ sql: String, _ parameters: [SQLValue]) throws -> (rows: [Row], affected: Int) {
    let key = StatementText(sql: sql)
    let wasCached = statements[key] != nil
    let statement = try prepared(key)
    guard statement.parameterCount == parameters.count else {
      throw DatabaseError.parameterCountMismatch(
        expected: statement.parameterCount, given: parameters.count)
    }
    let result = withParameters(parameters) { values, lengths, formats in
      PQexecPrepared(handle, statement.name, Int32(parameters.count), values, lengths, formats, 0)
    }
    defer { PQclear(result) }
    do {
      try check(result)
    } catch DatabaseError.queryFailed(let message, "0A000") where wasCached {
      // "cached plan must not change result type": a migration altered a table after this
      // statement was prepared. Forget it and let the transaction run again, which
      // prepares it afresh.
      statements[key] = nil
      throw DatabaseError.transactionConflict(reason: message)
    }
    let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
    return (rows(of: result), affected)
  }

  /// The statement of `key`, prepared on the server the first time it runs.
  private func prepared(_ key: StatementText) throws -> Prepared {
    if let statement = statements[key] { return statement }
    if statements.count >= Limits.statementCacheEntriesMax {
      try executeScript("DEALLOCATE ALL")
      statements = [:]
    }
    statementsPrepared += 1
    let name = "fd_statement_\(statementsPrepared)"
    let preparation = PQprepare(handle, name, key.sql, 0, nil)
    defer { PQclear(preparation) }
    try check(preparation)
    let description = PQdescribePrepared(handle, name)
    defer { PQclear(description) }
    try check(description)
    let statement = Prepared(name: name, parameterCount: Int(PQnparams(description)))
    statements[key] = statement
    return statement
  }

  /// Calls `body` with C arrays of parameter values, lengths and formats (0 text, 1 binary).
  private func withParameters(
    _ parameters: [SQLValue],
    _ body: (
      UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?
    ) -> OpaquePointer?
  ) -> OpaquePointer? {
    var buffers: [UnsafeMutablePointer<CChar>?] = []
    var lengths: [Int32] = []
    var formats: [Int32] = []
    defer {
      for buffer in buffers { free(buffer) }
    }
    for value in parameters {
      var length: Int32 = 0
      switch value {
      case .null: buffers.append(nil)
      case .integer(let number): buffers.append(strdup(String(number)))
      case .real(let number): buffers.append(strdup(String(number)))
      case .text(let text): buffers.append(strdup(text))
      case .blob(let bytes):
        let buffer = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { source in
          UnsafeMutableRawBufferPointer(start: buffer, count: bytes.count).copyMemory(from: source)
        }
        buffers.append(buffer.assumingMemoryBound(to: CChar.self))
        length = Int32(bytes.count)
      }
      lengths.append(length)
      formats.append(value.isBlob ? 1 : 0)
    }
    let values = buffers.map { UnsafePointer($0) }
    return values.withUnsafeBufferPointer { values in
      lengths.withUnsafeBufferPointer { lengths in
        formats.withUnsafeBufferPointer { formats in
          body(values.baseAddress, lengths.baseAddress, formats.baseAddress)
        }
      }
    }
  }

  private func rows(of result: OpaquePointer?) -> [Row] {
    let columnCount = PQnfields(result)
    let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
    return (0..<PQntuples(result)).map { row in
      Row(columns: columns, values: (0..<columnCount).map { value(result, row, $0) })
    }
  }

  private func value(_ result: OpaquePointer?, _ row: Int32, _ column: Int32) -> SQLValue {
    if PQgetisnull(result, row, column) == 1 { return .null }
    let text = PQgetvalue(result, row, column)!
    switch PQftype(result, column) {
    case 20, 21, 23, 26:  // int8, int2, int4, oid
      return Int64(String(cString: text)).map(SQLValue.integer) ?? .text(String(cString: text))
    case 700, 701:  // float4, float8
      return Double(String(cString: text)).map(SQLValue.real) ?? .text(String(cString: text))
    case 16:  // bool
      return .integer(text.pointee == CChar(UInt8(ascii: "t")) ? 1 : 0)
    case 17:  // bytea, in hex text form
      var count = 0
      let escaped = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
      guard let bytes = PQunescapeBytea(escaped, &count) else { return .blob([]) }
      defer { PQfreemem(bytes) }
      return .blob(Array(UnsafeBufferPointer(start: bytes, count: count)))
    default:
      return .text(String(cString: text))
    }
  }

  /// Throws the engine-neutral error when `result` is not a success.
  private func check(_ result: OpaquePointer?) throws {
    let status = PQresultStatus(result)
    if result != nil && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) { return }
    throw error(from: result)
  }

  private func error(from result: OpaquePointer?) -> DatabaseError {
    let message = String(
      cString: result.map { PQresultErrorMessage($0) } ?? PQerrorMessage(handle)
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    if PQstatus(handle) != CONNECTION_OK {
      isBroken = true
      return .unavailable(reason: message)
    }
    let state = field(result, "C") ?? ""
    switch state {
    case "23505": return .uniqueViolation(constraint: field(result, "n") ?? message)
    case "23503": return .foreignKeyViolation(constraint: field(result, "n") ?? message)
    case "23502", "23514": return .constraintViolation(message: message)
    case "23001": return .appendOnly(table: field(result, "t") ?? message)
    case "40001", "40P01": return .transactionConflict(reason: message)
    case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
      isBroken = true
      return .unavailable(reason: message)
    default: return .queryFailed(message: message, state: state)
    }
  }

  private func field(_ result: OpaquePointer?, _ code: Unicode.Scalar) -> String? {
    guard let result, let text = PQresultErrorField(result, Int32(code.value)) else { return nil }
    return String(cString: text)
  }
}

extension SQLValue {
  /// Whether libpq must send this parameter in binary.
  fileprivate var isBlob: Bool {
    if case .blob = self { return true }
    return false
  }
}

/// Calls `body` with a C array of C strings that lives for the duration of the call.
private func withCStrings<T>(
  _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T
) -> T {
  let copies = strings.map { UnsafePointer(strdup($0)) } + [nil]
  defer {
    for copy in copies { free(UnsafeMutablePointer(mutating: copy)) }
  }
  return copies.withUnsafeBufferPointer { body($0.baseAddress!) }
}
