import FreightdeskCore
import Web

/// `/app/campaigns`: the campaigns and a form to start one; `/app/campaigns/{id}`: its
/// message, reach, results and recipient lists to download per channel.
enum CampaignPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, campaigns: Campaigns, page: SignedInPage
  ) {
    app.get(
      "/campaigns",
      CustomerListPage.operation("getCampaignsPage", "Campaigns", CRMPermission.customersRead)
    ) { _, context in
      try list(context, campaigns: campaigns, page: page, state: FormState(), status: 200)
    }
    app.post(
      "/campaigns",
      CustomerListPage.operation(
        "postCampaignsPage", "Create a campaign", CRMPermission.customersManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let campaign = try campaigns.create(
          CampaignInput(
            name: form["name"] ?? "",
            segmentID: Identifier(rawValue: Int64(form["segment_id"] ?? "") ?? 0),
            promotionID: Identifier(rawValue: Int64(form["promotion_id"] ?? "") ?? 0),
            message: form["message"] ?? "", startsOn: form["starts_on"] ?? "",
            endsOn: form["ends_on"] ?? ""), in: context.tenant,
          audit: context.audit(campaigns.service.auditLog))
        return page.done("/app/campaigns/\(campaign.id)", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try list(
          context, campaigns: campaigns, page: page, state: FormState(form: form, error: error),
          status: error.kind.httpStatus)
      }
    }
    app.get(
      "/campaigns/{id}",
      CustomerListPage.operation(
        "getCampaignPage", "A campaign's reach and results", CRMPermission.customersRead)
    ) { _, context in
      try detail(context, campaigns: campaigns, page: page)
    }
    app.post(
      "/campaigns/{id}/start",
      CustomerListPage.operation(
        "postCampaignStartPage", "Start a campaign, freezing its recipients",
        CRMPermission.customersManage)
    ) { _, context in
      let id = try CampaignAPI.campaignID(context)
      do {
        try campaigns.start(
          id, in: context.tenant, audit: context.audit(campaigns.service.auditLog))
        return page.done("/app/campaigns/\(id)", message: "crm.campaigns.started")
      } catch CRMError.campaignAlreadyStarted {
        return page.done("/app/campaigns/\(id)", message: "crm.campaigns.started")
      }
    }
    for format in ListExport.Format.allCases {
      app.get(
        "/campaigns/{id}/recipients.\(format.rawValue)",
        Web.Operation(
          id: "getCampaignRecipients\(format.rawValue.uppercased())",
          summary: "A campaign's recipients on a channel as a .\(format.rawValue) file",
          tag: "Customers", permission: CRMPermission.customersRead, style: .plain,
          queryParameters: [.init("channel", "email, sms or wechat")])
      ) { request, context in
        try CampaignAPI.file(
          campaigns, id: try CampaignAPI.campaignID(context),
          channel: try CampaignAPI.channel(request), format: format, context: context)
      }
    }
  }

  private static func detail(
    _ context: AuthenticatedContext, campaigns: Campaigns, page: SignedInPage
  ) throws -> Response {
    let id = try CampaignAPI.campaignID(context)
    let result = try campaigns.result(of: id, in: context.tenant)
    let promotion = try campaigns.promotionLabel(of: result.campaign, in: context.tenant)
    return page.render(context, path: "/app/campaigns", titleKey: "crm.campaigns.title") { t in
      HTML.h1(.class("h3")) { result.campaign.name }
      HTML.p(.class("text-body-secondary")) {
        "\(result.campaign.startsOn) – \(result.campaign.endsOn) · \(promotion)"
      }
      HTML.p(.class("border-start", "ps-3")) { result.campaign.message }
      status(result.campaign, context: context, localizer: t)
      HTML.div(.class("mb-3"), .id("campaign-result")) {
        CRMPanels.row(t("crm.campaigns.customers"), String(result.customers))
        CRMPanels.row(
          t("crm.campaigns.orders_from_targets"), String(result.ordersFromTargets))
        CRMPanels.row(t("crm.campaigns.orders_total"), String(result.ordersTotal))
      }
      HTML.h2(.class("h5")) { t("crm.campaigns.recipients") }
      HTML.ul(.class("list-unstyled")) {
        for channel in CampaignChannel.allCases {
          HTML.li(.class("mb-2")) {
            HTML.text(
              t("crm.campaigns.channel.\(channel.rawValue)") + ": "
                + String(result.recipientsByChannel[channel.rawValue] ?? 0) + " ")
            for format in ListExport.Format.allCases {
              HTML.a(
                .class("btn", "btn-sm", "btn-outline-secondary", "ms-1"),
                .href(
                  "/app/campaigns/\(id)/recipients.\(format.rawValue)?channel=\(channel.rawValue)")
              ) { format.rawValue.uppercased() }
            }
          }
        }
      }
    }
  }

  /// Whether the recipients are frozen (and since when) or still follow the segment, with the
  /// button that starts a draft for those who manage customers.
  private static func status(
    _ campaign: Campaign, context: AuthenticatedContext, localizer t: Localizer
  ) -> HTML {
    HTML.div(
      .class("alert", campaign.startedAt == nil ? "alert-secondary" : "alert-info"),
      .id("campaign-status")
    ) {
      if let started = campaign.startedAt {
        HTML.text(t("crm.campaigns.frozen", ["date": t.dateTime(started)]))
      } else {
        HTML.text(t("crm.campaigns.live"))
        if context.can(CRMPermission.customersManage) {
          HTML.form(
            .method("post"), .action("/app/campaigns/\(campaign.id)/start"), .class("mt-2"),
            .data("confirm", t("crm.campaigns.start_confirm"))
          ) {
            FormControls.csrf(context.csrfToken)
            FormControls.submit(t("crm.campaigns.start"), style: "btn-sm btn-primary")
          }
        }
      }
    }
  }

  private static func list(
    _ context: AuthenticatedContext, campaigns: Campaigns, page: SignedInPage, state: FormState,
    status: Int
  ) throws -> Response {
    let all = try campaigns.list(in: context.tenant)
    let segments = try campaigns.segments.list(in: context.tenant)
    let promotions = try campaigns.service.database.read(for: context.tenant) {
      try CampaignStore.promotionChoices($0)
    }
    return page.render(
      context, path: "/app/campaigns", titleKey: "crm.campaigns.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("crm.campaigns.title") }
      ExportableList.links("campaigns", localizer: t)
      if all.isEmpty { HTML.p(.class("text-body-secondary")) { t("crm.campaigns.none") } }
      HTML.ul(.class("list-group", "mb-4"), .id("campaigns")) {
        for campaign in all {
          HTML.li(.class("list-group-item")) {
            HTML.a(.href("/app/campaigns/\(campaign.id)")) { campaign.name }
            HTML.text(" \(campaign.startsOn) – \(campaign.endsOn)")
          }
        }
      }
      if context.can(CRMPermission.customersManage) {
        HTML.form(.method("post"), .action("/app/campaigns"), .class("row", "g-2")) {
          FormControls.csrf(context.csrfToken)
          HTML.h2(.class("h5")) { t("crm.campaigns.new") }
          FormControls.formErrors(state, localizer: t)
          HTML.div(.class("col-md-4")) {
            FormControls.field("name", label: t("crm.campaigns.name"), state: state, localizer: t)
          }
          HTML.div(.class("col-md-4")) {
            FormControls.select(
              "segment_id", label: t("crm.campaigns.segment"),
              options: segments.map { ($0.segment.id.description, $0.segment.name) },
              state: state, localizer: t)
          }
          HTML.div(.class("col-md-4")) {
            FormControls.select(
              "promotion_id", label: t("crm.campaigns.promotion"),
              options: promotions.map { ($0.id.description, $0.label) }, state: state,
              localizer: t)
          }
          for name in ["starts_on", "ends_on"] {
            HTML.div(.class("col-md-3")) {
              FormControls.field(
                name, label: t("crm.campaigns.\(name)"), state: state, localizer: t, type: "date")
            }
          }
          HTML.div(.class("col-12")) {
            FormControls.textarea(
              "message", label: t("crm.campaigns.message"), state: state, localizer: t,
              required: true)
          }
          HTML.div { FormControls.submit(t("crm.campaigns.save")) }
        }
      }
    }
  }
}
