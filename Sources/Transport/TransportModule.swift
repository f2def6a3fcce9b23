public import Web

/// Transport as the application lists it; its first part is route optimisation: VROOM
/// problems posted to the API or uploaded on the staff page are solved by a job with
/// `Routing`'s dispatch solver, and staff pages list the runs and show each one's routes.
public enum TransportModule {
  /// The module declaration.
  public static let module = AppModule(
    name: TransportSchema.module, migrations: TransportSchema.migrations,
    roleGrants: TransportPermission.grants,
    registerRoutes: { routes in
      OptimizationAPI.register(routes.api, services: routes.services)
      let page = SignedInPage(navigation: routes.navigation)
      OptimizationPage.register(routes.app, services: routes.services, page: page)
      OptimizationRunPage.register(routes.app, services: routes.services, page: page)
    },
    servicedHandlers: { services in
      ModuleHandlers(jobs: [OptimizationJob.handler(services: services)])
    },
    navigation: [
      NavigationEntry(
        labelKey: "nav.optimizations", href: "/app/optimizations",
        permission: TransportPermission.optimizationsRead, order: 500)
    ],
    seedDemo: { tenant, services in try OptimizationDemo.seed(tenant, services: services) })
}
