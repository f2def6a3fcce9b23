import Foundation
import FreightdeskCore
import Web

/// The company's details and security settings, and the trial's state with the owner's one
/// self-service extension, at `/app/company`.
enum CompanyPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: IdentityService, page: SignedInPage
  ) {
    app.get(
      "/company",
      UserPages.operation(
        "getCompanyPage", "The company's details", IdentityPermission.companyManage)
    ) {
      _, context in
      let company = try service.company(context.tenant)
      return render(
        context, company: company, service: service, page: page,
        state: FormState(values: values(of: company)))
    }
    app.post(
      "/company",
      UserPages.operation(
        "postCompanyPage", "Change the company's details", IdentityPermission.companyManage)
    ) {
      request, context in
      let form = try FormBody(request)
      var company = try service.company(context.tenant)
      let seenVersion = Int64(form["version"] ?? "") ?? -1
      company.name = (form["name"] ?? "").trimmed
      company.shortName = (form["short_name"] ?? "").trimmed
      company.creditCode =
        (form["credit_code"] ?? "").trimmed.isEmpty
        ? nil : form["credit_code"]?.trimmed.uppercased()
      company.address = (form["address"] ?? "").trimmed
      company.taxpayerKind =
        TaxpayerKind(rawValue: form["taxpayer_kind"] ?? "") ?? company.taxpayerKind
      company.defaultLocale =
        AppLocale(rawValue: form["default_locale"] ?? "")?.rawValue ?? company.defaultLocale
      company.twoFactorRequired = form["two_factor_required"] == "on"
      do {
        try service.updateCompany(
          company, expectedVersion: seenVersion, audit: context.audit(service.auditLog))
        return page.done("/app/company", message: "flash.saved")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return render(
          context, company: try service.company(context.tenant), service: service, page: page,
          state: FormState(form: form, error: error), status: error.kind.httpStatus)
      }
    }
    registerLogo(app, service: service, page: page)
    app.post(
      "/company/trial",
      UserPages.operation(
        "postCompanyTrial", "Extend the trial once", IdentityPermission.trialExtend)
    ) {
      _, context in
      do {
        let company = try service.extendTrialOnce(
          context.tenant, audit: context.audit(service.auditLog))
        let days = company.trialDaysLeft(at: service.clock.now()) ?? 0
        return page.done(
          "/app/company", message: "flash.trial_extended", arguments: ["days": String(days)])
      } catch let error as IdentityError {
        let company = try service.company(context.tenant)
        return render(
          context, company: company, service: service, page: page,
          state: FormState(
            values: values(of: company), errors: [FieldError(pointer: "", code: error.code)]),
          status: 409)
      }
    }
  }

  /// The logo upload (multipart, PNG or JPEG) and the logo itself for the top bar.
  static func registerLogo(
    _ app: RouteGroup<AuthenticatedContext>, service: IdentityService, page: SignedInPage
  ) {
    app.post(
      "/company/logo",
      Web.Operation(
        id: "postCompanyLogo", summary: "Upload the company's logo (PNG or JPEG)", tag: "Users",
        permission: IdentityPermission.companyManage, style: .page,
        bodyBytesMax: CompanyLogo.bytesMax + 64 * 1024)
    ) { request, context in
      do {
        let file = request.parts.first { $0.name == "logo" && $0.filename != nil }
        try service.setLogo(
          try CompanyLogo(bytes: file?.bytes ?? []), for: context.tenant,
          audit: context.audit(service.auditLog))
        return page.done("/app/company", message: "flash.saved")
      } catch let error as ValidationFailure {
        let company = try service.company(context.tenant)
        return render(
          context, company: company, service: service, page: page,
          state: FormState(values: values(of: company), errors: error.fieldErrors), status: 422)
      }
    }
    app.get(
      "/company/logo", UserPages.operation("getCompanyLogo", "The company's logo", .signedIn)
    ) { request, context in
      guard let logo = try service.logo(context.tenant) else { throw HTTPError.notFound }
      let tag = EntityTag(hashing: logo.bytes)
      if EntityTag.isNotModified(request, current: tag) {
        return Response(status: 304, headers: ["ETag": tag.description])
      }
      return Response(
        status: 200,
        headers: [
          "Content-Type": logo.contentType, "ETag": tag.description,
          "Cache-Control": "private, no-cache",
        ],
        body: logo.bytes)
    }
  }

  /// The zones a company may choose: mainland China's and its neighbours' business hubs.
  static let companyTimeZones = [
    "Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei",
    "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul", "Asia/Bangkok", "Asia/Kuala_Lumpur",
    "Asia/Ho_Chi_Minh", "Europe/London", "America/Los_Angeles",
  ]

  static func values(of company: Company) -> [String: String] {
    [
      "name": company.name, "short_name": company.shortName,
      "credit_code": company.creditCode ?? "",
      "address": company.address, "version": String(company.version),
    ]
  }

  static func render(
    _ context: AuthenticatedContext, company: Company, service: IdentityService,
    page: SignedInPage, state: FormState, status: Int = 200
  ) -> Response {
    let now = service.clock.now()
    return page.render(context, path: "/app/company", titleKey: "company.title", status: status) {
      t in
      HTML.h1(.class("h3")) { t("company.title") }
      if let days = company.trialDaysLeft(at: now) {
        HTML.section(.class("card", "card-body", "mb-4")) {
          HTML.h2(.class("h5")) { t("company.trial") }
          HTML.p {
            company.isReadOnly(at: now)
              ? t("home.trial_ended") : t("home.trial_days_left", ["days": String(days)])
          }
          if company.trialExtended {
            HTML.p(.class("text-body-secondary")) { t("company.trial_extended_already") }
          } else if context.can(IdentityPermission.trialExtend) {
            HTML.form(.method("post"), .action("/app/company/trial")) {
              FormControls.csrf(context.csrfToken)
              FormControls.submit(
                t("company.trial_extend", ["days": String(service.configuration.trialDays)]),
                style: "btn-outline-primary")
            }
          }
        }
      }
      FormControls.formErrors(state, localizer: t)
      HTML.form(
        .method("post"), .action("/app/company/logo"), .class("mb-4"),
        .enctype("multipart/form-data")
      ) {
        FormControls.csrf(context.csrfToken)
        HTML.label(.class("form-label"), .for("logo")) { t("company.logo") }
        HTML.input(
          .class("form-control", state.errors(for: "logo").isEmpty ? "" : "is-invalid"),
          .type("file"), .id("logo"), .name("logo"), .accept("image/png,image/jpeg"))
        for error in state.errors(for: "logo") {
          HTML.div(.class("invalid-feedback")) { t.message(for: error) }
        }
        HTML.div(.class("form-text")) { t("company.logo_help") }
        FormControls.submit(t("company.logo_upload"), style: "btn-outline-primary mt-2")
      }
      HTML.form(.method("post"), .action("/app/company")) {
        FormControls.csrf(context.csrfToken)
        HTML.input(.type("hidden"), .name("version"), .value(String(company.version)))
        FormControls.field("name", label: t("company.name"), state: state, localizer: t)
        FormControls.field("short_name", label: t("company.short_name"), state: state, localizer: t)
        FormControls.field(
          "credit_code", label: t("signup.credit_code"), state: state, localizer: t, required: false
        )
        FormControls.field(
          "address", label: t("company.address"), state: state, localizer: t, required: false)
        HTML.div(.class("mb-3")) {
          HTML.label(.class("form-label"), .for("taxpayer_kind")) { t("company.taxpayer_kind") }
          HTML.select(.class("form-select"), .id("taxpayer_kind"), .name("taxpayer_kind")) {
            for kind in TaxpayerKind.allCases {
              HTML.option(.value(kind.rawValue), .selected(kind == company.taxpayerKind)) {
                t("company.taxpayer.\(kind.rawValue)")
              }
            }
          }
        }
        HTML.div(.class("mb-3")) {
          HTML.label(.class("form-label"), .for("default_locale")) { t("company.default_locale") }
          HTML.select(.class("form-select"), .id("default_locale"), .name("default_locale")) {
            for locale in AppLocale.allCases {
              HTML.option(
                .value(locale.rawValue), .selected(locale.rawValue == company.defaultLocale)
              ) { locale == .english ? "English" : "简体中文" }
            }
          }
        }
        HTML.div(.class("form-check", "mb-3")) {
          HTML.input(
            .class("form-check-input"), .type("checkbox"), .id("two_factor_required"),
            .name("two_factor_required"), .checked(company.twoFactorRequired))
          HTML.label(.class("form-check-label"), .for("two_factor_required")) {
            t("company.two_factor_required")
          }
        }
        FormControls.submit(t("common.save"))
      }
    }
  }
}
