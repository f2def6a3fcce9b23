import Foundation
import FreightdeskCore
import Storage
import Web

/// One inquiry's page: its details and the steps its stage allows — qualify, make a quote,
/// or mark it lost with a reason.
enum InquiryDetailPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/inquiries/{id}",
      CommercialPage.operation("getInquiryPage", "One inquiry", CommercialPermissions.quotesRead)
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let (inquiry, quotes) = try context.read(services.database) {
        (try InquiryStore.load(id, $0), try QuoteStore.list(forInquiry: id, $0))
      }
      return render(inquiry, quotes: quotes, context: context, page: page)
    }
    app.post(
      "/inquiries/{id}/transitions",
      CommercialPage.operation(
        "postInquiryTransition", "Move an inquiry", CommercialPermissions.quotesManage)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let form = try FormBody(request)
      let event = try InquiryEvent(name: form["event"] ?? "", reason: form["reason"])
      try context.write(services.database) { scope in
        try InquiryService(services: services).apply(
          event, to: id, audit: context.audit(services.audit), scope)
      }
      return page.done("/app/inquiries/\(id)", message: "flash.saved")
    }
  }

  private static func render(
    _ inquiry: Inquiry, quotes: [Quote], context: AuthenticatedContext, page: SignedInPage
  ) -> Response {
    let path = "/app/inquiries/\(inquiry.id)"
    let stage = inquiry.pipeline.stage
    return page.render(context, path: path, titleKey: "inquiries.title") { t in
      HTML.h1(.class("h3")) { "\(t("inquiries.title")) \(inquiry.number)" }
      HTML.p {
        HTML.span(.class("badge", "text-bg-secondary"), .id("stage")) {
          t("inquiries.stage.\(stage.rawValue)")
        }
        if let reason = inquiry.pipeline.lostReason { " \(reason)" }
      }
      HTML.p { "\(inquiry.contactName) \(inquiry.contactPhone)" }
      HTML.p { "\(inquiry.origin) → \(inquiry.destination) · \(inquiry.cargo)" }
      if !quotes.isEmpty {
        HTML.ul(.class("list-unstyled"), .id("quotes")) {
          for quote in quotes {
            HTML.li {
              HTML.a(.href("/app/quotes/\(quote.id)")) { quote.number }
              " \(t.money(Money(minorUnits: quote.price.totalFen))) · "
              t("quotes.status.\(quote.lifecycle.status.rawValue)")
            }
          }
        }
      }
      if context.can(CommercialPermissions.quotesManage) && !stage.isClosed {
        HTML.div(.class("d-flex", "gap-2", "flex-wrap")) {
          if stage == .new {
            HTML.form(.method("post"), .action("\(path)/transitions")) {
              FormControls.csrf(context.csrfToken)
              HTML.input(.type("hidden"), .name("event"), .value("qualify"))
              FormControls.submit(t("inquiries.qualify"))
            }
          }
          HTML.form(.method("post"), .action("/app/quotes")) {
            FormControls.csrf(context.csrfToken)
            HTML.input(.type("hidden"), .name("inquiry_id"), .value(inquiry.id.description))
            FormControls.submit(t("quotes.make"), style: "btn-outline-primary")
          }
          HTML.form(.method("post"), .action("\(path)/transitions"), .class("d-flex", "gap-2")) {
            FormControls.csrf(context.csrfToken)
            HTML.input(.type("hidden"), .name("event"), .value("lose"))
            HTML.input(
              .class("form-control"), .name("reason"), .required(true),
              .placeholder(t("inquiries.lost_reason")))
            FormControls.submit(t("inquiries.lose"), style: "btn-outline-danger")
          }
        }
      }
    }
  }
}
