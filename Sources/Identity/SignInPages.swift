import FreightdeskCore
import Web

/// The public pages of signing in, out and up: `/login`, `/login/two-factor`, `/logout`,
/// `/signup`. Their forms are protected by a double-submit token (there is no session yet).
enum SignInPages {
  static func register(_ routes: ModuleRoutes, service: IdentityService) {
    let root = routes.root
    root.get("/", page("getRoot", "The front door: sign-in or the app")) { request, _ in
      .redirect(to: SessionCookie.value(in: request) == nil ? "/login" : "/app", status: 302)
    }
    root.get("/login", page("getLogin", "The sign-in page")) { request, context in
      try loginPage(
        request, context,
        state: FormState(values: [
          "company": request.cookie("fd_company") ?? "",
          "return_to": request.queryValue("return_to") ?? "",
        ]))
    }
    root.post("/login", page("postLogin", "Sign in")) { request, context in
      try signIn(request, context, service: service)
    }
    root.get("/login/two-factor", page("getTwoFactorLogin", "The two-factor code page")) {
      request, context in
      try twoFactorPage(request, context, state: FormState())
    }
    root.post("/login/two-factor", page("postTwoFactorLogin", "Give the two-factor code")) {
      request, context in
      try completeTwoFactor(request, context, service: service)
    }
    root.post("/logout", page("postLogout", "Sign out")) { request, _ in
      if let token = SessionCookie.value(in: request) {
        try service.signOut(token: token)
      }
      return FlashMessages.attach(
        [Flash(.info, messageKey: "flash.signed_out")],
        to: Response.redirect(to: "/login").setting(
          cookie: SessionCookie.clear(secure: service.configuration.secureCookies)))
    }
    SignUpPages.register(root, service: service)
  }

  static func page(_ id: String, _ summary: String) -> Web.Operation {
    Web.Operation(
      id: id, summary: summary, tag: "Sign-in", permission: .public, style: .page,
      bodyBytesMax: 16_384)
  }

  static func loginPage(
    _ request: Request, _ context: RequestContext, state: FormState, status: Int = 200
  ) throws -> Response {
    PublicPage.render(request, context, path: "/login", titleKey: "login.title", status: status) {
      t, token in
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action("/login")) {
        FormControls.csrf(token)
        HTML.input(.type("hidden"), .name("return_to"), .value(state.values["return_to"] ?? ""))
        FormControls.field(
          "company", label: t("login.company"), state: state, localizer: t,
          autocomplete: "organization", help: t("login.company_help"))
        FormControls.field(
          "login", label: t("login.account"), state: state, localizer: t,
          autocomplete: "username")
        FormControls.field(
          "password", label: t("login.password"), state: state, localizer: t,
          type: "password", autocomplete: "current-password")
        FormControls.submit(t("login.submit"))
      }
      HTML.p(.class("mt-3")) {
        t("login.no_account")
        HTML.text(" ")
        HTML.a(.href("/signup")) { t("login.signup_link") }
      }
    }
  }

  private static func signIn(
    _ request: Request, _ context: RequestContext, service: IdentityService
  )
    throws -> Response
  {
    let form = try FormBody(request)
    try FormGuard.verify(request, form: form)
    let slug = form["company"] ?? ""
    do {
      let ticket = try service.signIn(
        slug: slug, login: form["login"] ?? "", password: form["password"] ?? "",
        clientAddress: context.clientAddress, requestID: context.requestID)
      let target =
        ticket.needsTwoFactor
        ? "/login/two-factor"
        : LanguagePreference.safeReturnPath(form["return_to"], default: ticket.home)
      return Response.redirect(to: target)
        .setting(
          cookie: SessionCookie.set(ticket.token, secure: service.configuration.secureCookies)
        )
        .setting(
          cookie:
            "fd_company=\(slug.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }); Path=/; Max-Age=31536000; SameSite=Lax"
        )
    } catch let error as IdentityError {
      var response = try loginPage(
        request, context, state: FormState(form: form, error: error),
        status: error.kind.httpStatus)
      if case .throttled(let seconds) = error {
        response.headers.set("Retry-After", String(seconds))
      }
      return response
    }
  }

  static func twoFactorPage(
    _ request: Request, _ context: RequestContext, state: FormState, status: Int = 200
  ) throws -> Response {
    PublicPage.render(
      request, context, path: "/login/two-factor", titleKey: "two_factor.title", status: status
    ) { t, token in
      HTML.p { t("two_factor.prompt") }
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action("/login/two-factor")) {
        FormControls.csrf(token)
        FormControls.field(
          "code", label: t("two_factor.code"), state: state, localizer: t,
          autocomplete: "one-time-code")
        FormControls.submit(t("two_factor.submit"))
      }
    }
  }

  private static func completeTwoFactor(
    _ request: Request, _ context: RequestContext, service: IdentityService
  ) throws -> Response {
    let form = try FormBody(request)
    try FormGuard.verify(request, form: form)
    guard let pending = SessionCookie.value(in: request) else { return .redirect(to: "/login") }
    do {
      let ticket = try service.completeTwoFactor(
        pendingToken: pending, code: form["code"] ?? "", clientAddress: context.clientAddress,
        requestID: context.requestID)
      return Response.redirect(to: ticket.home).setting(
        cookie: SessionCookie.set(ticket.token, secure: service.configuration.secureCookies))
    } catch let error as IdentityError {
      return try twoFactorPage(
        request, context, state: FormState(form: form, error: error), status: 401)
    }
  }
}
