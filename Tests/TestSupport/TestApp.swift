public import App
import FreightdeskCore
import Storage
public import Web

/// A whole Freightdesk server for one test: a fresh database on the chosen engine, migrated,
/// the given modules, listening on an ephemeral loopback port, with a client pointed at it.
/// It stops, and its database is removed, when the test releases it.
public final class TestApp {
  /// The running application.
  public let application: Application
  /// Its database.
  public let database: TestDatabase
  /// The clock the application reads.
  public let clock: ManualClock
  /// A client for it.
  public let client: HTTPClient

  /// Starts a server with the standard modules and any extra test modules; `configure` may
  /// adjust the configuration first. Passwords hash cheaply, so tests stay fast.
  public init(
    _ backend: Backend, adding extra: [AppModule] = [],
    configure: (inout AppConfiguration) -> Void = { _ in }
  ) throws {
    clock = ManualClock()
    database = try TestDatabase.make(backend, migrated: false)
    var configuration = AppConfiguration(databaseURL: database.url, accessLog: false)
    configuration.server.port = 0
    configuration.server.threads = 4
    configuration.server.writeThreads = 4
    configuration.identity.passwordHashing = .fastForTests
    configure(&configuration)
    application = try Application(
      configuration: configuration, clock: clock, extraModules: extra, database: database)
    try application.prepareSchema()
    try application.start()
    client = HTTPClient(port: application.port)
  }

  deinit {
    application.shutdown()
    database.discard()
  }
}
