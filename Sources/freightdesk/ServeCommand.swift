import App
import Foundation
import Identity
import Storage
import Web

#if canImport(Glibc)
  import Glibc
#endif

/// `freightdesk serve`.
let serveCommand = Command(
  name: "serve", summary: "Run the web server",
  usage: """
    Usage: freightdesk serve [--database URL] [--bind ADDRESS] [--port N] [--threads N]
                           [--write-threads N]

    Serves the web app and the API. An empty database is migrated first; a database with
    pending migrations is refused until `freightdesk migrate` runs. SIGINT or SIGTERM stops
    it gracefully: no new connections, in-flight requests finish, exit 0.

    \(DatabaseOption.usage)
      --bind ADDRESS   numeric IPv4 or IPv6 address (env FREIGHTDESK_BIND; default 127.0.0.1)
      --port N         TCP port, 0 for any free one (env FREIGHTDESK_PORT; default 8080)
      --threads N      connection threads, which also answer reads (env FREIGHTDESK_THREADS;
                       default 4 per core)
      --write-threads N
                       threads for requests that change data (env
                       FREIGHTDESK_WRITE_THREADS; default 32 per core on SQLite,
                       16 on PostgreSQL)
      --no-access-log  do not write a JSON line per request (env FREIGHTDESK_ACCESS_LOG=off)
      --demo-if-empty  create the demo company when there is no company yet (make run)
      --secure-cookies the site is served over TLS (behind a proxy): session cookies get the
                       __Host- prefix and Secure (env FREIGHTDESK_SECURE_COOKIES=1)
      --synchronous M  SQLite durability FULL or NORMAL (env FREIGHTDESK_SQLITE_SYNCHRONOUS;
                       default FULL: an acknowledged write survives a power cut)
    """
) { arguments in
  let options = try CommandLineOptions(
    arguments, valued: ["database", "bind", "port", "threads", "write-threads", "synchronous"],
    switches: ["no-access-log", "demo-if-empty", "secure-cookies"])
  _ = try options.requirePositionals(0, naming: "")
  let configuration = try serveConfiguration(options)
  try DatabaseOption.prepareDirectory(for: configuration.databaseURL)
  let signals = blockTerminationSignals()
  let application = try Application(configuration: configuration)
  try application.prepareSchema()
  if options.has("demo-if-empty") {
    let identity = IdentityService(
      services: application.services, configuration: configuration.identity)
    if try !identity.hasCompanies() { printDemo(try application.createDemo()) }
  }
  try application.start()
  let host =
    configuration.server.bindAddress.contains(":")
    ? "[\(configuration.server.bindAddress)]" : configuration.server.bindAddress
  let address = "http://\(host):\(application.port)"
  FileHandle.standardError.write(
    Data(
      "Freightdesk is running at \(address)/ — sign in at \(address)/login (Ctrl-C stops it)\n"
        .utf8))
  var received: Int32 = 0
  sigwait(&signals.set, &received)
  application.shutdown()
  return 0
}

private func serveConfiguration(_ options: CommandLineOptions) throws -> AppConfiguration {
  var configuration = AppConfiguration(databaseURL: try DatabaseOption.url(options))
  let bind = options.value("bind", environment: "FREIGHTDESK_BIND") ?? "127.0.0.1"
  guard let port = UInt16(options.value("port", environment: "FREIGHTDESK_PORT") ?? "8080") else {
    throw UsageError("--port must be a number from 0 to 65535")
  }
  configuration.server = ServerConfiguration(
    bindAddress: bind, port: port,
    threads: try threadCount(options, "threads", environment: "FREIGHTDESK_THREADS"),
    writeThreads: try threadCount(
      options, "write-threads", environment: "FREIGHTDESK_WRITE_THREADS"))
  configuration.accessLog =
    !options.has("no-access-log")
    && options.value("access-log", environment: "FREIGHTDESK_ACCESS_LOG") != "off"
  configuration.identity.secureCookies =
    options.has("secure-cookies")
    || ProcessInfo.processInfo.environment["FREIGHTDESK_SECURE_COOKIES"] == "1"
  if let text = options.value("synchronous", environment: "FREIGHTDESK_SQLITE_SYNCHRONOUS") {
    guard let level = SQLiteSynchronous(rawValue: text.uppercased()) else {
      throw UsageError("--synchronous must be FULL or NORMAL")
    }
    configuration.databaseOptions.synchronous = level
  }
  return configuration
}

/// The termination signals, blocked in every thread so the main thread can wait for them.
final class SignalSet {
  var set = sigset_t()
}

private func blockTerminationSignals() -> SignalSet {
  let signals = SignalSet()
  sigemptyset(&signals.set)
  sigaddset(&signals.set, SIGINT)
  sigaddset(&signals.set, SIGTERM)
  pthread_sigmask(SIG_BLOCK, &signals.set, nil)
  return signals
}

/// The thread count given as `--name` (or in `environment`), from 1 to 1024; nil when not given.
private func threadCount(_ options: CommandLineOptions, _ name: String, environment: String)
  throws -> Int?
{
  guard let text = options.value(name, environment: environment) else { return nil }
  guard let value = Int(text), (1...1024).contains(value) else {
    throw UsageError("--\(name) must be a number from 1 to 1024")
  }
  return value
}
