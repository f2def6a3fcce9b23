/// One numbered, never-edited change to the schema of one module.
///
/// Most migrations are one SQL text for both engines; when a statement cannot be written
/// portably, give per-engine variants. The checksum (SHA-256 of the text that runs on the
/// engine) is recorded when the migration lands, and a later mismatch stops the application
/// from starting: a landed migration must never change, only be followed by a new one.
public struct Migration: Sendable, Equatable {
  /// The module that owns the tables, e.g. `storage`, `orders`.
  public let module: String
  /// The position within the module, from 1.
  public let number: Int
  /// A short description, e.g. `create_orders`.
  public let name: String
  /// The statements run on SQLite, `;`-separated.
  public let sqliteSQL: String
  /// The statements run on PostgreSQL, `;`-separated.
  public let postgresSQL: String

  /// A migration with one SQL text for both engines.
  public init(module: String, number: Int, name: String, sql: String) {
    self.init(module: module, number: number, name: name, sqlite: sql, postgres: sql)
  }

  /// A migration whose SQL differs per engine.
  public init(module: String, number: Int, name: String, sqlite: String, postgres: String) {
    precondition(number > 0, "migration numbers start at 1")
    precondition(!module.isEmpty && !name.isEmpty, "a migration names its module and itself")
    self.module = module
    self.number = number
    self.name = name
    sqliteSQL = sqlite
    postgresSQL = postgres
  }

  /// The statements that run on `engine`.
  public func sql(for engine: DatabaseEngine) -> String {
    switch engine {
    case .sqlite: sqliteSQL
    case .postgres: postgresSQL
    }
  }

  /// The lowercase hex SHA-256 of the statements that run on `engine`.
  public func checksum(for engine: DatabaseEngine) -> String {
    SHA256.hex(sql(for: engine))
  }
}
