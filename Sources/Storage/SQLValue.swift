public import FreightdeskCore

/// One value bound to a `$N` parameter or read from a result column, the same on both engines.
///
/// Booleans are stored as integers 0 and 1, identifiers and instants as `Int64`, so one SQL
/// text serves SQLite and PostgreSQL alike.
public enum SQLValue: Sendable, Hashable {
  /// SQL `NULL`.
  case null
  /// A 64-bit signed integer (`BIGINT`).
  case integer(Int64)
  /// A double-precision float; never used for money.
  case real(Double)
  /// UTF-8 text.
  case text(String)
  /// Raw bytes (`BLOB` on SQLite, `BYTEA` on PostgreSQL).
  case blob([UInt8])

  /// Converts any value that knows its SQL form, including optionals (`nil` is `NULL`).
  public init(_ value: some SQLValueConvertible) {
    self = value.sqlValue
  }

  /// Whether this is SQL `NULL`.
  public var isNull: Bool { self == .null }
}

extension SQLValue: ExpressibleByIntegerLiteral {
  /// An integer literal, e.g. `[5]` as parameters.
  public init(integerLiteral value: Int64) {
    self = .integer(value)
  }
}

extension SQLValue: ExpressibleByStringLiteral {
  /// A string literal, e.g. `["queued"]` as parameters.
  public init(stringLiteral value: String) {
    self = .text(value)
  }
}

extension SQLValue: ExpressibleByFloatLiteral {
  /// A float literal.
  public init(floatLiteral value: Double) {
    self = .real(value)
  }
}

extension SQLValue: ExpressibleByBooleanLiteral {
  /// A boolean literal as 0 or 1.
  public init(booleanLiteral value: Bool) {
    self.init(value)
  }
}

extension SQLValue: ExpressibleByNilLiteral {
  /// `nil` as SQL `NULL`.
  public init(nilLiteral: ()) {
    self = .null
  }
}

extension SQLValue: CustomStringConvertible {
  /// A short form for logs and test failures; blobs show only their length.
  public var description: String {
    switch self {
    case .null: "NULL"
    case .integer(let value): String(value)
    case .real(let value): String(value)
    case .text(let value): "'\(value)'"
    case .blob(let bytes): "<\(bytes.count) bytes>"
    }
  }
}

/// A Swift value with one SQL representation, so it can be passed where an ``SQLValue`` is
/// expected via `SQLValue(value)`.
public protocol SQLValueConvertible {
  /// The value as bound to a parameter.
  var sqlValue: SQLValue { get }
}

extension Int: SQLValueConvertible {
  /// The integer as `BIGINT`.
  public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLValueConvertible {
  /// The integer as `BIGINT`.
  public var sqlValue: SQLValue { .integer(self) }
}

extension Double: SQLValueConvertible {
  /// The float as a double-precision value.
  public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLValueConvertible {
  /// The string as text.
  public var sqlValue: SQLValue { .text(self) }
}

extension Bool: SQLValueConvertible {
  /// The boolean as 0 or 1, the portable form.
  public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Array: SQLValueConvertible where Element == UInt8 {
  /// The bytes as a blob.
  public var sqlValue: SQLValue { .blob(self) }
}

extension Identifier: SQLValueConvertible {
  /// The identifier as its stored integer.
  public var sqlValue: SQLValue { .integer(rawValue) }
}

extension TenantID: SQLValueConvertible {
  /// The tenant as its stored integer.
  public var sqlValue: SQLValue { .integer(rawValue) }
}

extension Instant: SQLValueConvertible {
  /// The instant as epoch milliseconds.
  public var sqlValue: SQLValue { .integer(epochMilliseconds) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
  /// The wrapped value, or `NULL`.
  public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
