import Foundation
import FreightdeskCore
import Web

/// Setting up and turning off two-factor sign-in at `/app/profile/two-factor`: a QR code and
/// the secret to type, then a code from the authenticator app to confirm.
enum TwoFactorPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: IdentityService, page: SignedInPage
  ) {
    app.get("/profile/two-factor", ProfilePages.operation("getTwoFactorSetup", "Two-factor set-up"))
    {
      _, context in
      let user = try service.user(context.user, in: context.tenant)
      let enrolment =
        user.hasTwoFactor ? nil : try service.beginTwoFactor(for: user, in: context.tenant)
      return try render(context, enrolment: enrolment, page: page, state: FormState())
    }
    app.post(
      "/profile/two-factor",
      ProfilePages.operation("postTwoFactorSetup", "Confirm two-factor set-up")
    ) {
      request, context in
      let form = try FormBody(request)
      let secret = form["secret"] ?? ""
      do {
        try service.confirmTwoFactor(
          secret: secret, code: form["code"] ?? "", for: context.user, in: context.tenant,
          audit: context.audit(service.auditLog))
        return page.done("/app/profile", message: "flash.two_factor_enabled")
      } catch let error as IdentityError {
        let user = try service.user(context.user, in: context.tenant)
        let parsed = try TOTPSecret(base32: secret)
        let enrolment = TwoFactorEnrolment(
          secret: parsed.base32,
          uri: TOTP().provisioningURI(
            secret: parsed, issuer: "Freightdesk \(context.tenantName)", account: user.login))
        return try render(
          context, enrolment: enrolment, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
    app.post(
      "/profile/two-factor/disable",
      ProfilePages.operation("postTwoFactorDisable", "Turn two-factor sign-in off")
    ) {
      request, context in
      try ProfilePages.change(
        request, context, service: service, page: page, message: "flash.two_factor_disabled"
      ) { form, audit in
        try service.disableTwoFactor(
          for: context.user, password: form["current_password"] ?? "", in: context.tenant,
          audit: audit)
      }
    }
  }

  static func render(
    _ context: AuthenticatedContext, enrolment: TwoFactorEnrolment?, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let qrCode = try enrolment.map { try QRCode.svg(for: $0.uri, moduleSizePixels: 4) }
    return page.render(
      context, path: "/app/profile", titleKey: "two_factor.setup_title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("two_factor.setup_title") }
      FormControls.formErrors(state, localizer: t)
      if let enrolment, let qrCode {
        HTML.p { t("two_factor.setup_scan") }
        HTML.img(
          .imageData(svg: qrCode),
          .alt(t("two_factor.qr_alt")), .class("border", "p-2", "bg-white", "mb-3"))
        HTML.p {
          t("two_factor.setup_manual")
          HTML.text(" ")
          HTML.code(.class("user-select-all")) { enrolment.secret }
        }
        HTML.form(.method("post"), .action("/app/profile/two-factor")) {
          FormControls.csrf(context.csrfToken)
          HTML.input(.type("hidden"), .name("secret"), .value(enrolment.secret))
          FormControls.field(
            "code", label: t("two_factor.code"), state: state, localizer: t,
            autocomplete: "one-time-code")
          FormControls.submit(t("two_factor.confirm"))
        }
      } else {
        HTML.p { t("profile.two_factor_on") }
        HTML.form(.method("post"), .action("/app/profile/two-factor/disable")) {
          FormControls.csrf(context.csrfToken)
          FormControls.field(
            "current_password", label: t("profile.current_password"), state: state, localizer: t,
            type: "password", autocomplete: "current-password")
          FormControls.submit(t("two_factor.disable"), style: "btn-outline-danger")
        }
      }
    }
  }
}
