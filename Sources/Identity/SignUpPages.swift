import FreightdeskCore
import Storage
import Web

/// Self-service sign-up at `/signup`: a company on a 15-day trial and its first owner, who is
/// signed in straight away.
enum SignUpPages {
  static func register(_ root: RouteGroup<RequestContext>, service: IdentityService) {
    root.get("/signup", SignInPages.page("getSignup", "The sign-up page")) { request, context in
      try page(request, context, state: FormState())
    }
    root.post("/signup", SignInPages.page("postSignup", "Sign up a company")) { request, context in
      let form = try FormBody(request)
      try FormGuard.verify(request, form: form)
      let registration = Registration(
        slug: (form["slug"] ?? "").trimmed.lowercased(),
        companyName: (form["company_name"] ?? "").trimmed,
        creditCode: form["credit_code"]?.trimmed, ownerLogin: (form["owner_login"] ?? "").trimmed,
        ownerName: (form["owner_name"] ?? "").trimmed, ownerEmail: form["owner_email"]?.trimmed,
        ownerPassword: form["owner_password"] ?? "", locale: context.locale.rawValue)
      do {
        let audit = AuditContext(
          log: service.auditLog,
          actor: AuditActor(kind: .user, id: nil, name: registration.ownerLogin),
          requestID: context.requestID, clientAddress: context.clientAddress)
        _ = try service.register(registration, audit: audit)
        let ticket = try service.signIn(
          slug: registration.slug, login: registration.ownerLogin,
          password: registration.ownerPassword, clientAddress: context.clientAddress,
          requestID: context.requestID)
        return FlashMessages.attach(
          [
            Flash(
              .success, messageKey: "flash.signed_up",
              arguments: ["company": registration.companyName])
          ],
          to: Response.redirect(to: "/app").setting(
            cookie: SessionCookie.set(ticket.token, secure: service.configuration.secureCookies)))
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try page(
          request, context, state: FormState(form: form, error: error), status: 422)
      }
    }
  }

  static func page(
    _ request: Request, _ context: RequestContext, state: FormState, status: Int = 200
  ) throws -> Response {
    PublicPage.render(
      request, context, path: "/signup", titleKey: "signup.title",
      columns: ["col-md-8", "col-lg-6"], status: status
    ) { t, token in
      HTML.p(.class("text-body-secondary")) { t("signup.intro") }
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action("/signup")) {
        FormControls.csrf(token)
        HTML.fieldset(.class("mb-3")) {
          HTML.legend(.class("h5")) { t("signup.company_section") }
          FormControls.field(
            "company_name", label: t("signup.company_name"), state: state, localizer: t,
            autocomplete: "organization")
          FormControls.field(
            "slug", label: t("signup.slug"), state: state, localizer: t,
            help: t("signup.slug_help"))
          FormControls.field(
            "credit_code", label: t("signup.credit_code"), state: state, localizer: t,
            required: false, help: t("signup.credit_code_help"))
        }
        HTML.fieldset(.class("mb-3")) {
          HTML.legend(.class("h5")) { t("signup.owner_section") }
          FormControls.field(
            "owner_name", label: t("signup.owner_name"), state: state, localizer: t,
            autocomplete: "name")
          FormControls.field(
            "owner_login", label: t("signup.owner_login"), state: state, localizer: t,
            autocomplete: "username")
          FormControls.field(
            "owner_email", label: t("signup.owner_email"), state: state, localizer: t,
            type: "email", required: false, autocomplete: "email")
          FormControls.field(
            "owner_password", label: t("signup.owner_password"), state: state, localizer: t,
            type: "password", autocomplete: "new-password", help: t("password.help"))
        }
        FormControls.submit(t("signup.submit"))
      }
      HTML.p(.class("mt-3")) {
        t("signup.have_account")
        HTML.text(" ")
        HTML.a(.href("/login")) { t("signup.login_link") }
      }
    }
  }
}
