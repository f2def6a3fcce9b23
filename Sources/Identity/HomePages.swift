import Foundation
import FreightdeskCore
import Web

/// The landing pages: `/app` for staff (with the trial's state) and `/portal` for customers.
enum HomePages {
  static func register(_ routes: ModuleRoutes, service: IdentityService, page: SignedInPage) {
    routes.app.get(
      "",
      Web.Operation(
        id: "getAppHome", summary: "The staff home page", tag: "Home", permission: .signedIn,
        style: .page)
    ) { _, context in
      let company = try service.company(context.tenant)
      return page.render(context, path: "/app", titleKey: "home.title") { t in
        HTML.h1(.class("h3")) { t("home.welcome", ["name": context.userName]) }
        HTML.p(.class("text-body-secondary")) { company.name }
        trialNotice(company, context: context, localizer: t, now: service.clock.now())
        areaCards(page, area: .app, home: "/app", context: context, localizer: t)
      }
    }
    routes.portal.get(
      "",
      Web.Operation(
        id: "getPortalHome", summary: "The customer portal home page", tag: "Home",
        permission: .signedIn, style: .page)
    ) { _, context in
      page.render(context, path: "/portal", titleKey: "portal.title") { t in
        HTML.h1(.class("h3")) { t("portal.welcome", ["name": context.userName]) }
        HTML.p { t("portal.intro", ["company": context.tenantName]) }
        areaCards(page, area: .portal, home: "/portal", context: context, localizer: t)
      }
    }
  }

  /// A card for each page of `area` the caller may open (the modules' navigation entries),
  /// besides the home page itself: where to go next from a home page.
  private static func areaCards(
    _ page: SignedInPage, area: NavigationEntry.Area, home: String,
    context: AuthenticatedContext, localizer t: Localizer
  ) -> HTML {
    HTML.div(.class("row", "g-3", "mt-2")) {
      for entry in page.navigation.sorted(by: { $0.order < $1.order })
      where entry.area == area && entry.href != home
        && (entry.permission == .signedIn || context.can(entry.permission))
      {
        HTML.div(.class("col-sm-6", "col-lg-3")) {
          HTML.a(
            .class("card", "card-body", "text-decoration-none", "h-100"), .href(entry.href)
          ) {
            HTML.strong { t(entry.labelKey) }
          }
        }
      }
    }
  }

  private static func trialNotice(
    _ company: Company, context: AuthenticatedContext, localizer t: Localizer, now: Instant
  ) -> HTML {
    HTML.group {
      if let days = company.trialDaysLeft(at: now) {
        HTML.div(
          .class("alert", company.isReadOnly(at: now) ? "alert-warning" : "alert-info"),
          .role("status")
        ) {
          if company.isReadOnly(at: now) {
            t("home.trial_ended")
          } else {
            t("home.trial_days_left", ["days": String(days)])
          }
          if context.can(IdentityPermission.trialExtend) {
            HTML.text(" ")
            HTML.a(.href("/app/company")) { t("home.trial_manage") }
          }
        }
      }
    }
  }
}
