import Foundation
import Testing

/// The `freightdesk` executable as an operator uses it: exit statuses, one-line errors,
/// migrations, backups and a graceful stop.
///
/// A class, so that each test's scratch folder (databases, backups, solver files) is removed
/// when the test ends.
@Suite final class CommandLineTests {
  struct Outcome {
    var status: Int32
    var output: String
    var errors: String
  }

  private static let executable = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent().appendingPathComponent("freightdesk")

  /// This test's own folder; everything a test writes goes in it.
  private let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("freightdesk-cli-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: scratch)
  }

  private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
    let process = try start(arguments, environment: environment)
    let (output, errors) = (process.standardOutput as! Pipe, process.standardError as! Pipe)
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
      errors: String(decoding: err, as: UTF8.self))
  }

  private func start(_ arguments: [String], environment: [String: String] = [:]) throws
    -> Process
  {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged["FREIGHTDESK_DATABASE_URL"] = nil
    merged.merge(environment) { $1 }
    process.environment = merged
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    return process
  }

  private func temporaryDatabase() -> (url: String, path: String) {
    let path = scratch.appendingPathComponent("db.sqlite").path
    return ("sqlite:\(path)", path)
  }

  @Test func helpListsEveryCommand() throws {
    let outcome = try run(["help"])
    #expect(outcome.status == 0)
    for command in ["serve", "migrate", "backup", "restore", "version"] {
      #expect(outcome.output.contains("  \(command) "))
    }
    #expect(try run(["migrate", "--help"]).output.contains("--dry-run"))
  }

  @Test(arguments: [
    ["bogus"], ["serve", "--port", "99999"], ["serve", "--colour"], ["backup"],
    ["migrate", "--database", "mysql://x"], ["serve", "--threads"],
    ["serve", "--write-threads", "0"], ["serve", "--threads", "many"],
  ])
  func badArgumentsGiveOneLineAndStatusTwo(arguments: [String]) throws {
    let outcome = try run(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errors.hasPrefix("freightdesk: "))
    #expect(outcome.errors.split(separator: "\n").count == 1)
  }

  @Test func migrateListsThenAppliesThenHasNothingLeft() throws {
    let database = temporaryDatabase()
    let dryRun = try run(["migrate", "--dry-run", "--database", database.url])
    #expect(dryRun.status == 0)
    #expect(dryRun.output.contains("would apply storage/1"))
    let applied = try run(["migrate"], environment: ["FREIGHTDESK_DATABASE_URL": database.url])
    #expect(applied.output.contains("applied storage/1"))
    let again = try run(["migrate", "--database", database.url])
    #expect(again.output.contains("up to date"))
  }

  @Test func aBackupRestoresTheDatabase() throws {
    let database = temporaryDatabase()
    _ = try run(["migrate", "--database", database.url])
    let backup = database.path + ".backup"
    #expect(try run(["backup", backup, "--database", database.url]).status == 0)
    try FileManager.default.removeItem(atPath: database.path)
    #expect(try run(["restore", backup, "--database", database.url]).status == 0)
    #expect(
      try run(["migrate", "--dry-run", "--database", database.url]).output.contains("up to date"))
  }

  @Test func restoringSomethingThatIsNotABackupChangesNothing() throws {
    let database = temporaryDatabase()
    _ = try run(["migrate", "--database", database.url])
    let bogus = database.path + ".txt"
    try Data("hello".utf8).write(to: URL(fileURLWithPath: bogus))
    let outcome = try run(
      ["restore", bogus, "--database", database.url], environment: ["LANG": "en_US.UTF-8"])
    #expect(outcome.status == 1)
    #expect(outcome.errors.contains("backup file is not usable"))
    #expect(
      try run(["migrate", "--dry-run", "--database", database.url]).output.contains("up to date"))
  }

  @Test func serveStopsGracefullyOnSIGTERM() throws {
    let database = temporaryDatabase()
    let process = try start(["serve", "--port", "0", "--database", database.url, "--no-access-log"])
    let errors = (process.standardError as! Pipe).fileHandleForReading
    var banner = ""
    while !banner.contains("\n") {
      let chunk = errors.availableData
      if chunk.isEmpty { break }
      banner += String(decoding: chunk, as: UTF8.self)
    }
    #expect(banner.contains("Freightdesk is running at http://127.0.0.1:"))
    process.terminate()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
  }

  @Test func theDemoCompanyPrintsItsLoginsAndAnAPIToken() throws {
    let database = temporaryDatabase()
    let demo = try run(["demo", "--database", database.url])
    #expect(demo.status == 0)
    #expect(demo.output.contains("示例物流有限公司"))
    #expect(demo.output.contains("  dispatcher   dispatcher"))
    let tokenLine = demo.output.split(separator: "\n").first { $0.hasPrefix("API token: fdk_") }
    #expect(tokenLine != nil)
    let again = try run(["demo", "--database", database.url])
    #expect(again.status == 1)
    #expect(again.errors.contains("demo"))
  }

  @Test func operatorsManageCompaniesUsersAndTokensFromTheCommandLine() throws {
    let database = temporaryDatabase()
    let created = try run([
      "tenant", "create", "--slug", "acme", "--name", "艾克米物流", "--owner-login", "boss",
      "--owner-name", "老板", "--database", database.url,
    ])
    #expect(created.status == 0)
    #expect(created.output.contains("Owner password: fd-"))
    let added = try run([
      "user", "add", "--tenant", "acme", "--login", "disp", "--name", "调度", "--role",
      "dispatcher", "--role", "viewer", "--database", database.url,
    ])
    #expect(added.status == 0)
    #expect(added.output.contains("dispatcher, viewer"))
    let reset = try run([
      "user", "reset-password", "--tenant", "acme", "--login", "disp", "--password",
      "Silver-Van-902", "--database", database.url,
    ])
    #expect(reset.status == 0)
    let token = try run([
      "token", "create", "--tenant", "acme", "--user", "disp", "--scopes", "users.read",
      "--database", database.url,
    ])
    #expect(token.output.hasPrefix("API token: fdk_"))
    let extended = try run([
      "tenant", "extend", "--tenant", "acme", "--days", "30", "--database", database.url,
    ])
    #expect(extended.output.contains("45 days left"))
    let unknown = try run([
      "user", "add", "--tenant", "nobody", "--login", "x", "--database", database.url,
    ])
    #expect(unknown.status == 2)
    let verified = try run(["audit", "verify", "--database", database.url])
    #expect(verified.status == 0)
    #expect(verified.output.contains("intact"))
  }

  @Test func solveWritesAVRPLIBSolutionAndRefusesAMalformedFile() throws {
    let folder = scratch
    let instance = folder.appendingPathComponent("tiny.txt")
    try """
    TINY

    VEHICLE
    NUMBER     CAPACITY
      3         20

    CUSTOMER
    CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

        0      0          0          0          0       1000          0
        1      10         0         10          0       1000          5
        2      0          10        10          0       1000          5
        3      -10        0         10          0       1000          5
        4      0          -10       10          0       1000          5
    """.write(to: instance, atomically: true, encoding: .utf8)
    let solution = folder.appendingPathComponent("tiny.sol").path
    let solved = try run([
      "solve", instance.path, "--iterations", "200", "--seed", "1", "--output", solution,
    ])
    #expect(solved.status == 0)
    let written = try String(contentsOfFile: solution, encoding: .utf8)
    #expect(written.contains("Route #1:"))
    #expect(written.contains("Cost"))
    try "not an instance".write(to: instance, atomically: true, encoding: .utf8)
    let malformed = try run(["solve", instance.path, "--iterations", "10"])
    #expect(malformed.status == 1)
    #expect(malformed.errors.split(separator: "\n").count == 1)
    #expect(try run(["solve"]).status == 2)
  }

  @Test func solveWithTheVROOMFormatAnswersInVROOMJSONAndNamesTheBadJob() throws {
    let folder = scratch
    let problem = folder.appendingPathComponent("problem.json")
    try """
    {"vehicles": [{"id": 7, "start": [121.47, 31.23], "end": [121.47, 31.23], "capacity": [10]}],
     "jobs": [{"id": 1, "location": [121.50, 31.24], "delivery": [4], "service": 300},
              {"id": 2, "location": [121.45, 31.20], "delivery": [5]}]}
    """.write(to: problem, atomically: true, encoding: .utf8)
    let solution = folder.appendingPathComponent("solution.json").path
    let solved = try run([
      "solve", "--format", "vroom", problem.path, "--iterations", "50", "--output", solution,
    ])
    #expect(solved.status == 0)
    let answer = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: solution)))
        as? [String: Any])
    #expect(answer["code"] as? Int == 0)
    let routes = try #require(answer["routes"] as? [[String: Any]])
    #expect(routes.first?["vehicle"] as? Int == 7)
    #expect((routes.first?["steps"] as? [[String: Any]])?.count == 4)
    try """
    {"vehicles": [{"id": 7, "start": [121.47, 31.23], "capacity": [10]}],
     "jobs": [{"id": 17, "location": [121.50, 31.24], "delivery": [-4]}]}
    """.write(to: problem, atomically: true, encoding: .utf8)
    let refused = try run(["solve", "--format", "vroom", problem.path, "--iterations", "10"])
    #expect(refused.status == 1)
    #expect(refused.errors.split(separator: "\n").count == 1)
    #expect(
      refused.errors.contains("/jobs/0/delivery: job 17: delivery is negative (value_negative)"))
    #expect(try run(["solve", "--format", "vroom", problem.path, "--threads", "2"]).status == 2)
  }
}
