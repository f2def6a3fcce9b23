import FreightdeskCore
import Spreadsheet
import Web

/// Campaigns in the JSON API under `/api/v1/campaigns`: create, start (freezing the targeted
/// customers) and list them, their reach and results, and their recipient lists per channel
/// (as JSON or as a file for sending by hand).
enum CampaignAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, campaigns: Campaigns) {
    api.get(
      "/campaigns",
      CustomerAPI.operation(
        "listCampaigns", "The company's campaigns, newest first", CRMPermission.customersRead,
        response: .of(ItemList<Campaign>.self))
    ) { _, context in
      try JSONBody.response(ItemList(items: try campaigns.list(in: context.tenant)))
    }
    api.post(
      "/campaigns",
      CustomerAPI.operation(
        "createCampaign", "Aim a promotion and a message at a saved segment",
        CRMPermission.customersManage, request: .of(CampaignInput.self),
        response: .of(Campaign.self), status: 201)
    ) { request, context in
      let campaign = try campaigns.create(
        try JSONBody.decode(CampaignInput.self, from: request), in: context.tenant,
        audit: context.audit(campaigns.service.auditLog))
      return try JSONBody.response(
        campaign, status: 201, headers: ["Location": "/api/v1/campaigns/\(campaign.id)"])
    }
    api.get(
      "/campaigns/{id}",
      CustomerAPI.operation(
        "getCampaign", "A campaign with its reach and the orders that used its promotion",
        CRMPermission.customersRead, response: .of(CampaignResult.self))
    ) { _, context in
      try JSONBody.response(
        try campaigns.result(of: try campaignID(context), in: context.tenant))
    }
    api.post(
      "/campaigns/{id}/start",
      CustomerAPI.operation(
        "startCampaign", "Start a campaign, freezing the customers it targets",
        CRMPermission.customersManage, response: .of(Campaign.self))
    ) { _, context in
      try JSONBody.response(
        try campaigns.start(
          try campaignID(context), in: context.tenant,
          audit: context.audit(campaigns.service.auditLog)))
    }
    api.get(
      "/campaigns/{id}/recipients",
      CustomerAPI.operation(
        "listCampaignRecipients", "The contacts a campaign reaches on a channel",
        CRMPermission.customersRead, response: .of(ItemList<CampaignRecipient>.self),
        query: [.init("channel", "email, sms or wechat")])
    ) { request, context in
      try JSONBody.response(
        ItemList(
          items: try campaigns.recipients(
            of: try campaignID(context), on: try channel(request), in: context.tenant)))
    }
    api.get(
      "/campaigns/{id}/recipients/export",
      Web.Operation(
        id: "exportCampaignRecipients",
        summary: "The contacts a campaign reaches on a channel as a CSV or .xlsx file",
        tag: "Customers", permission: CRMPermission.customersRead, style: .plain,
        queryParameters: [
          .init("channel", "email, sms or wechat"), .init("format", "csv or xlsx"),
        ])
    ) { request, context in
      try file(
        campaigns, id: try campaignID(context), channel: try channel(request),
        format: try ListExport.format(request), context: context)
    }
  }

  /// The recipients of campaign `id` on `channel` as a file.
  static func file(
    _ campaigns: Campaigns, id: Identifier, channel: CampaignChannel, format: ListExport.Format,
    context: AuthenticatedContext
  ) throws -> Response {
    let recipients = try campaigns.recipients(of: id, on: channel, in: context.tenant)
    let t = context.localizer
    return try ListExport.file(
      columns: [
        ExportColumn(t("crm.customer.name"), widthCharacters: 30),
        ExportColumn(t("crm.campaigns.contact")),
        ExportColumn(t("crm.campaigns.channel.\(channel.rawValue)"), widthCharacters: 30),
      ],
      rows: recipients.map {
        [.text($0.customerName), .text($0.contactName), .text($0.address(on: channel) ?? "")]
      }, format: format, sheetName: t("crm.campaigns.recipients"),
      name: "campaign-\(channel.rawValue)")
  }

  /// The `channel` query parameter.
  static func channel(_ request: Request) throws -> CampaignChannel {
    guard let channel = CampaignChannel(rawValue: request.queryValue("channel") ?? "email")
    else { throw ValidationFailure(pointer: "/query/channel", code: "unknown_choice") }
    return channel
  }

  static func campaignID(_ context: AuthenticatedContext) throws -> Identifier {
    try context.request.parameters.identifier("id")
  }
}
