public import Storage
public import Web

/// What a business module contributes to the running application, declared in one value that
/// ``Application`` lists: its schema, its routes and pages, and its outbox handlers.
///
/// A module never imports another module's internals; what it needs from another arrives
/// through ``ModuleServices`` or through outbox events.
public struct AppModule: Sendable {
  /// The module's name (also its migrations' module name).
  public var name: String
  /// Its migrations, numbered within the module.
  public var migrations: [Migration]
  /// Registers its routes on the root group.
  public var registerRoutes: @Sendable (RouteGroup<RequestContext>, ModuleServices) -> Void
  /// Its reactions to other modules' events.
  public var outboxHandlers: [OutboxHandler]

  /// Declares a module.
  public init(
    name: String, migrations: [Migration] = [],
    registerRoutes: @escaping @Sendable (RouteGroup<RequestContext>, ModuleServices) -> Void = {
      _, _ in
    },
    outboxHandlers: [OutboxHandler] = []
  ) {
    self.name = name
    self.migrations = migrations
    self.registerRoutes = registerRoutes
    self.outboxHandlers = outboxHandlers
  }
}
