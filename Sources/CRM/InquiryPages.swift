import Foundation
import FreightdeskCore
import Storage
import Web

/// The inquiry pipeline pages: inquiries by stage with the conversion figures and a form to
/// record one, and one inquiry with its next steps.
enum InquiryPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    let service = InquiryService(services: services)
    app.get(
      "/inquiries",
      CommercialPage.operation(
        "getInquiriesPage", "Inquiries by stage", CommercialPermissions.quotesRead)
    ) { request, context in
      try renderList(
        context, stage: request.queryValue("stage").flatMap(InquiryStage.init),
        services: services, page: page, state: FormState())
    }
    app.post(
      "/inquiries",
      CommercialPage.operation(
        "postInquiriesPage", "Record an inquiry", CommercialPermissions.quotesManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let input = try InquiryTables.newInquiry(form, contactName: form["contact_name"] ?? "")
        let inquiry = try context.write(services.database) { scope in
          try service.create(
            input, source: "staff", timeZone: context.timeZone,
            audit: context.audit(services.audit), scope)
        }
        return page.done("/app/inquiries/\(inquiry.id)", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try renderList(
          context, stage: nil, services: services, page: page,
          state: FormState(form: form, error: error), status: 422)
      }
    }
    InquiryDetailPages.register(app, services: services, page: page)
  }

  private static func renderList(
    _ context: AuthenticatedContext, stage: InquiryStage?, services: ModuleServices,
    page: SignedInPage, state: FormState, status: Int = 200
  ) throws -> Response {
    let (inquiries, figures) = try context.read(services.database) { scope in
      (
        try InquiryStore.list(
          stage: stage, before: nil, limit: CommercialLimits.listItemsMax, scope),
        try InquiryService(services: services).conversion(timeZone: context.timeZone, scope)
      )
    }
    return page.render(
      context, path: "/app/inquiries", titleKey: "inquiries.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("inquiries.title") }
      ExportableList.links("inquiries", localizer: t)
      HTML.ul(.class("nav", "nav-pills", "mb-3")) {
        for option in [nil] + InquiryStage.allCases.map(Optional.some) {
          HTML.li(.class("nav-item")) {
            HTML.a(
              .class("nav-link", option == stage ? "active" : ""),
              .href(option.map { "/app/inquiries?stage=\($0.rawValue)" } ?? "/app/inquiries")
            ) { t(option.map { "inquiries.stage.\($0.rawValue)" } ?? "inquiries.all") }
          }
        }
      }
      InquiryTables.list(inquiries, localizer: t)
      InquiryTables.conversion(figures, localizer: t)
      if context.can(CommercialPermissions.quotesManage) {
        InquiryTables.form(
          state, action: "/app/inquiries", askContact: true, csrf: context.csrfToken, localizer: t)
      }
    }
  }
}
