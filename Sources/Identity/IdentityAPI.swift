import FreightdeskCore
import Storage
import Web

/// The Identity module's JSON API under `/api/v1`.
enum IdentityAPI {
  static func register(_ routes: ModuleRoutes, service: IdentityService) {
    let api = routes.api
    let idempotency = routes.services.idempotency
    api.get(
      "/me",
      Web.Operation(
        id: "getMe", summary: "The signed-in caller, their permissions and company",
        tag: "Identity", permission: .signedIn, responseBody: .of(MeView.self))
    ) { _, context in
      let company = try service.company(context.tenant)
      return try JSONBody.response(
        MeView(
          user: context.user, displayName: context.userName, roles: context.roles,
          permissions: context.permissions.map(\.name).sorted(),
          company: CompanyView(company, at: service.clock.now()), customerID: context.customer))
    }
    registerUsers(api, service: service, idempotency: idempotency)
    registerRolesAndTokens(api, service: service, idempotency: idempotency)
  }

  private static func registerUsers(
    _ api: RouteGroup<AuthenticatedContext>, service: IdentityService,
    idempotency: IdempotencyGuard
  ) {
    api.get(
      "/users",
      Web.Operation(
        id: "listUsers", summary: "The company's users, by id", tag: "Identity",
        permission: IdentityPermission.usersRead, responseBody: .of(UserPage.self),
        queryParameters: [
          .init("limit", "Users per page (1-200)", type: "integer"),
          .init("cursor", "The next_cursor of the previous page"),
        ])
    ) { request, context in
      let page = try PageRequest(from: request)
      let after = try page.integerKey()
      let users = try service.users(context.tenant).filter { $0.id.rawValue > (after ?? 0) }
        .sorted { $0.id < $1.id }.prefix(page.limit + 1).map(UserView.init)
      return try JSONBody.response(
        UserPage(fetched: Array(users), limit: page.limit) { Cursor(keys: [$0.id.description]) })
    }
    api.post(
      "/users",
      Web.Operation(
        id: "createUser", summary: "Create a user with roles", tag: "Identity",
        permission: IdentityPermission.usersManage, requestBody: .of(NewUser.self),
        responseBody: .of(UserView.self), successStatus: 201, honoursIdempotencyKey: true)
    ) { request, context in
      let input = try JSONBody.decode(NewUser.self, from: request)
      let prepared = try service.prepareUser(input, in: context.tenant)
      return try idempotency.perform(request, for: context, database: service.database) {
        scope in
        let id = try service.insertUser(
          prepared, audit: context.audit(service.auditLog), scope)
        let user = try UserStore.load(id, scope).user
        return try JSONBody.response(
          UserView(user), status: 201, headers: ["Location": "/api/v1/users/\(id)"])
      }
    }
    api.get(
      "/users/{id}",
      Web.Operation(
        id: "getUser", summary: "One user", tag: "Identity",
        permission: IdentityPermission.usersRead, responseBody: .of(UserView.self))
    ) { _, context in
      let user = try service.user(
        try context.request.parameters.identifier("id"), in: context.tenant)
      return try JSONBody.response(
        UserView(user), headers: ["ETag": EntityTag(String(user.version)).description])
    }
    api.on(
      .put, "/users/{id}/roles",
      Web.Operation(
        id: "setUserRoles", summary: "Replace a user's roles", tag: "Identity",
        permission: IdentityPermission.usersManage, requestBody: .of(RoleAssignment.self),
        responseBody: .of(UserView.self), requiresIfMatch: true)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let input = try JSONBody.decode(RoleAssignment.self, from: request)
      let current = try service.user(id, in: context.tenant)
      try EntityTag.requireMatch(request, current: EntityTag(String(current.version)))
      try service.setRoles(
        input.roles, of: id, in: context.tenant, audit: context.audit(service.auditLog))
      let user = try service.user(id, in: context.tenant)
      return try JSONBody.response(
        UserView(user), headers: ["ETag": EntityTag(String(user.version)).description])
    }
    api.post(
      "/users/{id}/deactivate",
      Web.Operation(
        id: "deactivateUser", summary: "Deactivate a user and end their sessions",
        tag: "Identity", permission: IdentityPermission.usersManage,
        responseBody: .of(UserView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      try service.deactivate(id, in: context.tenant, audit: context.audit(service.auditLog))
      return try JSONBody.response(UserView(try service.user(id, in: context.tenant)))
    }
  }

  private static func registerRolesAndTokens(
    _ api: RouteGroup<AuthenticatedContext>, service: IdentityService,
    idempotency: IdempotencyGuard
  ) {
    api.get(
      "/roles",
      Web.Operation(
        id: "listRoles", summary: "The company's roles and their permissions", tag: "Identity",
        permission: IdentityPermission.usersRead, responseBody: .of(RoleList.self))
    ) { _, context in
      let roles = try service.roles(context.tenant).map {
        RoleView(
          code: $0.code, name: $0.name, builtin: $0.builtin,
          permissions: $0.permissions.map(\.name).sorted())
      }
      return try JSONBody.response(RoleList(items: roles))
    }
    api.post(
      "/roles",
      Web.Operation(
        id: "createRole", summary: "Create a company role from permissions", tag: "Identity",
        permission: IdentityPermission.rolesManage, requestBody: .of(NewRole.self),
        successStatus: 201)
    ) { request, context in
      let input = try JSONBody.decode(NewRole.self, from: request)
      try service.createRole(
        code: input.code, name: input.name, permissions: input.permissions, in: context.tenant,
        audit: context.audit(service.auditLog))
      return Response(status: 201, headers: ["Location": "/api/v1/roles"])
    }
    api.get(
      "/tokens",
      Web.Operation(
        id: "listTokens", summary: "The caller's API tokens", tag: "Identity",
        permission: IdentityPermission.tokensManage, responseBody: .of(TokenList.self))
    ) { _, context in
      try JSONBody.response(
        TokenList(items: try service.tokens(of: context.user, in: context.tenant)))
    }
    api.post(
      "/tokens",
      Web.Operation(
        id: "createToken", summary: "Create an API token (its secret is shown once)",
        tag: "Identity", permission: IdentityPermission.tokensManage,
        requestBody: .of(NewToken.self), responseBody: .of(CreatedAPIToken.self),
        successStatus: 201)
    ) { request, context in
      let input = try JSONBody.decode(NewToken.self, from: request)
      let created = try service.createToken(
        for: context.user, name: input.name, scopes: input.scopes ?? [],
        days: input.expiresInDays, in: context.tenant, audit: context.audit(service.auditLog))
      return try JSONBody.response(created, status: 201)
    }
    api.on(
      .delete, "/tokens/{id}",
      Web.Operation(
        id: "revokeToken", summary: "Revoke one of the caller's API tokens", tag: "Identity",
        permission: IdentityPermission.tokensManage, successStatus: 204)
    ) { _, context in
      try service.revokeToken(
        try context.request.parameters.identifier("id"), of: context.user, in: context.tenant,
        audit: context.audit(service.auditLog))
      return Response(status: 204)
    }
  }
}
