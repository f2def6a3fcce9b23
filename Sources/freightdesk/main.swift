import Foundation
import FreightdeskCore
import Web

#if canImport(Glibc)
  import Glibc
#endif

/// Every subcommand, in the order `help` lists them.
let commands: [Command] = [
  serveCommand, migrateCommand, backupCommand, restoreCommand, demoCommand, tenantCommand,
  userCommand, tokenCommand, jobsCommand, auditCommand, solveCommand, versionCommand,
]

func printHelp(_ commands: [Command]) {
  var text = "Usage: freightdesk COMMAND [OPTIONS]\n\nCommands:\n"
  for command in commands {
    text +=
      "  " + command.name.padding(toLength: 10, withPad: " ", startingAt: 0)
      + command.summary + "\n"
  }
  text +=
    "  help      Show this help\n\nRun `freightdesk COMMAND --help` for a command's options.\n"
  print(text, terminator: "")
}

func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data("freightdesk: \(message)\n".utf8))
  exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first else {
  printHelp(commands)
  exit(2)
}
if name == "help" || name == "--help" || name == "-h" {
  printHelp(commands)
  exit(0)
}
guard let command = commands.first(where: { $0.name == name }) else {
  fail("unknown command '\(name)'; run `freightdesk help`", status: 2)
}
let rest = Array(arguments.dropFirst())
if rest.contains("--help") || rest.contains("-h") {
  print(command.usage)
  exit(0)
}
do {
  exit(try command.run(rest))
} catch let error as UsageError {
  fail("\(error.message); run `freightdesk \(name) --help`", status: 2)
} catch let error as any UserFacingError {
  let locale =
    AppLocale(
      languageTag: ProcessInfo.processInfo.environment["LANG"] ?? "") ?? .english
  let localizer = Localizer(locale: locale)
  var message = localizer.message(for: error)
  for field in error.fieldErrors {
    message += "\n  \(field.pointer.dropFirst()): " + localizer.message(for: field)
  }
  fail(message, status: 1)
} catch let error as any CustomStringConvertible & Error {
  fail(error.description, status: 1)
} catch {
  fail(String(describing: error), status: 1)
}
