import Foundation
import FreightdeskCore
import Web

/// The customer's tags, each with its reason and who gave it; its automatic tags with the
/// figures that earned them; a form to add a tag.
struct TagsPanel: CustomerPanel {
  let service: CRMService
  let tagging: AutomaticTagging
  let titleKey = "crm.panel.tags"
  let order = 5
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let tags = try service.tags(of: customer, in: context.request.tenant)
    let automatic = try tagging.tags(of: customer, in: context.request.tenant)
    let manage = context.request.can(CRMPermission.customersManage)
    return HTML.group {
      if tags.isEmpty && automatic.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("crm.tags.none") }
      }
      Self.automaticList(automatic, localizer: t)
      HTML.ul(.class("list-unstyled")) {
        for tag in tags {
          HTML.li(.class("mb-2", "d-flex", "justify-content-between", "gap-2")) {
            HTML.div {
              HTML.a(
                .class("badge", "text-bg-info", "text-decoration-none"),
                .href(Self.filterLink(tag.tag))
              ) { tag.tag }
              HTML.text(" " + tag.reason)
              HTML.div(.class("small", "text-body-secondary")) {
                t("crm.tag.added", ["name": tag.addedByName, "date": t.date(tag.addedAt)])
              }
            }
            if manage {
              CRMPanels.form(
                context, path: "tags/\(tag.id)/delete", confirm: t("common.confirm_delete")
              ) {
                FormControls.submit(t("common.delete"), style: "btn-sm btn-link text-danger p-0")
              }
            }
          }
        }
      }
      if manage {
        CRMPanels.form(context, path: "tags") {
          HTML.div(.class("row", "g-2")) {
            HTML.div(.class("col-md-4")) {
              FormControls.field(
                "tag/tag", label: t("crm.tag.tag"), state: context.form, localizer: t)
            }
            HTML.div(.class("col-md-8")) {
              FormControls.field(
                "tag/reason", label: t("crm.tag.reason"), state: context.form, localizer: t)
            }
          }
          FormControls.submit(t("crm.tags.add"), style: "btn-sm btn-outline-primary")
        }
      }
    }
  }

  /// Automatic tags with their reasons in the reader's language.
  static func automaticList(_ tags: [AutomaticTag], localizer t: Localizer) -> HTML {
    HTML.ul(.class("list-unstyled"), .id("automatic-tags")) {
      for tag in tags {
        HTML.li(.class("mb-2")) {
          HTML.a(
            .class("badge", "text-bg-warning", "text-decoration-none"),
            .href(filterLink(tag.tag))
          ) { tag.tag }
          HTML.text(" " + t(tag.finding.reasonKey, tag.finding.evidence))
          HTML.div(.class("small", "text-body-secondary")) {
            t("crm.auto_tag.computed", ["date": t.date(tag.computedAt)])
          }
        }
      }
    }
  }

  /// The customer list filtered by `tag`.
  static func filterLink(_ tag: String) -> String {
    var link = URLComponents()
    link.path = "/app/customers"
    link.queryItems = [URLQueryItem(name: "tag", value: tag)]
    return link.string ?? "/app/customers"
  }
}
