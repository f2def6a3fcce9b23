public import FreightdeskCore
import Identity
public import Storage
public import Web

/// A running Freightdesk: the database, its migrations, the modules' routes behind the HTTP
/// server, and the background workers. `open` connects; `start` serves; `shutdown` stops
/// gracefully (in-flight requests finish, workers stop, the database closes).
public final class Application: Sendable {
  /// The product version, shown by `freightdesk version`, in OpenAPI and in `/metrics`.
  public static let version = "0.1.0"

  /// The configuration it was opened with.
  public let configuration: AppConfiguration
  /// The database.
  public let database: any Database
  /// The services handed to modules.
  public let services: ModuleServices
  /// The modules it runs, in order.
  public let modules: [AppModule]
  private let metrics = Metrics()
  private let server: HTTPServer
  private let dispatcher: OutboxDispatcher
  private let jobRunner: JobRunner?
  private let maintenance: Maintenance

  /// Opens the database (or uses `database`, for tests) and assembles the standard modules
  /// plus `extraModules` behind the server; nothing listens yet.
  public init(
    configuration: AppConfiguration, clock: any Clock = SystemClock(),
    extraModules: [AppModule] = [], database: (any Database)? = nil
  ) throws {
    self.configuration = configuration
    let modules = Modules.standard(configuration) + extraModules
    self.modules = modules
    self.database =
      try database
      ?? openDatabase(url: configuration.databaseURL, options: configuration.databaseOptions)
    let identifiers = IdentifierGenerator(node: configuration.node, clock: clock)
    services = ModuleServices(
      database: self.database, clock: clock, identifiers: identifiers,
      outbox: Outbox(identifiers: identifiers, clock: clock),
      jobs: JobQueue(identifiers: identifiers, clock: clock),
      idempotency: IdempotencyGuard(clock: clock),
      audit: AuditLog(clock: clock, identifiers: identifiers),
      roleGrants: modules.reduce(RoleGrants()) { $0.merged(with: $1.roleGrants) })
    let authenticator = IdentityModule.authenticator(
      services: services, configuration: configuration.identity)
    let router = Self.buildRouter(
      modules: modules, services: services, authenticator: authenticator, metrics: metrics)
    let pipeline = Pipeline(
      router: router, metrics: metrics,
      accessLog: AccessLog(enabled: configuration.accessLog, clock: clock),
      errors: ErrorPresenter())
    var serverConfiguration = configuration.server
    serverConfiguration.writeThreads =
      serverConfiguration.writeThreads
      ?? (self.database.engine == .postgres
        ? ServerConfiguration.postgresWriteThreadCount
        : ServerConfiguration.defaultWriteThreadCount)
    server = try HTTPServer(configuration: serverConfiguration, pipeline: pipeline)
    let reportError: @Sendable (any Error) -> Void = { error in
      Log.event("worker_failed", level: .error, ["error": String(describing: error)])
    }
    let shared = services
    let serviced = modules.map { $0.servicedHandlers(shared) }
    dispatcher = OutboxDispatcher(
      database: self.database,
      handlers: modules.flatMap(\.outboxHandlers) + serviced.flatMap(\.outbox), clock: clock,
      reportError: reportError)
    let jobHandlers = modules.flatMap(\.jobHandlers) + serviced.flatMap(\.jobs)
    jobRunner =
      jobHandlers.isEmpty
      ? nil
      : JobRunner(
        database: self.database, queue: services.jobs, handlers: jobHandlers,
        workerName: "node-\(configuration.node)", reportError: reportError)
    maintenance = Maintenance(
      database: self.database, idempotency: services.idempotency, dispatcher: dispatcher,
      clock: clock)
    registerCollectors()
  }

  /// Every module's migrations in order.
  public var migrator: Migrator {
    get throws { try Migrator(database: database, migrations: modules.flatMap(\.migrations)) }
  }

  /// Migrates when the database has never been migrated; refuses (with the list) when an
  /// existing database has migrations pending, so upgrades happen through
  /// `freightdesk migrate` after a backup rather than silently at start.
  public func prepareSchema() throws {
    let pending = try migrator.pending()
    guard !pending.isEmpty else { return }
    let all = modules.flatMap(\.migrations)
    if pending.count == all.count {
      _ = try migrator.migrate()
      Log.event("database_migrated", ["migrations": String(pending.count)])
    } else {
      throw ApplicationError.migrationsPending(pending.map { "\($0.module)/\($0.number)" })
    }
  }

  /// Starts listening and the background workers.
  public func start() throws {
    try server.start()
    dispatcher.start()
    jobRunner?.start()
    maintenance.start()
    Log.event(
      "server_started",
      [
        "address": configuration.server.bindAddress, "port": String(server.port),
        "threads": String(configuration.server.threads),
        "write_threads": String(server.writeThreads),
        "database": database.engine.rawValue,
        "version": Self.version,
      ])
  }

  /// Runs one round of housekeeping now (it also runs hourly in the background).
  public func runMaintenance() {
    maintenance.runOnce()
  }

  /// The port the server listens on.
  public var port: UInt16 { server.port }

  /// How many threads run the requests that change data (set, or picked for the database).
  public var writeThreads: Int { server.writeThreads }

  /// The route table (for tests and documentation tools).
  public var router: Router { server.pipeline.router }

  /// Stops serving gracefully, stops the workers and closes the database.
  public func shutdown() {
    server.shutdown()
    dispatcher.stop()
    jobRunner?.stop()
    maintenance.stop()
    database.close()
    Log.event("server_stopped")
  }

  private static func buildRouter(
    modules: [AppModule], services: ModuleServices, authenticator: any Authenticator,
    metrics: Metrics
  ) -> Router {
    let builder = RouterBuilder()
    let registry = RouterReference()
    let root = builder.root
    PlatformRoutes(
      database: services.database, metrics: metrics, assets: StaticAssets(), version: version
    ).register(on: root, router: { registry.router })
    let routes = ModuleRoutes(
      root: root,
      api: root.group("/api/v1").refined(authenticator.authenticate),
      app: root.group("/app").refined(authenticator.authenticate),
      portal: root.group("/portal").refined(authenticator.authenticate),
      services: services, navigation: modules.flatMap(\.navigation))
    for module in modules {
      module.registerRoutes(routes)
    }
    let router = builder.build()
    registry.set(router)
    return router
  }

  private func registerCollectors() {
    let database = self.database
    let server = self.server
    metrics.addCollector {
      let pool = database.poolStatistics
      return """
        # HELP freightdesk_db_connections Database connections by state.
        # TYPE freightdesk_db_connections gauge
        freightdesk_db_connections{state="open"} \(pool.connectionsOpen)
        freightdesk_db_connections{state="idle"} \(pool.connectionsIdle)
        freightdesk_db_connections{state="max"} \(pool.connectionsMax)
        # HELP freightdesk_db_pool_waiters Callers waiting for a connection.
        # TYPE freightdesk_db_pool_waiters gauge
        freightdesk_db_pool_waiters \(pool.waiters)
        # HELP freightdesk_db_pool_timeouts_total Callers who gave up waiting for a connection.
        # TYPE freightdesk_db_pool_timeouts_total counter
        freightdesk_db_pool_timeouts_total \(pool.acquireTimeouts)
        # HELP freightdesk_http_requests_in_flight Requests being read or answered.
        # TYPE freightdesk_http_requests_in_flight gauge
        freightdesk_http_requests_in_flight \(server.requestsInFlight)
        # HELP freightdesk_build_info The running build.
        # TYPE freightdesk_build_info gauge
        freightdesk_build_info{version="\(Application.version)",database="\(database.engine.rawValue)"} 1

        """
    }
  }
}

/// Failures starting the application, in words an operator can act on.
public enum ApplicationError: Error, CustomStringConvertible {
  /// The database is older than this build.
  case migrationsPending([String])

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .migrationsPending(let names):
      "the database needs migrations (\(names.joined(separator: ", "))); back it up, then run "
        + "`freightdesk migrate`"
    }
  }
}
