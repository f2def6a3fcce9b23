import Foundation
import FreightdeskCore
import Storage
import Web

/// The portal's inquiry form: a signed-in customer asks for a price, and the inquiry enters the
/// pipeline as `new` with source `portal`.
enum InquiryPortalPages {
  static func register(
    _ portal: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    portal.get(
      "/inquiries",
      CommercialPage.operation(
        "getPortalInquiryPage", "Ask for a price", CommercialPermissions.inquiriesSubmit)
    ) { _, context in
      render(context, page: page, state: FormState())
    }
    portal.post(
      "/inquiries",
      CommercialPage.operation(
        "postPortalInquiryPage", "Send an inquiry", CommercialPermissions.inquiriesSubmit)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let input = try InquiryTables.newInquiry(form, contactName: context.userName)
        try context.write(services.database) { scope in
          _ = try InquiryService(services: services).create(
            input, source: "portal", timeZone: context.timeZone,
            audit: context.audit(services.audit), scope)
        }
        return page.done("/portal/inquiries", message: "flash.inquiry_received")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return render(
          context, page: page, state: FormState(form: form, error: error), status: 422)
      }
    }
  }

  private static func render(
    _ context: AuthenticatedContext, page: SignedInPage, state: FormState, status: Int = 200
  ) -> Response {
    page.render(
      context, path: "/portal/inquiries", titleKey: "inquiries.ask", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("inquiries.ask") }
      InquiryTables.form(
        state, action: "/portal/inquiries", askContact: false, csrf: context.csrfToken,
        localizer: t)
    }
  }
}
