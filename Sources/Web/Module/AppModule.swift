public import FreightdeskCore
public import Storage

/// What a business module contributes to the running application, declared in one value that
/// the application lists: its schema, its routes and pages, what each built-in role may do in
/// it, and its outbox handlers.
///
/// A module never imports another module's internals; what it needs from another arrives
/// through ``ModuleServices`` or through outbox events.
public struct AppModule: Sendable {
  /// The module's name (also its migrations' module name).
  public var name: String
  /// Its migrations, numbered within the module.
  public var migrations: [Migration]
  /// What the built-in roles may do in this module.
  public var roleGrants: RoleGrants
  /// Registers its routes.
  public var registerRoutes: @Sendable (ModuleRoutes) -> Void
  /// Its reactions to other modules' events.
  public var outboxHandlers: [OutboxHandler]
  /// Its long-running work.
  public var jobHandlers: [JobHandler]
  /// Its outbox and job handlers that need the shared services (to enqueue jobs, read the
  /// clock, audit), made once the application has built them.
  public var servicedHandlers: @Sendable (ModuleServices) -> ModuleHandlers
  /// Its entries in the signed-in areas' navigation.
  public var navigation: [NavigationEntry]
  /// Its part of the demo company, written after the company and its users exist; nil when
  /// the module has no demo data.
  public var seedDemo: (@Sendable (TenantID, ModuleServices) throws -> Void)?

  /// Declares a module.
  public init(
    name: String, migrations: [Migration] = [], roleGrants: RoleGrants = RoleGrants(),
    registerRoutes: @escaping @Sendable (ModuleRoutes) -> Void = { _ in },
    outboxHandlers: [OutboxHandler] = [], jobHandlers: [JobHandler] = [],
    servicedHandlers: @escaping @Sendable (ModuleServices) -> ModuleHandlers = { _ in
      ModuleHandlers()
    },
    navigation: [NavigationEntry] = [],
    seedDemo: (@Sendable (TenantID, ModuleServices) throws -> Void)? = nil
  ) {
    self.name = name
    self.migrations = migrations
    self.roleGrants = roleGrants
    self.registerRoutes = registerRoutes
    self.outboxHandlers = outboxHandlers
    self.jobHandlers = jobHandlers
    self.servicedHandlers = servicedHandlers
    self.navigation = navigation
    self.seedDemo = seedDemo
  }
}

/// Outbox and job handlers a module makes from the shared services.
public struct ModuleHandlers: Sendable {
  /// Reactions to events.
  public var outbox: [OutboxHandler]
  /// Long-running work.
  public var jobs: [JobHandler]

  /// Bundles the handlers.
  public init(outbox: [OutboxHandler] = [], jobs: [JobHandler] = []) {
    self.outbox = outbox
    self.jobs = jobs
  }
}

/// Where a module registers its routes: the open root, and the signed-in areas, whose handlers
/// receive an ``AuthenticatedContext`` and run only for callers holding the route's permission.
public struct ModuleRoutes {
  /// Open routes (sign-in, public tracking, health).
  public let root: RouteGroup<RequestContext>
  /// The JSON API under `/api/v1`.
  public let api: RouteGroup<AuthenticatedContext>
  /// The staff web app under `/app`.
  public let app: RouteGroup<AuthenticatedContext>
  /// The customer portal under `/portal`.
  public let portal: RouteGroup<AuthenticatedContext>
  /// The shared services.
  public let services: ModuleServices
  /// Every module's navigation entries, for building signed-in pages.
  public let navigation: [NavigationEntry]

  /// Bundles the groups.
  public init(
    root: RouteGroup<RequestContext>, api: RouteGroup<AuthenticatedContext>,
    app: RouteGroup<AuthenticatedContext>, portal: RouteGroup<AuthenticatedContext>,
    services: ModuleServices, navigation: [NavigationEntry]
  ) {
    self.root = root
    self.api = api
    self.app = app
    self.portal = portal
    self.services = services
    self.navigation = navigation
  }
}
