import FreightdeskCore
import Web

/// CRM's own panels on the customer 360° page, the order figures among them (from the order
/// history and exposure ports). Receivables, complaints and satisfaction come from the panels
/// of the modules that keep them.
enum CRMPanels {
  static func all(
    service: CRMService, tagging: AutomaticTagging, exposure: (any ExposureSource)?
  ) -> [any CustomerPanel] {
    [
      ProfilePanel(service: service),
      FiguresPanel(service: service, history: tagging.history, exposure: exposure),
      TagsPanel(service: service, tagging: tagging),
      ContactsPanel(service: service),
      AddressesPanel(service: service), TermsPanel(), TimelinePanel(service: service),
      FollowUpsPanel(service: service),
    ]
  }

  /// A panel form posting to `/app/customers/{id}/<path>` with the CSRF token.
  static func form(
    _ context: CustomerPanelContext, path: String, confirm: String? = nil,
    @HTMLBuilder content: () -> HTML
  ) -> HTML {
    HTML.form(
      .method("post"), .action("/app/customers/\(context.customer.id)/\(path)"),
      .class("mt-2"), .data("confirm", confirm ?? "")
    ) {
      FormControls.csrf(context.request.csrfToken)
      content()
    }
  }

  /// A two-column definition row.
  static func row(_ label: String, _ value: String) -> HTML {
    HTML.div(.class("row", "mb-1")) {
      HTML.div(.class("col-sm-4", "text-body-secondary")) { label }
      HTML.div(.class("col-sm-8")) { value.isEmpty ? "—" : value }
    }
  }
}

/// Name, credit code, industry, segment, source, owner, status; edit and merge.
struct ProfilePanel: CustomerPanel {
  let service: CRMService
  let titleKey = "crm.panel.profile"
  let order = 0
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let value = context.customer
    let tenant = context.request.tenant
    let segment = try service.segments(in: tenant).first { $0.code == value.segmentCode }
    let owner = try service.staff.members(of: tenant).first { $0.id == value.ownerID }
    let manage = context.request.can(CRMPermission.customersManage)
    let candidates = manage ? try service.duplicateCandidates(of: value, in: tenant) : []
    return HTML.group {
      HTML.div(.class("mb-2")) {
        CRMPanels.row(t("crm.customer.name"), value.name)
        CRMPanels.row(t("crm.customer.credit_code"), value.creditCode ?? "")
        CRMPanels.row(t("crm.customer.industry"), value.industry)
        CRMPanels.row(t("crm.customer.segment"), segment?.name ?? "")
        CRMPanels.row(t("crm.customer.source"), value.source)
        CRMPanels.row(t("crm.customer.owner"), owner?.name ?? "")
        CRMPanels.row(t("crm.customer.created_at"), t.date(value.createdAt))
      }
      if manage {
        HTML.a(
          .class("btn", "btn-sm", "btn-outline-primary"), .href("/app/customers/\(value.id)/edit")
        ) {
          t("common.edit")
        }
        if !candidates.isEmpty {
          CRMPanels.form(context, path: "merge", confirm: t("crm.merge.confirm")) {
            FormControls.select(
              "duplicate_id", label: t("crm.merge.label"),
              options: candidates.map { ($0.id.description, $0.name) }, state: context.form,
              localizer: t)
            FormControls.submit(t("crm.merge.submit"), style: "btn-sm btn-outline-danger")
          }
        }
      }
    }
  }
}
