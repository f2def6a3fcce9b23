public import Web

/// The Identity module as the application lists it: companies, users, roles, sign-in,
/// sessions, API tokens and their pages.
public enum IdentityModule {
  /// The module declaration.
  public static func module(_ configuration: IdentityConfiguration) -> AppModule {
    AppModule(
      name: IdentitySchema.module, migrations: IdentitySchema.migrations,
      roleGrants: IdentityPermission.grants,
      registerRoutes: { routes in
        let service = IdentityService(services: routes.services, configuration: configuration)
        let page = SignedInPage(navigation: routes.navigation)
        SignInPages.register(routes, service: service)
        HomePages.register(routes, service: service, page: page)
        UserPages.register(routes.app, service: service, page: page)
        CompanyPages.register(routes.app, service: service, page: page)
        ProfilePages.register(routes, service: service, page: page)
        IdentityAPI.register(routes, service: service)
        AuditPages.register(routes, service: service, page: page)
      },
      navigation: [
        NavigationEntry(labelKey: "nav.home", href: "/app", permission: .signedIn, order: 0),
        NavigationEntry(
          labelKey: "nav.users", href: "/app/users", permission: IdentityPermission.usersRead,
          order: 900),
        NavigationEntry(
          labelKey: "nav.roles", href: "/app/roles", permission: IdentityPermission.usersRead,
          order: 910),
        NavigationEntry(
          labelKey: "nav.audit", href: "/app/audit", permission: IdentityPermission.auditRead,
          order: 920),
        NavigationEntry(
          labelKey: "nav.company", href: "/app/company",
          permission: IdentityPermission.companyManage, order: 930),
        NavigationEntry(
          labelKey: "nav.home", href: "/portal", permission: .signedIn, area: .portal, order: 0),
      ])
  }

  /// The authenticator the signed-in route groups use.
  public static func authenticator(
    services: ModuleServices, configuration: IdentityConfiguration
  ) -> any Authenticator {
    IdentityAuthenticator(
      service: IdentityService(services: services, configuration: configuration))
  }
}
