public import Foundation
public import FreightdeskCore
import Storage
public import Web

/// Campaigns: aimed at a saved segment with a promotion and a message. While a campaign is a
/// draft its recipients are the contacts of the segment's members at each moment; starting it
/// freezes the customers it targets, as marketing tools do when a send goes out, so the list
/// that was contacted and the result measured against it no longer drift as customers join
/// or leave the segment. The result counts the orders placed with the promotion in the
/// campaign's period, read from the order history.
public struct Campaigns: Sendable {
  let segments: CustomerSegments
  let timeZone: TimeZone

  /// Campaigns over saved segments (and through them the customers and order history).
  public init(segments: CustomerSegments, timeZone: TimeZone = DisplayFormat.defaultTimeZone) {
    self.segments = segments
    self.timeZone = timeZone
  }

  var service: CRMService { segments.service }

  /// The company's campaigns, newest first.
  public func list(in tenant: TenantID) throws -> [Campaign] {
    try service.database.read(for: tenant) { try CampaignStore.list($0) }
  }

  /// Creates a campaign for an existing segment and promotion.
  @discardableResult
  public func create(_ input: CampaignInput, in tenant: TenantID, audit: AuditContext) throws
    -> Campaign
  {
    var problems = input.problems()
    let campaign = Campaign(
      id: service.identifiers.next(), name: input.name.trimmed, segmentID: input.segmentID,
      promotionID: input.promotionID, message: input.message.trimmed, startsOn: input.startsOn,
      endsOn: input.endsOn, createdAt: service.clock.now(), startedAt: nil)
    try service.database.write(for: tenant) { scope in
      do {
        _ = try CustomerSegmentStore.load(input.segmentID, scope)
      } catch CRMError.customerSegmentNotFound {
        problems.append(FieldError(pointer: "/segment_id", code: "unknown_choice"))
      }
      if try CampaignStore.promotionLabel(input.promotionID, scope) == nil {
        problems.append(FieldError(pointer: "/promotion_id", code: "unknown_choice"))
      }
      if !problems.isEmpty { throw ValidationFailure(problems) }
      try CampaignStore.insert(campaign, scope)
      try audit.record(
        entity: "campaign", id: campaign.id, action: "create",
        after: [
          "name": campaign.name, "segment_id": campaign.segmentID.description,
          "promotion_id": campaign.promotionID.description, "starts_on": campaign.startsOn,
          "ends_on": campaign.endsOn,
        ], in: scope)
    }
    return campaign
  }

  /// Starts a draft campaign: freezes the segment's members now as the customers it targets
  /// (their contacts' addresses stay current) and audits how many. A started campaign answers
  /// ``CRMError/campaignAlreadyStarted``.
  @discardableResult
  public func start(_ id: Identifier, in tenant: TenantID, audit: AuditContext) throws
    -> Campaign
  {
    try service.database.write(for: tenant) { scope in
      var campaign = try CampaignStore.load(id, scope)
      guard campaign.startedAt == nil else { throw CRMError.campaignAlreadyStarted }
      let targets = try members(of: campaign, scope)
      let now = service.clock.now()
      try CampaignStore.start(id, targets: targets, at: now, scope)
      try audit.record(
        entity: "campaign", id: id, action: "start", after: ["customers": String(targets.count)],
        in: scope)
      campaign.startedAt = now
      return campaign
    }
  }

  /// A campaign with its reach and the orders it brought so far.
  public func result(of id: Identifier, in tenant: TenantID) throws -> CampaignResult {
    try service.database.read(for: tenant) { scope in
      let campaign = try CampaignStore.load(id, scope)
      let targets = try members(of: campaign, scope)
      let recipients = try CampaignStore.recipients(
        of: try CustomerStore.list(ids: targets, scope), scope)
      let first = CivilDate(campaign.startsOn)?.start(in: timeZone) ?? campaign.createdAt
      let end = CivilDate(campaign.endsOn)?.adding(days: 1).start(in: timeZone) ?? first
      let figures = try segments.history.figures(of: nil, from: first, to: end, in: scope)
      return CampaignResult.measure(
        campaign, targets: targets, recipients: recipients, figures: figures)
    }
  }

  /// The campaign's recipients that `channel` reaches, customer by customer: the frozen
  /// customers' contacts once it started, the segment's members' now before.
  public func recipients(
    of id: Identifier, on channel: CampaignChannel, in tenant: TenantID
  ) throws -> [CampaignRecipient] {
    try service.database.read(for: tenant) { scope in
      let campaign = try CampaignStore.load(id, scope)
      let targets = try members(of: campaign, scope)
      guard targets.count <= CRMLimits.exportRowsMax else {
        throw CRMError.exportTooLarge(rowsMax: CRMLimits.exportRowsMax)
      }
      return try CampaignStore.recipients(of: try CustomerStore.list(ids: targets, scope), scope)
        .filter { $0.address(on: channel) != nil }
    }
  }

  /// The label of the campaign's promotion.
  public func promotionLabel(of campaign: Campaign, in tenant: TenantID) throws -> String {
    try service.database.read(for: tenant) {
      try CampaignStore.promotionLabel(campaign.promotionID, $0) ?? ""
    }
  }

  private func members(of campaign: Campaign, _ scope: TenantScope) throws -> [Identifier] {
    if campaign.startedAt != nil { return try CampaignStore.frozenTargets(of: campaign.id, scope) }
    let segment = try CustomerSegmentStore.load(campaign.segmentID, scope)
    return try segments.members(of: [segment.filter], scope)[0]
  }
}
