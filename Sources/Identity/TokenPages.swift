import FreightdeskCore
import Web

/// API tokens on the profile: create one (its secret is shown once), list and revoke.
enum TokenPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: IdentityService, page: SignedInPage
  ) {
    let permission = IdentityPermission.tokensManage
    app.post(
      "/profile/tokens",
      ProfilePages.operation("postProfileToken", "Create an API token", permission: permission)
    ) {
      request, context in
      let form = try FormBody(request)
      do {
        let days = try form["expires_in_days"].flatMap { text -> Int? in
          if text.isEmpty { return nil }
          guard let days = Int(text) else {
            throw ValidationFailure(pointer: "/expires_in_days", code: "invalid_format")
          }
          return days
        }
        let created = try service.createToken(
          for: context.user, name: form["name"] ?? "", scopes: form.values("scopes"), days: days,
          in: context.tenant, audit: context.audit(service.auditLog))
        return try ProfilePages.render(
          context, service: service, page: page, state: FormState(), created: created, status: 201)
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try ProfilePages.render(
          context, service: service, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
    app.post(
      "/profile/tokens/{id}/revoke",
      ProfilePages.operation(
        "postProfileTokenRevoke", "Revoke an API token", permission: permission)
    ) {
      _, context in
      try service.revokeToken(
        try context.request.parameters.identifier("id"), of: context.user, in: context.tenant,
        audit: context.audit(service.auditLog))
      return page.done("/app/profile", message: "flash.token_revoked")
    }
  }

  static func section(
    _ tokens: [APITokenSummary], created: CreatedAPIToken?, context: AuthenticatedContext,
    state: FormState, localizer t: Localizer
  ) -> HTML {
    HTML.section(.class("mb-4")) {
      HTML.h2(.class("h5")) { t("tokens.title") }
      if let created {
        HTML.div(.class("alert", "alert-success"), .role("status")) {
          HTML.p { t("tokens.created_once") }
          HTML.code(.class("user-select-all", "d-block", "text-break")) { created.token }
        }
      }
      if !tokens.isEmpty {
        HTML.table(.class("table", "table-sm")) {
          HTML.thead {
            HTML.tr {
              HTML.th { t("tokens.name") }
              HTML.th { t("tokens.scopes") }
              HTML.th { t("tokens.last_used") }
              HTML.th { "" }
            }
          }
          HTML.tbody {
            for token in tokens {
              HTML.tr {
                HTML.td { token.name }
                HTML.td {
                  token.scopes.isEmpty
                    ? t("tokens.all_scopes") : token.scopes.joined(separator: " ")
                }
                HTML.td { token.lastUsedAt.map { t.dateTime($0) } ?? "—" }
                HTML.td {
                  if token.revokedAt == nil {
                    HTML.form(
                      .method("post"), .action("/app/profile/tokens/\(token.id)/revoke"),
                      .data("confirm", t("tokens.revoke_confirm"))
                    ) {
                      FormControls.csrf(context.csrfToken)
                      FormControls.submit(t("tokens.revoke"), style: "btn-sm btn-outline-danger")
                    }
                  } else {
                    t("tokens.revoked")
                  }
                }
              }
            }
          }
        }
      }
      HTML.form(.method("post"), .action("/app/profile/tokens"), .class("row", "g-2")) {
        FormControls.csrf(context.csrfToken)
        HTML.div(.class("col-md-6")) {
          FormControls.field("name", label: t("tokens.name"), state: state, localizer: t)
        }
        HTML.div(.class("col-md-6")) {
          FormControls.field(
            "expires_in_days", label: t("tokens.expires_in_days"), state: state, localizer: t,
            type: "number", required: false)
        }
        HTML.div(.class("col-12")) { FormControls.submit(t("tokens.create")) }
      }
    }
  }
}
