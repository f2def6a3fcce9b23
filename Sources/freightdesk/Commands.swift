import App
import Foundation
import Storage
import Web

/// One `freightdesk` subcommand.
struct Command: Sendable {
  /// The word after `freightdesk`.
  let name: String
  /// One line for `freightdesk help`.
  let summary: String
  /// The full `--help` text.
  let usage: String
  /// Runs with the arguments after the name; returns the exit status.
  let run: @Sendable ([String]) throws -> Int32
}

/// The options every database command shares.
enum DatabaseOption {
  static let usage = """
      --database URL   sqlite:PATH or postgres://… (env FREIGHTDESK_DATABASE_URL;
                       default sqlite:data/freightdesk.sqlite)
    """

  static func url(_ options: CommandLineOptions) throws -> String {
    let url =
      options.value("database", environment: "FREIGHTDESK_DATABASE_URL")
      ?? AppConfiguration().databaseURL
    guard url.hasPrefix("sqlite:") || url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    else { throw UsageError("--database must be sqlite:PATH or postgres://…, not \(url)") }
    return url
  }

  /// Creates the folder of an SQLite file so a first run just works.
  static func prepareDirectory(for url: String) throws {
    guard url.hasPrefix("sqlite:") else { return }
    let path = String(url.dropFirst("sqlite:".count))
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
  }
}

/// `freightdesk migrate`.
let migrateCommand = Command(
  name: "migrate", summary: "Bring the database schema up to date",
  usage: """
    Usage: freightdesk migrate [--dry-run] [--database URL]

    Applies every pending migration, each in its own transaction, and lists them.
    Refuses to run when a migration that already landed was edited since.

      --dry-run        list what would run, change nothing
    \(DatabaseOption.usage)
    """
) { arguments in
  let options = try CommandLineOptions(arguments, valued: ["database"], switches: ["dry-run"])
  _ = try options.requirePositionals(0, naming: "")
  let url = try DatabaseOption.url(options)
  try DatabaseOption.prepareDirectory(for: url)
  let application = try Application(configuration: AppConfiguration(databaseURL: url))
  defer { application.database.close() }
  let dryRun = options.has("dry-run")
  let migrations = try application.migrator.migrate(dryRun: dryRun)
  if migrations.isEmpty {
    print("The database schema is up to date.")
  }
  for migration in migrations {
    print(
      "\(dryRun ? "would apply" : "applied") \(migration.module)/\(migration.number) \(migration.name)"
    )
  }
  return 0
}

/// `freightdesk backup FILE`.
let backupCommand = Command(
  name: "backup", summary: "Write a consistent copy of an SQLite database to a file",
  usage: """
    Usage: freightdesk backup FILE [--database URL]

    Copies the whole SQLite database to FILE while the server keeps running (SQLite's online
    backup). For PostgreSQL use pg_dump; see docs/operations.md.
    \(DatabaseOption.usage)
    """
) { arguments in
  let options = try CommandLineOptions(arguments, valued: ["database"], switches: [])
  let file = try options.requirePositionals(1, naming: "the backup FILE")[0]
  let database = try openDatabase(url: try DatabaseOption.url(options))
  defer { database.close() }
  try database.backup(to: file)
  print("Backed up to \(file).")
  return 0
}

/// `freightdesk restore FILE`.
let restoreCommand = Command(
  name: "restore", summary: "Replace an SQLite database with a backup",
  usage: """
    Usage: freightdesk restore FILE [--database URL]

    Checks that FILE is an intact SQLite backup, then replaces the database with it.
    Stop the server first. For PostgreSQL use pg_restore; see docs/operations.md.
    \(DatabaseOption.usage)
    """
) { arguments in
  let options = try CommandLineOptions(arguments, valued: ["database"], switches: [])
  let file = try options.requirePositionals(1, naming: "the backup FILE")[0]
  let url = try DatabaseOption.url(options)
  guard url.hasPrefix("sqlite:") else {
    throw UsageError("restore works on SQLite databases; for PostgreSQL use pg_restore")
  }
  try DatabaseOption.prepareDirectory(for: url)
  try Backup.restore(from: file, toSQLiteDatabaseAt: String(url.dropFirst("sqlite:".count)))
  print("Restored \(file).")
  return 0
}

/// `freightdesk version`.
let versionCommand = Command(
  name: "version", summary: "Print the version",
  usage: "Usage: freightdesk version\n\nPrints the version of this build."
) { arguments in
  _ = try CommandLineOptions(arguments, valued: [], switches: []).requirePositionals(0, naming: "")
  print("freightdesk \(Application.version)")
  return 0
}

/// `freightdesk solve`: the route optimiser on a benchmark or customer instance file.
let solveCommand = Command(
  name: "solve", summary: "Solve a vehicle-routing instance (Solomon or VRPLIB file)",
  usage: SolveCommand.usage
) { arguments in SolveCommand.run(arguments) }
