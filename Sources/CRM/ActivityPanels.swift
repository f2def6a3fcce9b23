import FreightdeskCore
import Web

/// Interactions and other modules' events, newest first, with a form to log an interaction.
struct TimelinePanel: CustomerPanel {
  let service: CRMService
  let titleKey = "crm.panel.timeline"
  let order = 40
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let tenant = context.request.tenant
    let position = context.page.queryValue(Self.positionParameter).flatMap(
      TimelinePosition.init(text:))
    let page = try service.timeline(of: customer, in: tenant, after: position)
    let entries = page.entries
    let contacts = try service.contacts(of: customer, in: tenant)
    return HTML.group {
      if context.request.can(CRMPermission.interactionsManage) {
        CRMPanels.form(context, path: "interactions") {
          HTML.div(.class("row", "g-2")) {
            HTML.div(.class("col-md-4")) {
              FormControls.select(
                "interaction/kind", label: t("crm.interaction.kind"),
                options: InteractionKind.allCases.map {
                  ($0.rawValue, t("crm.interaction.kind.\($0.rawValue)"))
                }, state: context.form, localizer: t)
            }
            HTML.div(.class("col-md-4")) {
              FormControls.select(
                "interaction/contact_id", label: t("crm.interaction.contact"),
                options: [("", t("crm.choice.none"))]
                  + contacts.map { ($0.id.description, $0.name) }, state: context.form,
                localizer: t)
            }
            HTML.div(.class("col-md-4")) {
              FormControls.field(
                "interaction/reference", label: t("crm.interaction.reference"),
                state: context.form, localizer: t, required: false)
            }
          }
          FormControls.textarea(
            "interaction/summary", label: t("crm.interaction.summary"), state: context.form,
            localizer: t, rows: 2, required: true)
          FormControls.submit(t("crm.interaction.log"), style: "btn-sm btn-outline-primary")
        }
      }
      if entries.isEmpty { HTML.p(.class("text-body-secondary mt-3")) { t("crm.timeline.none") } }
      HTML.ul(.class("list-unstyled", "mt-3"), .id("timeline")) {
        for entry in entries { line(entry, localizer: t) }
      }
      pager(customer: customer, shown: position, next: page.next, localizer: t)
    }
  }

  /// The query parameter that holds where the shown page of the timeline starts.
  static let positionParameter = "timeline_after"

  /// Links to the older entries and back to the newest, when there are any.
  private func pager(
    customer: Identifier, shown: TimelinePosition?, next: TimelinePosition?,
    localizer t: Localizer
  ) -> HTML {
    let page = "/app/customers/\(customer)"
    return HTML.div(.class("d-flex", "gap-3", "small")) {
      if shown != nil {
        HTML.a(.href("\(page)#timeline")) { t("crm.timeline.newest") }
      }
      if let next {
        HTML.a(.href("\(page)?\(Self.positionParameter)=\(next.text)#timeline")) {
          t("crm.timeline.older")
        }
      }
    }
  }

  private func line(_ entry: TimelineEntry, localizer t: Localizer) -> HTML {
    HTML.li(.class("mb-2", "border-start", "ps-2")) {
      HTML.div(.class("small", "text-body-secondary")) { t.dateTime(entry.occurredAt) }
      switch entry {
      case .interaction(let interaction):
        HTML.strong { t("crm.interaction.kind.\(interaction.kind.rawValue)") }
        HTML.text(" · \(interaction.authorName)")
        if !interaction.reference.isEmpty { HTML.text(" · \(interaction.reference)") }
        HTML.div { interaction.summary }
      case .event(let event):
        HTML.strong {
          CustomerTimelineTopic(rawValue: event.topic).map { t($0.labelKey) } ?? event.topic
        }
        HTML.text(" · \(event.reference)")
      }
    }
  }
}

/// The customer's follow-ups, with a form to add one.
struct FollowUpsPanel: CustomerPanel {
  let service: CRMService
  let titleKey = "crm.panel.follow_ups"
  let order = 50
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let followUps = try service.followUps(of: customer, in: context.request.tenant)
    let staff = try service.staff.members(of: context.request.tenant)
    let manage = context.request.can(CRMPermission.interactionsManage)
    return HTML.group {
      if followUps.isEmpty { HTML.p(.class("text-body-secondary")) { t("crm.follow_ups.none") } }
      HTML.ul(.class("list-unstyled")) {
        for followUp in followUps {
          HTML.li(.class("mb-1", "d-flex", "justify-content-between", "gap-2")) {
            HTML.span(.class(followUp.doneAt == nil ? "" : "text-decoration-line-through")) {
              "\(followUp.dueOn) · \(followUp.title) · "
                + (staff.first { $0.id == followUp.assigneeID }?.name ?? "")
            }
            if manage { toggle(followUp, context: context) }
          }
        }
      }
      if manage {
        CRMPanels.form(context, path: "follow-ups") {
          HTML.div(.class("row", "g-2")) {
            HTML.div(.class("col-md-6")) {
              FormControls.field(
                "follow_up/title", label: t("crm.follow_up.title"), state: context.form,
                localizer: t)
            }
            HTML.div(.class("col-md-3")) {
              FormControls.field(
                "follow_up/due_on", label: t("crm.follow_up.due_on"), state: context.form,
                localizer: t, type: "date")
            }
            HTML.div(.class("col-md-3")) {
              FormControls.select(
                "follow_up/assignee_id", label: t("crm.follow_up.assignee"),
                options: staff.map { ($0.id.description, $0.name) }, state: context.form,
                localizer: t, selected: context.request.user.description)
            }
          }
          FormControls.submit(t("crm.follow_ups.add"), style: "btn-sm btn-outline-primary")
        }
      }
    }
  }

  /// A button marking the follow-up done, or open again, coming back to this page.
  private func toggle(_ followUp: FollowUp, context: CustomerPanelContext) -> HTML {
    let done = followUp.doneAt == nil
    return HTML.form(
      .method("post"), .action("/app/follow-ups/\(followUp.id)/\(done ? "done" : "reopen")")
    ) {
      FormControls.csrf(context.request.csrfToken)
      HTML.input(.type("hidden"), .name("back"), .value("/app/customers/\(followUp.customerID)"))
      FormControls.submit(
        context.localizer(done ? "crm.follow_up.done" : "crm.follow_up.reopen"),
        style: "btn-sm btn-link p-0")
    }
  }
}
