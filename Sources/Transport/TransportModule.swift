public import Web

/// Transport as the application lists it; its first part is route optimisation: VROOM
/// problems posted to the API are solved by a job with `Routing`'s dispatch solver, and a
/// staff page lists the runs.
public enum TransportModule {
  /// The module declaration.
  public static let module = AppModule(
    name: TransportSchema.module, migrations: TransportSchema.migrations,
    roleGrants: TransportPermission.grants,
    registerRoutes: { routes in
      OptimizationAPI.register(routes.api, services: routes.services)
      OptimizationPage.register(
        routes.app, services: routes.services, page: SignedInPage(navigation: routes.navigation))
    },
    servicedHandlers: { services in
      ModuleHandlers(jobs: [OptimizationJob.handler(services: services)])
    },
    navigation: [
      NavigationEntry(
        labelKey: "nav.optimizations", href: "/app/optimizations",
        permission: TransportPermission.optimizationsRead, order: 500)
    ])
}
