import Foundation
import FreightdeskCore
import Web

/// User and role administration under `/app/users` and `/app/roles`.
enum UserPages {
  static func operation(_ id: String, _ summary: String, _ permission: Permission) -> Web.Operation
  {
    Web.Operation(
      id: id, summary: summary, tag: "Users", permission: permission, style: .page,
      bodyBytesMax: 16_384)
  }

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: IdentityService, page: SignedInPage
  ) {
    app.get(
      "/users",
      operation("getUsersPage", "Users and the form to add one", IdentityPermission.usersRead)
    ) {
      _, context in
      try list(context, service: service, page: page, state: FormState())
    }
    app.post("/users", operation("postUsersPage", "Add a user", IdentityPermission.usersManage)) {
      request, context in
      let form = try FormBody(request)
      let input = NewUser(
        login: form["login"] ?? "", displayName: form["display_name"] ?? "",
        email: form["email"], password: form["password"] ?? "", roles: form.values("roles"))
      do {
        let user = try service.createUser(
          input, in: context.tenant, audit: context.audit(service.auditLog))
        return page.done(
          "/app/users", message: "flash.user_created", arguments: ["name": user.displayName])
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        var state = FormState(form: form, error: error)
        state.values["roles"] = form.values("roles").joined(separator: ",")
        return try list(context, service: service, page: page, state: state, status: 422)
      }
    }
    app.get("/users/{id}", operation("getUserPage", "One user", IdentityPermission.usersRead)) {
      _, context in
      try detail(context, service: service, page: page, state: FormState())
    }
    app.post(
      "/users/{id}/roles",
      operation("postUserRoles", "Change a user's roles", IdentityPermission.usersManage)
    ) {
      request, context in
      try change(request, context, service: service, page: page, message: "flash.saved") {
        id, form, audit in
        try service.setRoles(form.values("roles"), of: id, in: context.tenant, audit: audit)
      }
    }
    app.post(
      "/users/{id}/deactivate",
      operation("postUserDeactivate", "Deactivate a user", IdentityPermission.usersManage)
    ) {
      request, context in
      try change(request, context, service: service, page: page, message: "flash.user_deactivated")
      { id, _, audit in
        try service.deactivate(id, in: context.tenant, audit: audit)
      }
    }
    app.post(
      "/users/{id}/reactivate",
      operation("postUserReactivate", "Reactivate a user", IdentityPermission.usersManage)
    ) {
      request, context in
      try change(request, context, service: service, page: page, message: "flash.user_reactivated")
      { id, _, audit in
        try service.reactivate(id, in: context.tenant, audit: audit)
      }
    }
    app.post(
      "/users/{id}/password",
      operation("postUserPassword", "Set a new password for a user", IdentityPermission.usersManage)
    ) {
      request, context in
      try change(request, context, service: service, page: page, message: "flash.password_reset") {
        id, form, audit in
        try service.resetPassword(
          of: id, to: form["password"] ?? "", in: context.tenant, audit: audit)
      }
    }
    RolePages.register(app, service: service, page: page)
    PortalAccessSection.register(app, service: service)
  }

  /// Runs one change to the user in the path and goes back to their page, or shows the page
  /// again with the problem.
  private static func change(
    _ request: Request, _ context: AuthenticatedContext, service: IdentityService,
    page: SignedInPage, message: String,
    _ body: (Identifier, FormBody, AuditContext) throws -> Void
  ) throws -> Response {
    let id = try context.request.parameters.identifier("id")
    let form = try FormBody(request)
    do {
      try body(id, form, context.audit(service.auditLog))
      return page.done("/app/users/\(id)", message: message)
    } catch let error as any UserFacingError
      where error.kind != .internalFailure && error.kind != .notFound
    {
      return try detail(
        context, service: service, page: page, state: FormState(form: form, error: error),
        status: error.kind.httpStatus)
    }
  }

  static func list(
    _ context: AuthenticatedContext, service: IdentityService, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let users = try service.users(context.tenant)
    let roles = try service.roles(context.tenant)
    return page.render(context, path: "/app/users", titleKey: "users.title", status: status) { t in
      HTML.h1(.class("h3")) { t("users.title") }
      HTML.div(.class("table-responsive")) {
        HTML.table(.class("table", "table-hover", "align-middle")) {
          HTML.thead {
            HTML.tr {
              HTML.th { t("users.login") }
              HTML.th { t("users.name") }
              HTML.th { t("users.roles") }
              HTML.th { t("users.status") }
            }
          }
          HTML.tbody {
            for user in users {
              HTML.tr {
                HTML.td { HTML.a(.href("/app/users/\(user.id)")) { user.login } }
                HTML.td { user.displayName }
                HTML.td { roleNames(user.roles, roles: roles, localizer: t) }
                HTML.td { user.active ? t("users.active") : t("users.inactive") }
              }
            }
          }
        }
      }
      if context.can(IdentityPermission.usersManage) {
        HTML.h2(.class("h5", "mt-4")) { t("users.add") }
        FormControls.formErrors(state, localizer: t)
        HTML.form(.method("post"), .action("/app/users"), .class("row", "g-2")) {
          FormControls.csrf(context.csrfToken)
          HTML.div(.class("col-md-6")) {
            FormControls.field("login", label: t("users.login"), state: state, localizer: t)
            FormControls.field("display_name", label: t("users.name"), state: state, localizer: t)
          }
          HTML.div(.class("col-md-6")) {
            FormControls.field(
              "email", label: t("users.email"), state: state, localizer: t, type: "email",
              required: false)
            FormControls.field(
              "password", label: t("users.initial_password"), state: state, localizer: t,
              type: "password", autocomplete: "new-password", help: t("password.help"))
          }
          roleChoices(
            roles,
            selected: Set((state.values["roles"] ?? "").split(separator: ",").map(String.init)),
            state: state, localizer: t)
          HTML.div(.class("col-12")) { FormControls.submit(t("users.add")) }
        }
      }
    }
  }

  static func detail(
    _ context: AuthenticatedContext, service: IdentityService, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let id = try context.request.parameters.identifier("id")
    let user = try service.user(id, in: context.tenant)
    let roles = try service.roles(context.tenant)
    let manage = context.can(IdentityPermission.usersManage)
    let customerName = try user.customerID.flatMap {
      try service.customerName(of: $0, in: context.tenant)
    }
    return page.render(context, path: "/app/users", titleKey: "users.detail_title", status: status)
    { t in
      HTML.h1(.class("h3")) { user.displayName }
      HTML.p(.class("text-body-secondary")) {
        user.login
        HTML.text(" · ")
        user.active ? t("users.active") : t("users.inactive")
        HTML.text(" · ")
        user.hasTwoFactor ? t("users.two_factor_on") : t("users.two_factor_off")
      }
      if let customerName {
        HTML.p { t("users.acts_for_customer", ["customer": customerName]) }
      }
      FormControls.formErrors(state, localizer: t)
      if manage {
        HTML.form(.method("post"), .action("/app/users/\(user.id)/roles"), .class("mb-4")) {
          FormControls.csrf(context.csrfToken)
          roleChoices(roles, selected: Set(user.roles), state: state, localizer: t)
          FormControls.submit(t("common.save"))
        }
        HTML.form(.method("post"), .action("/app/users/\(user.id)/password"), .class("mb-4")) {
          FormControls.csrf(context.csrfToken)
          FormControls.field(
            "password", label: t("users.new_password"), state: state, localizer: t,
            type: "password", autocomplete: "new-password", help: t("users.reset_help"))
          FormControls.submit(t("users.reset_password"), style: "btn-outline-primary")
        }
        HTML.form(
          .method("post"),
          .action("/app/users/\(user.id)/\(user.active ? "deactivate" : "reactivate")"),
          .data("confirm", user.active ? t("users.deactivate_confirm") : t("users.reactivate"))
        ) {
          FormControls.csrf(context.csrfToken)
          FormControls.submit(
            user.active ? t("users.deactivate") : t("users.reactivate"),
            style: user.active ? "btn-outline-danger" : "btn-outline-success")
        }
      } else {
        HTML.p { roleNames(user.roles, roles: roles, localizer: t) }
      }
    }
  }

  /// Role names as people read them: built-in roles from the catalog, others as named.
  static func roleNames(_ codes: [String], roles: [Role], localizer t: Localizer) -> String {
    codes.map { code in
      if let builtin = BuiltinRole(rawValue: code) { return t(builtin.nameKey) }
      return roles.first { $0.code == code }?.name ?? code
    }.joined(separator: "、")
  }

  static func roleChoices(
    _ roles: [Role], selected: Set<String>, state: FormState, localizer t: Localizer
  ) -> HTML {
    HTML.fieldset(.class("col-12", "mb-3")) {
      HTML.legend(.class("form-label", "fs-6")) { t("users.roles") }
      for role in roles {
        HTML.div(.class("form-check", "form-check-inline")) {
          HTML.input(
            .class("form-check-input"), .type("checkbox"), .name("roles"), .value(role.code),
            .id("role-\(role.code)"), .checked(selected.contains(role.code)))
          HTML.label(.class("form-check-label"), .for("role-\(role.code)")) {
            roleNames([role.code], roles: roles, localizer: t)
          }
        }
      }
      for error in state.errors(for: "roles") + state.errors(for: "customer_id") {
        HTML.div(.class("text-danger", "small")) { t.message(for: error) }
      }
    }
  }
}
