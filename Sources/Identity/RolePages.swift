import FreightdeskCore
import Web

/// The roles page: every role with what it may do (the role × permission matrix), and a form
/// to define the company's own role.
enum RolePages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: IdentityService, page: SignedInPage
  ) {
    app.get(
      "/roles",
      UserPages.operation(
        "getRolesPage", "Roles and their permissions", IdentityPermission.usersRead)
    ) {
      _, context in
      try render(context, service: service, page: page, state: FormState())
    }
    app.post(
      "/roles",
      UserPages.operation("postRolesPage", "Define a company role", IdentityPermission.rolesManage)
    ) {
      request, context in
      let form = try FormBody(request)
      do {
        try service.createRole(
          code: (form["code"] ?? "").trimmed, name: form["name"] ?? "",
          permissions: form.values("permissions"), in: context.tenant,
          audit: context.audit(service.auditLog))
        return page.done("/app/roles", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, service: service, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
  }

  static func render(
    _ context: AuthenticatedContext, service: IdentityService, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let roles = try service.roles(context.tenant)
    let permissions = service.assignablePermissions
    return page.render(context, path: "/app/roles", titleKey: "roles.title", status: status) { t in
      HTML.h1(.class("h3")) { t("roles.title") }
      HTML.div(.class("table-responsive")) {
        HTML.table(.class("table", "table-sm", "table-bordered", "text-center", "small")) {
          HTML.thead {
            HTML.tr {
              HTML.th(.class("text-start")) { t("roles.permission") }
              for role in roles {
                HTML.th { UserPages.roleNames([role.code], roles: roles, localizer: t) }
              }
            }
          }
          HTML.tbody {
            for permission in permissions {
              HTML.tr {
                HTML.td(.class("text-start")) { HTML.code { permission.name } }
                for role in roles {
                  HTML.td { role.permissions.contains(permission) ? "✓" : "" }
                }
              }
            }
          }
        }
      }
      if context.can(IdentityPermission.rolesManage) {
        HTML.h2(.class("h5", "mt-4")) { t("roles.add") }
        FormControls.formErrors(state, localizer: t)
        HTML.form(.method("post"), .action("/app/roles")) {
          FormControls.csrf(context.csrfToken)
          FormControls.field(
            "code", label: t("roles.code"), state: state, localizer: t, help: t("roles.code_help"))
          FormControls.field("name", label: t("roles.name"), state: state, localizer: t)
          HTML.fieldset(.class("mb-3")) {
            HTML.legend(.class("form-label", "fs-6")) { t("roles.permissions") }
            for permission in permissions {
              HTML.div(.class("form-check", "form-check-inline")) {
                HTML.input(
                  .class("form-check-input"), .type("checkbox"), .name("permissions"),
                  .value(permission.name), .id("permission-\(permission.name)"))
                HTML.label(.class("form-check-label"), .for("permission-\(permission.name)")) {
                  permission.name
                }
              }
            }
          }
          FormControls.submit(t("roles.add"))
        }
      }
    }
  }
}
