import FreightdeskCore
import Web

/// `/app/customers/tags`: every tag of the company with how many customers carry it by hand
/// and by rules, each linking to the customer list filtered by it; those who manage customers
/// rename a tag given by hand or take it off every customer.
enum CompanyTagPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage
  ) {
    app.get(
      "/customers/tags",
      CustomerListPage.operation("getTagsPage", "The company's tags", CRMPermission.customersRead)
    ) { _, context in
      try render(context, service: service, page: page, state: FormState())
    }
    app.post(
      "/customers/tags/rename",
      CustomerListPage.operation(
        "postTagRenamePage", "Rename a tag on every customer", CRMPermission.customersManage)
    ) { request, context in
      let form = try FormBody(request)
      return try answer(form, context: context, service: service, page: page) {
        let change = try service.renameTag(
          TagRenameInput(tag: form["tag"] ?? "", newTag: form["new_tag"] ?? ""),
          in: context.tenant, audit: context.audit(service.auditLog))
        return ("crm.tags.company.renamed", change)
      }
    }
    app.post(
      "/customers/tags/remove",
      CustomerListPage.operation(
        "postTagRemovePage", "Take a tag off every customer", CRMPermission.customersManage)
    ) { request, context in
      let form = try FormBody(request)
      return try answer(form, context: context, service: service, page: page) {
        let change = try service.removeTagEverywhere(
          TagRemovalInput(tag: form["tag"] ?? ""), in: context.tenant,
          audit: context.audit(service.auditLog))
        return ("crm.tags.company.removed", change)
      }
    }
  }

  /// Runs a change and answers with the page again (showing what was wrong) or a redirect
  /// with the change's message.
  private static func answer(
    _ form: FormBody, context: AuthenticatedContext, service: CRMService, page: SignedInPage,
    change: () throws -> (message: String, change: TagChange)
  ) throws -> Response {
    do {
      let (message, done) = try change()
      return page.done(
        "/app/customers/tags", message: message,
        arguments: ["tag": done.tag, "customers": String(done.customers)])
    } catch let error as any UserFacingError where error.kind != .internalFailure {
      return try render(
        context, service: service, page: page, state: FormState(form: form, error: error),
        status: error.kind.httpStatus)
    }
  }

  private static func render(
    _ context: AuthenticatedContext, service: CRMService, page: SignedInPage, state: FormState,
    status: Int = 200
  ) throws -> Response {
    let tags = try service.companyTags(in: context.tenant)
    let manage = context.can(CRMPermission.customersManage)
    return page.render(
      context, path: "/app/customers/tags", titleKey: "crm.tags.company.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("crm.tags.company.title") }
      HTML.p(.class("text-body-secondary")) { t("crm.tags.company.automatic_note") }
      FormControls.formErrors(state, localizer: t)
      if tags.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("crm.tags.none") }
      } else {
        table(tags, manage: manage, csrf: context.csrfToken, localizer: t)
      }
    }
  }

  private static func table(
    _ tags: [CompanyTag], manage: Bool, csrf: String?, localizer t: Localizer
  ) -> HTML {
    HTML.table(.class("table", "table-sm", "align-middle"), .id("tags")) {
      HTML.thead {
        HTML.tr {
          HTML.th { t("crm.tag.tag") }
          HTML.th(.class("text-end")) { t("crm.tags.company.manual") }
          HTML.th(.class("text-end")) { t("crm.tags.company.automatic") }
          HTML.th(.class("text-end")) { t("crm.tags.company.customers") }
          if manage { HTML.th {} }
        }
      }
      HTML.tbody {
        for tag in tags {
          HTML.tr {
            HTML.td {
              HTML.a(.href(TagsPanel.filterLink(tag.tag))) { tag.tag }
            }
            HTML.td(.class("text-end")) { String(tag.manualCustomers) }
            HTML.td(.class("text-end")) { String(tag.automaticCustomers) }
            HTML.td(.class("text-end")) { String(tag.customers) }
            if manage {
              HTML.td {
                if tag.manualCustomers > 0 { actions(tag.tag, csrf: csrf, localizer: t) }
              }
            }
          }
        }
      }
    }
  }

  /// Renaming and removing one manual tag.
  private static func actions(_ tag: String, csrf: String?, localizer t: Localizer) -> HTML {
    HTML.div(.class("d-flex", "gap-2", "justify-content-end")) {
      HTML.form(.method("post"), .action("/app/customers/tags/rename"), .class("d-flex", "gap-1")) {
        FormControls.csrf(csrf)
        HTML.input(.type("hidden"), .name("tag"), .value(tag))
        HTML.input(
          .type("text"), .name("new_tag"), .class("form-control", "form-control-sm"),
          .required(true),
          .aria("label", t("crm.tags.company.new_name")),
          .placeholder(t("crm.tags.company.new_name")))
        FormControls.submit(t("crm.tags.company.rename"), style: "btn-sm btn-outline-primary")
      }
      HTML.form(
        .method("post"), .action("/app/customers/tags/remove"),
        .data("confirm", t("common.confirm_delete"))
      ) {
        FormControls.csrf(csrf)
        HTML.input(.type("hidden"), .name("tag"), .value(tag))
        FormControls.submit(t("crm.tags.company.remove"), style: "btn-sm btn-outline-danger")
      }
    }
  }
}
