import Foundation

/// A mistake on the command line: printed as one line, exit status 2.
struct UsageError: Error {
  let message: String

  init(_ message: String) {
    self.message = message
  }
}

/// Parsed `--name value`, `--name=value` and `--flag` options plus positional arguments,
/// checked against the names a command accepts.
struct CommandLineOptions {
  private(set) var values: [String: String] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positionals: [String] = []

  /// Parses `arguments`; `valued` options take a value, `switches` do not.
  init(_ arguments: [String], valued: Set<String>, switches: Set<String>) throws {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--") else {
        positionals.append(argument)
        continue
      }
      let body = argument.dropFirst(2)
      let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts.first ?? ""
      if switches.contains(name) {
        guard parts.count == 1 else { throw UsageError("--\(name) takes no value") }
        flags.insert(name)
      } else if valued.contains(name) {
        if parts.count == 2 {
          values[name] = parts[1]
        } else {
          guard index < arguments.count else { throw UsageError("--\(name) needs a value") }
          values[name] = arguments[index]
          index += 1
        }
      } else {
        throw UsageError("unknown option --\(name)")
      }
    }
  }

  /// The option's value, else the environment variable's, else nil.
  func value(_ name: String, environment variable: String? = nil) -> String? {
    if let value = values[name] { return value }
    guard let variable else { return nil }
    return ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether a switch was given.
  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// Fails unless exactly `count` positional arguments were given.
  func requirePositionals(_ count: Int, naming what: String) throws -> [String] {
    guard positionals.count == count else {
      throw UsageError(
        positionals.count < count ? "missing \(what)" : "unexpected argument \(positionals.last!)")
    }
    return positionals
  }
}
