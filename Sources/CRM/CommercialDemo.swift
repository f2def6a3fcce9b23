public import Foundation
public import FreightdeskCore
public import Web

extension CommercialPart {
  /// Adds the commercial part of the demo company unless it has rate cards already: a list
  /// card for line-haul from Shanghai with every service, insurance and fuel, a promotion for
  /// the current month, and three inquiries — one new, one qualified, one quoted.
  public static func addDemoData(services: ModuleServices, tenant: TenantID, timeZone: TimeZone)
    throws
  {
    let audit = AuditContext.system("demo", log: services.audit)
    try services.database.write(for: tenant) { scope in
      guard try RateCardStore.list(scope).isEmpty else { return }
      let now = services.clock.now()
      try RateCardStore.insert(
        demoCard, id: services.identifiers.next(), by: nil, at: now, audit: audit, scope)
      let today = CivilDate(now, in: timeZone)
      try PromotionStore.insert(
        Promotion(
          code: "TMALL12", name: "天猫商家 88 折", discount: .percent(basisPoints: 1_200),
          segment: "tmall", validFrom: today.adding(days: -3), validThrough: today.adding(days: 27)),
        id: services.identifiers.next(), scope)
      let inquiries = InquiryService(services: services)
      var created: [Inquiry] = []
      for (name, destination, cargo, kilograms) in demoInquiries {
        created.append(
          try inquiries.create(
            NewInquiry(
              customerID: nil, contactName: name, contactPhone: "021-5888 0000",
              origin: "上海市/浦东新区", destination: destination, cargo: cargo,
              weightKg: kilograms, volumeM3: kilograms / 250, readyOn: nil, services: ["pickup"]),
            source: "staff", timeZone: timeZone, audit: audit, scope))
      }
      try inquiries.apply(.qualify, to: created[1].id, audit: audit, scope)
      _ = try QuoteService(services: services).create(
        NewQuote(inquiryID: created[2].id.rawValue, price: nil, validDays: 7),
        timeZone: timeZone, user: Identifier(rawValue: 0), audit: audit, scope)
    }
  }

  private static let demoInquiries: [(String, String, String, Double)] = [
    ("陈先生", "江苏省/苏州市", "电子元件", 320),
    ("刘女士", "浙江省/杭州市", "服装", 85),
    ("赵经理", "广东省/深圳市", "家电配件", 1_200),
  ]

  private static var demoCard: RateCardDocument {
    func lane(_ destination: String, _ rates: [Int64], minimumFen: Int64)
      -> RateCardDocument.LaneEntry
    {
      let weight = zip([0.0, 100, 500, 1_000], rates).map {
        RateCardDocument.Break(basis: "weight", from: $0, rateFen: $1)
      }
      return RateCardDocument.LaneEntry(
        origin: "上海市", destination: destination, minimumChargeFen: minimumFen,
        breaks: weight + [RateCardDocument.Break(basis: "volume", from: 0, rateFen: rates[0] * 200)]
      )
    }
    return RateCardDocument(
      name: "2026 零担标准价", isList: true,
      lanes: [
        lane("江苏省", [120, 90, 70, 60], minimumFen: 3_000),
        lane("浙江省", [130, 95, 75, 65], minimumFen: 3_000),
        lane("广东省", [260, 200, 160, 140], minimumFen: 6_000),
        lane("广东省/深圳市", [240, 185, 150, 130], minimumFen: 6_000),
        RateCardDocument.LaneEntry(
          origin: "*", destination: "*", minimumChargeFen: 8_000,
          breaks: [RateCardDocument.Break(basis: "weight", from: 0, rateFen: 350)]),
      ],
      surcharges: [
        .init(service: "urgent", fixedFen: nil, percentBasisPoints: 3_000),
        .init(service: "cold_chain", fixedFen: 15_000, percentBasisPoints: nil),
        .init(service: "night", fixedFen: 5_000, percentBasisPoints: nil),
        .init(service: "pickup", fixedFen: 3_000, percentBasisPoints: nil),
        .init(service: "receipt_return", fixedFen: 500, percentBasisPoints: nil),
      ],
      insurance: .init(rateBasisPoints: 30, minimumFen: 300, declaredValueMaxFen: 100_000_000),
      fuelBasisPoints: 500)
  }
}
