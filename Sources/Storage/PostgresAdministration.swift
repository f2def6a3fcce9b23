/// Creating and dropping whole PostgreSQL databases, which cannot happen inside a
/// transaction and so has no place in ``Database``. Used by set-up tooling and by tests,
/// which give each test its own database.
public enum PostgresAdministration {
  /// Creates an empty database `name` (letters, digits and underscores) on the server that
  /// `serverURL` connects to; the connecting role needs `CREATEDB`.
  public static func createDatabase(named name: String, serverURL: String) throws {
    try run("CREATE DATABASE \(try quoted(name))", serverURL: serverURL)
  }

  /// Drops database `name` if it exists, disconnecting whoever still uses it.
  public static func dropDatabase(named name: String, serverURL: String) throws {
    try run("DROP DATABASE IF EXISTS \(try quoted(name)) WITH (FORCE)", serverURL: serverURL)
  }

  private static func run(_ sql: String, serverURL: String) throws {
    let connection = try PostgresConnection(url: serverURL)
    defer { connection.close() }
    try connection.executeScript(sql)
  }

  /// The name in double quotes, after checking it needs no escaping.
  private static func quoted(_ name: String) throws -> String {
    let allowed = name.utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
    guard allowed, !name.isEmpty, name.utf8.count <= 63 else {
      throw DatabaseError.invalidURL("database name \(name)")
    }
    return "\"\(name)\""
  }
}
