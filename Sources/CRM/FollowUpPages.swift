import Foundation
import FreightdeskCore
import Web

/// `/app/follow-ups`: the signed-in user's open follow-ups, overdue ones marked, each with a
/// button to mark it done.
enum FollowUpPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage
  ) {
    app.get(
      "/follow-ups",
      CustomerListPage.operation(
        "getFollowUpsPage", "My open follow-ups", CRMPermission.interactionsManage)
    ) { _, context in
      let followUps = try service.openFollowUps(of: context.user, in: context.tenant)
      let today = Self.today(service.clock.now(), in: context.timeZone)
      return page.render(context, path: "/app/follow-ups", titleKey: "crm.follow_ups.title") { t in
        HTML.h1(.class("h3")) { t("crm.follow_ups.title") }
        ExportableList.links("follow-ups", localizer: t)
        if followUps.isEmpty {
          HTML.p(.class("text-body-secondary")) { t("crm.follow_ups.none_open") }
        }
        HTML.ul(.class("list-group")) {
          for followUp in followUps {
            HTML.li(.class("list-group-item", "d-flex", "justify-content-between", "gap-2")) {
              HTML.div {
                HTML.span(.class(followUp.dueOn < today ? "text-danger" : "text-body-secondary")) {
                  followUp.dueOn < today
                    ? t("crm.follow_up.overdue", ["date": followUp.dueOn]) : followUp.dueOn
                }
                HTML.text(" · ")
                HTML.a(.href("/app/customers/\(followUp.customerID)")) { followUp.customerName }
                HTML.div { followUp.title }
              }
              HTML.form(.method("post"), .action("/app/follow-ups/\(followUp.id)/done")) {
                FormControls.csrf(context.csrfToken)
                FormControls.submit(t("crm.follow_up.done"), style: "btn-sm btn-outline-success")
              }
            }
          }
        }
      }
    }
    for (path, done) in [("done", true), ("reopen", false)] {
      app.post(
        "/follow-ups/{id}/\(path)",
        CustomerListPage.operation(
          done ? "postFollowUpDone" : "postFollowUpReopen",
          done ? "Mark a follow-up done" : "Open a done follow-up again",
          CRMPermission.interactionsManage)
      ) { request, context in
        let back = try FormBody(request)["back"] ?? ""
        try service.setFollowUp(
          try context.request.parameters.identifier("id"), done: done, in: context.tenant,
          audit: context.audit(service.auditLog))
        return page.done(
          back.hasPrefix("/app/customers/") ? back : "/app/follow-ups",
          message: done ? "flash.follow_up_done" : "flash.follow_up_reopened")
      }
    }
  }

  /// The date `now` falls on in `zone`, as `YYYY-MM-DD`.
  static func today(_ now: Instant, in zone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let date = Date(timeIntervalSince1970: TimeInterval(now.epochMilliseconds / 1000))
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(
      format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}
