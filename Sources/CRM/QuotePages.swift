import Foundation
import FreightdeskCore
import Storage
import Web

/// The quote pages: the list, making a quote from an inquiry, and one quote with its frozen
/// breakdown and the buttons to accept or expire it.
enum QuotePages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    let service = QuoteService(services: services)
    app.get(
      "/quotes",
      CommercialPage.operation("getQuotesPage", "Quotes", CommercialPermissions.quotesRead)
    ) { _, context in
      let quotes = try context.read(services.database) {
        try QuoteStore.list(before: nil, limit: CommercialLimits.listItemsMax, $0)
      }
      return renderList(quotes, context: context, page: page)
    }
    app.post(
      "/quotes",
      CommercialPage.operation(
        "postQuotesPage", "Make a quote for an inquiry", CommercialPermissions.quotesManage)
    ) { request, context in
      let form = try FormBody(request)
      guard let inquiry = form["inquiry_id"].flatMap(Int64.init) else {
        throw ValidationFailure(pointer: "/inquiry_id", code: "required")
      }
      let quote = try context.write(services.database) { scope in
        try service.create(
          NewQuote(inquiryID: inquiry, price: nil, validDays: nil), timeZone: context.timeZone,
          user: context.user, audit: context.audit(services.audit), scope)
      }
      return page.done("/app/quotes/\(quote.id)", message: "flash.created")
    }
    app.post(
      "/quotes/expire-overdue",
      CommercialPage.operation(
        "postExpireOverdueQuotesPage", "Expire quotes past their last valid day",
        CommercialPermissions.quotesManage)
    ) { _, context in
      try context.write(services.database) { scope in
        _ = try service.expireOverdue(
          timeZone: context.timeZone, audit: context.audit(services.audit), scope)
      }
      return page.done("/app/quotes", message: "flash.saved")
    }
    app.get(
      "/quotes/{id}",
      CommercialPage.operation("getQuotePage", "One quote", CommercialPermissions.quotesRead)
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let quote = try context.read(services.database) { try QuoteStore.load(id, $0) }
      return renderDetail(quote, context: context, page: page)
    }
    for action in ["accept", "expire"] {
      app.post(
        "/quotes/{id}/\(action)",
        CommercialPage.operation(
          "post\(action.capitalized)QuotePage", "\(action.capitalized) a quote",
          CommercialPermissions.quotesManage)
      ) { _, context in
        let id = try context.request.parameters.identifier("id")
        try context.write(services.database) { scope in
          try service.decide(
            id, accept: action == "accept", timeZone: context.timeZone,
            audit: context.audit(services.audit), scope)
        }
        return page.done("/app/quotes/\(id)", message: "flash.saved")
      }
    }
  }

  private static func renderList(
    _ quotes: [Quote], context: AuthenticatedContext, page: SignedInPage
  ) -> Response {
    page.render(context, path: "/app/quotes", titleKey: "quotes.title") { t in
      HTML.h1(.class("h3")) { t("quotes.title") }
      ExportableList.links("quotes", localizer: t)
      if context.can(CommercialPermissions.quotesManage) {
        HTML.form(.method("post"), .action("/app/quotes/expire-overdue"), .class("mb-3")) {
          FormControls.csrf(context.csrfToken)
          FormControls.submit(t("quotes.expire_overdue"), style: "btn-sm btn-outline-secondary")
        }
      }
      HTML.table(.class("table", "table-sm")) {
        HTML.thead {
          HTML.tr {
            HTML.th { t("quotes.number") }
            HTML.th { t("pricing.lane") }
            HTML.th { t("pricing.total") }
            HTML.th { t("quotes.valid_through") }
            HTML.th { t("quotes.status") }
          }
        }
        HTML.tbody {
          for quote in quotes {
            HTML.tr {
              HTML.td { HTML.a(.href("/app/quotes/\(quote.id)")) { quote.number } }
              HTML.td { "\(quote.request.origin) → \(quote.request.destination)" }
              HTML.td { t.money(Money(minorUnits: quote.price.totalFen)) }
              HTML.td { quote.lifecycle.validThrough.description }
              HTML.td { t("quotes.status.\(quote.lifecycle.status.rawValue)") }
            }
          }
        }
      }
    }
  }

  private static func renderDetail(
    _ quote: Quote, context: AuthenticatedContext, page: SignedInPage
  ) -> Response {
    let path = "/app/quotes/\(quote.id)"
    return page.render(context, path: path, titleKey: "quotes.title") { t in
      HTML.h1(.class("h3")) { "\(t("quotes.title")) \(quote.number)" }
      HTML.p {
        HTML.span(.class("badge", "text-bg-secondary"), .id("status")) {
          t("quotes.status.\(quote.lifecycle.status.rawValue)")
        }
        " \(t("quotes.valid_through")) \(quote.lifecycle.validThrough)"
      }
      if let inquiry = quote.inquiryID {
        HTML.p { HTML.a(.href("/app/inquiries/\(inquiry)")) { t("quotes.inquiry") } }
      }
      HTML.div(.class("col-lg-6")) { BreakdownTable.render(quote.price, localizer: t) }
      if context.can(CommercialPermissions.quotesManage) && quote.lifecycle.status == .open {
        HTML.div(.class("d-flex", "gap-2")) {
          for (action, style) in [("accept", "btn-primary"), ("expire", "btn-outline-secondary")] {
            HTML.form(.method("post"), .action("\(path)/\(action)")) {
              FormControls.csrf(context.csrfToken)
              FormControls.submit(t("quotes.\(action)"), style: style)
            }
          }
        }
      }
    }
  }
}
