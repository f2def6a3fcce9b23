import FreightdeskCore
import Web

/// `/app/customers/segments`: the company's list of e-commerce platform segments, with a form
/// to add one.
enum PlatformSegmentPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage
  ) {
    app.get(
      "/customers/segments",
      CustomerListPage.operation(
        "getSegmentsPage", "The platform segments", CRMPermission.customersRead)
    ) { _, context in
      try render(context, service: service, page: page, state: FormState())
    }
    app.post(
      "/customers/segments",
      CustomerListPage.operation(
        "postSegmentsPage", "Add a platform segment", CRMPermission.segmentsManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        try service.addSegment(
          PlatformSegment(code: form["code"] ?? "", name: form["name"] ?? ""),
          in: context.tenant, audit: context.audit(service.auditLog))
        return page.done("/app/customers/segments", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, service: service, page: page, state: FormState(form: form, error: error),
          status: error.kind.httpStatus)
      }
    }
  }

  private static func render(
    _ context: AuthenticatedContext, service: CRMService, page: SignedInPage, state: FormState,
    status: Int = 200
  ) throws -> Response {
    let segments = try service.segments(in: context.tenant)
    return page.render(
      context, path: "/app/customers", titleKey: "crm.segments.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("crm.segments.title") }
      HTML.ul(.class("list-group", "mb-4")) {
        for segment in segments {
          HTML.li(.class("list-group-item")) {
            HTML.text(segment.name + " ")
            HTML.code { segment.code }
          }
        }
      }
      if context.can(CRMPermission.segmentsManage) {
        FormControls.formErrors(state, localizer: t)
        HTML.form(.method("post"), .action("/app/customers/segments"), .class("row", "g-2")) {
          FormControls.csrf(context.csrfToken)
          HTML.div(.class("col-md-5")) {
            FormControls.field("name", label: t("crm.segment.name"), state: state, localizer: t)
          }
          HTML.div(.class("col-md-5")) {
            FormControls.field(
              "code", label: t("crm.segment.code"), state: state, localizer: t,
              help: t("crm.segment.code_help"))
          }
          HTML.div(.class("col-md-2", "d-flex", "align-items-end", "mb-3")) {
            FormControls.submit(t("crm.segments.add"))
          }
        }
      }
    }
  }
}
