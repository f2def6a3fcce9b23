import Foundation
public import FreightdeskCore

/// One JSON line per request on standard output: what operators grep and ship to log stores.
public struct AccessLog: Sendable {
  /// Whether lines are written at all (benchmarks may turn it off to measure the server alone).
  public let enabled: Bool
  private let clock: any Clock

  /// Creates the log; `clock` stamps each line.
  public init(enabled: Bool = true, clock: any Clock = SystemClock()) {
    self.enabled = enabled
    self.clock = clock
  }

  /// Writes the line for one answered request.
  func record(
    request: Request, context: RequestContext, route: String, status: Int, bytes: Int,
    durationSeconds: Double
  ) {
    guard enabled else { return }
    let milliseconds = (durationSeconds * 1000 * 1000).rounded() / 1000
    let line =
      "{\"time\":\(clock.now().epochMilliseconds),\"level\":\"info\",\"event\":\"request\","
      + "\"request_id\":\(JSONText.quoted(context.requestID)),"
      + "\"method\":\"\(request.method.rawValue)\",\"path\":\(JSONText.quoted(request.path)),"
      + "\"route\":\(JSONText.quoted(route)),\"status\":\(status),\"bytes\":\(bytes),"
      + "\"duration_ms\":\(milliseconds),\"client\":\(JSONText.quoted(context.clientAddress))}\n"
    Log.write(line)
  }
}

/// Structured JSON-lines logging for events other than requests (start-up, errors, jobs).
public enum Log {
  /// Severity of a log line.
  public enum Level: String, Sendable {
    case info, warning, error
  }

  /// Writes one event with string fields.
  public static func event(_ name: String, level: Level = .info, _ fields: [String: String] = [:]) {
    var line =
      "{\"time\":\(SystemClock().now().epochMilliseconds),\"level\":\"\(level.rawValue)\","
      + "\"event\":\(JSONText.quoted(name))"
    for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
      line += ",\(JSONText.quoted(key)):\(JSONText.quoted(value))"
    }
    write(line + "}\n")
  }

  static func write(_ line: String) {
    FileHandle.standardOutput.write(Data(line.utf8))
  }
}
