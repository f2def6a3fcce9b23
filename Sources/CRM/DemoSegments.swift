import FreightdeskCore
import Storage
import Web

/// The demo company's saved segments and one started campaign, so the segment and campaign
/// pages show what they are for: who the company's best and most endangered customers are,
/// and a promotion sent to Taobao sellers.
struct DemoSegments {
  let segments: CustomerSegments
  let clock: any Clock

  /// Adds them to `tenant`, whose customers and promotions exist already.
  func seed(_ tenant: TenantID) throws {
    let audit = AuditContext.system("demo", log: segments.service.auditLog)
    let saved = try [
      CustomerSegmentInput(
        name: "淘宝商家（合作中）",
        filter: CustomerSegmentFilter(platform: "taobao", status: .active)),
      CustomerSegmentInput(
        name: "长三角高频客户",
        filter: CustomerSegmentFilter(province: "浙江省", frequencyMin: 4)),
      CustomerSegmentInput(
        name: "流失风险客户", filter: CustomerSegmentFilter(tags: ["流失风险"])),
    ].map { try segments.create($0, in: tenant, audit: audit) }
    let taobao = saved[0]
    let promotion = try segments.service.database.read(for: tenant) { scope in
      try CRMLookups.promotionIDs(byCode: ["TMALL12"], scope)["TMALL12"]
    }
    guard let promotion else { return }
    let today = CivilDate(clock.now(), in: DisplayFormat.defaultTimeZone)
    let campaigns = Campaigns(segments: segments)
    let campaign = try campaigns.create(
      CampaignInput(
        name: "双十二淘宝商家运费 88 折", segmentID: taobao.id, promotionID: promotion,
        message: "双十二大促期间，凭券码 TMALL12 下单运费 88 折，欢迎提前预约揽收。",
        startsOn: today.description, endsOn: today.adding(days: 14).description),
      in: tenant, audit: audit)
    try campaigns.start(campaign.id, in: tenant, audit: audit)
  }
}
