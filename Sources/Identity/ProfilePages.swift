import FreightdeskCore
import Web

/// The user's own profile: language, password, two-factor sign-in and API tokens, at
/// `/app/profile` (and the language switch of the portal at `/portal/profile/locale`).
enum ProfilePages {
  static func operation(_ id: String, _ summary: String, permission: Permission = .signedIn)
    -> Web.Operation
  {
    Web.Operation(
      id: id, summary: summary, tag: "Profile", permission: permission, style: .page,
      bodyBytesMax: 16_384)
  }

  static func register(_ routes: ModuleRoutes, service: IdentityService, page: SignedInPage) {
    let app = routes.app
    app.get("/profile", operation("getProfile", "One's own profile")) { _, context in
      try render(context, service: service, page: page, state: FormState())
    }
    for (group, area) in [(routes.app, "app"), (routes.portal, "portal")] {
      group.post(
        "/profile/locale", operation("post\(area.capitalized)ProfileLocale", "Save one's language")
      ) {
        request, context in
        let form = try FormBody(request)
        let locale = form["locale"].flatMap(AppLocale.init(rawValue:))
        guard let locale else {
          throw ValidationFailure(pointer: "/locale", code: "invalid_format")
        }
        try service.setLocale(locale.rawValue, of: context.user, in: context.tenant)
        return FlashMessages.attach(
          [Flash(.success, messageKey: "flash.locale_changed")],
          to: .redirect(
            to: LanguagePreference.safeReturnPath(form["return_to"], default: "/\(area)")))
      }
    }
    app.post("/profile/password", operation("postProfilePassword", "Change one's password")) {
      request, context in
      try change(request, context, service: service, page: page, message: "flash.password_changed")
      { form, audit in
        try service.changePassword(
          of: context.user, current: form["current_password"] ?? "",
          new: form["new_password"] ?? "", in: context.tenant, audit: audit)
      }
    }
    TwoFactorPages.register(app, service: service, page: page)
    TokenPages.register(app, service: service, page: page)
  }

  /// Runs a profile change and returns to the profile, or shows it again with the problem.
  static func change(
    _ request: Request, _ context: AuthenticatedContext, service: IdentityService,
    page: SignedInPage, message: String, _ body: (FormBody, AuditContext) throws -> Void
  ) throws -> Response {
    let form = try FormBody(request)
    do {
      try body(form, context.audit(service.auditLog))
      return page.done("/app/profile", message: message)
    } catch let error as any UserFacingError where error.kind != .internalFailure {
      return try render(
        context, service: service, page: page, state: FormState(form: form, error: error),
        status: 422)
    }
  }

  static func render(
    _ context: AuthenticatedContext, service: IdentityService, page: SignedInPage,
    state: FormState, created: CreatedAPIToken? = nil, status: Int = 200
  ) throws -> Response {
    let user = try service.user(context.user, in: context.tenant)
    let tokens =
      context.can(IdentityPermission.tokensManage)
      ? try service.tokens(of: context.user, in: context.tenant) : []
    return page.render(context, path: "/app/profile", titleKey: "profile.title", status: status) {
      t in
      HTML.h1(.class("h3")) { t("profile.title") }
      HTML.p(.class("text-body-secondary")) {
        user.login
        HTML.text(" · ")
        UserPages.roleNames(user.roles, roles: [], localizer: t)
      }
      FormControls.formErrors(state, localizer: t)
      HTML.section(.class("mb-4")) {
        HTML.h2(.class("h5")) { t("profile.password") }
        HTML.form(.method("post"), .action("/app/profile/password")) {
          FormControls.csrf(context.csrfToken)
          FormControls.field(
            "current_password", label: t("profile.current_password"), state: state, localizer: t,
            type: "password", autocomplete: "current-password")
          FormControls.field(
            "new_password", label: t("profile.new_password"), state: state, localizer: t,
            type: "password", autocomplete: "new-password", help: t("password.help"))
          FormControls.submit(t("profile.change_password"))
        }
      }
      HTML.section(.class("mb-4")) {
        HTML.h2(.class("h5")) { t("profile.two_factor") }
        HTML.p { user.hasTwoFactor ? t("profile.two_factor_on") : t("profile.two_factor_off") }
        HTML.a(.class("btn", "btn-outline-primary"), .href("/app/profile/two-factor")) {
          user.hasTwoFactor ? t("profile.two_factor_manage") : t("profile.two_factor_enable")
        }
      }
      if context.can(IdentityPermission.tokensManage) {
        TokenPages.section(tokens, created: created, context: context, state: state, localizer: t)
      }
    }
  }
}
