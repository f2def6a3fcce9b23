import Foundation

/// A database engine the database tests run on: `@Test(arguments: Backend.allCases)`.
///
/// SQLite is always available. PostgreSQL joins when `FREIGHTDESK_TEST_POSTGRES_URL` is set
/// (`scripts/with-postgres` sets it). `FREIGHTDESK_TEST_BACKENDS=sqlite` (or `postgres`, or
/// both comma-separated) restricts the list, which is how `scripts/test` runs each engine once.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
  /// A temporary SQLite file.
  case sqlite
  /// A fresh database in the test PostgreSQL cluster.
  case postgres

  /// The engines available and selected in this environment.
  public static var allCases: [Backend] {
    let environment = ProcessInfo.processInfo.environment
    var available: [Backend] = [.sqlite]
    if environment["FREIGHTDESK_TEST_POSTGRES_URL"] != nil { available.append(.postgres) }
    guard let selection = environment["FREIGHTDESK_TEST_BACKENDS"], !selection.isEmpty else {
      return available
    }
    let selected = Set(
      selection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    return available.filter { selected.contains($0.rawValue) }
  }

  /// The engine for tests that run once rather than per engine: the first one selected, so
  /// the PostgreSQL pass of `scripts/test` runs them on PostgreSQL.
  public static var primary: Backend { allCases.first ?? .sqlite }

  /// The engine's name, shown in test output.
  public var description: String { rawValue }
}
