public import FreightdeskCore

/// One result row: values addressed by column name, with typed accessors that throw a
/// ``DatabaseError`` naming the column when the value is missing or of another type.
public struct Row: Sendable {
  /// The column names, in select order; shared by every row of one result.
  public let columns: [String]
  /// The values, parallel to ``columns``.
  public let values: [SQLValue]

  /// Creates a row; drivers build these from their native results.
  public init(columns: [String], values: [SQLValue]) {
    precondition(columns.count == values.count, "a row has one value per column")
    self.columns = columns
    self.values = values
  }

  /// The value of a column, or `.null` when the row has no such column.
  public subscript(column: String) -> SQLValue {
    columns.firstIndex(of: column).map { values[$0] } ?? .null
  }

  /// The value of a column that must exist.
  public func value(_ column: String) throws -> SQLValue {
    guard let index = columns.firstIndex(of: column) else {
      throw DatabaseError.columnMissing(column)
    }
    return values[index]
  }

  /// A non-null integer; numeric text (PostgreSQL's `SUM` of `BIGINT` is `NUMERIC`) is
  /// accepted when it is an exact `Int64`.
  public func int64(_ column: String) throws -> Int64 {
    guard let value = try optionalInt64(column) else { throw mismatch(column, "integer") }
    return value
  }

  /// An integer or nil for `NULL`.
  public func optionalInt64(_ column: String) throws -> Int64? {
    switch try value(column) {
    case .null: return nil
    case .integer(let value): return value
    case .text(let text):
      guard let value = Int64(text) else { throw mismatch(column, "integer") }
      return value
    case .real, .blob: throw mismatch(column, "integer")
    }
  }

  /// A non-null integer as `Int`.
  public func int(_ column: String) throws -> Int {
    Int(try int64(column))
  }

  /// A non-null float; integers are widened.
  public func double(_ column: String) throws -> Double {
    switch try value(column) {
    case .real(let value): return value
    case .integer(let value): return Double(value)
    default: throw mismatch(column, "real")
    }
  }

  /// Non-null text.
  public func string(_ column: String) throws -> String {
    guard let value = try optionalString(column) else { throw mismatch(column, "text") }
    return value
  }

  /// Text or nil for `NULL`.
  public func optionalString(_ column: String) throws -> String? {
    switch try value(column) {
    case .null: return nil
    case .text(let text): return text
    default: throw mismatch(column, "text")
    }
  }

  /// Non-null bytes.
  public func blob(_ column: String) throws -> [UInt8] {
    switch try value(column) {
    case .blob(let bytes): return bytes
    default: throw mismatch(column, "blob")
    }
  }

  /// A 0/1 integer as a boolean.
  public func bool(_ column: String) throws -> Bool {
    try int64(column) != 0
  }

  /// A non-null identifier.
  public func identifier(_ column: String) throws -> Identifier {
    Identifier(rawValue: try int64(column))
  }

  /// An identifier or nil for `NULL`.
  public func optionalIdentifier(_ column: String) throws -> Identifier? {
    try optionalInt64(column).map(Identifier.init(rawValue:))
  }

  /// A non-null instant stored as epoch milliseconds.
  public func instant(_ column: String) throws -> Instant {
    Instant(epochMilliseconds: try int64(column))
  }

  /// An instant or nil for `NULL`.
  public func optionalInstant(_ column: String) throws -> Instant? {
    try optionalInt64(column).map(Instant.init(epochMilliseconds:))
  }

  private func mismatch(_ column: String, _ expected: String) -> DatabaseError {
    let found =
      switch self[column] {
      case .null: "null"
      case .integer: "integer"
      case .real: "real"
      case .text: "text"
      case .blob: "blob"
      }
    return .columnTypeMismatch(column: column, expected: expected, found: found)
  }
}
