import Foundation
import FreightdeskCore
import Storage
import Web

/// CRM's part of the demo company: 200 customers across Chinese cities with contacts,
/// addresses, preferences, terms, some interactions and follow-ups, drawn from a fixed seed so
/// the demo is the same every time.
struct CRMDemo {
  let service: CRMService
  static let customerCount = 200
  static let seed: UInt64 = 20_261_204

  func seed(_ tenant: TenantID) throws {
    var random = SeededGenerator(seed: Self.seed)
    let staff = try service.staff.members(of: tenant)
    let segments = try service.segments(in: tenant)
    let audit = AuditContext.system("demo", log: service.auditLog)
    for index in 0..<Self.customerCount {
      let city = DemoData.cities.randomElement(using: &random)!
      let input = customer(index, city: city, segments: segments, staff: staff, random: &random)
      let prepared = try service.prepareCustomer(input, in: tenant)
      let terms = self.terms(random: &random)
      let extras = DemoExtras(
        city: city, index: index, tags: tags(input, terms: terms), random: &random)
      try service.database.write(for: tenant) { scope in
        let id = try service.insertCustomer(prepared, audit: audit, scope)
        try CustomerStore.saveTerms(terms, of: id, scope)
        try extras.write(
          customer: id, owner: staff.first { $0.id == input.ownerID }, service: service, scope)
      }
    }
  }

  private func customer(
    _ index: Int, city: DemoData.City, segments: [PlatformSegment], staff: [StaffMember],
    random: inout SeededGenerator
  ) -> CustomerInput {
    let brand =
      String(DemoData.brandFirst[index % DemoData.brandFirst.count])
      + String(
        DemoData.brandSecond[
          (index / DemoData.brandFirst.count + index) % DemoData.brandSecond.count])
    let industry = DemoData.industries.randomElement(using: &random)!
    let place = city.city.replacingOccurrences(of: "市", with: "")
    let statuses: [CustomerStatus] = [.active, .active, .active, .prospect, .dormant, .lost]
    return CustomerInput(
      name: "\(place)\(brand)\(industry.word)有限公司", shortName: brand + industry.trade.prefix(2),
      creditCode: creditCode(division: city.division, random: &random),
      industry: industry.trade, segmentCode: segments.randomElement(using: &random)?.code,
      source: DemoData.sources.randomElement(using: &random)!,
      ownerID: staff.randomElement(using: &random)?.id,
      status: statuses.randomElement(using: &random)!,
      preferences: TransportPreferences(
        timeWindows: DemoData.timeWindows.randomElement(using: &random)!,
        nightDelivery: Int.random(in: 0..<4, using: &random) == 0,
        coldChain: industry.trade == "食品生鲜", receiptReturn: Bool.random(using: &random),
        packaging: DemoData.packaging.randomElement(using: &random)!,
        driverNotes: DemoData.driverNotes.randomElement(using: &random)!),
      contact: ContactInput(
        name: DemoData.personName(random: &random),
        title: DemoData.titles.randomElement(using: &random)!,
        mobile: DemoData.mobile(random: &random)),
      confirmDuplicate: true)
  }

  private func terms(random: inout SeededGenerator) -> CommercialTerms {
    let settlement = Settlement.allCases.randomElement(using: &random)!
    let monthly = settlement == .monthly
    return CommercialTerms(
      settlement: settlement,
      billingDay: monthly ? [1, 5, 10, 25].randomElement(using: &random) : nil,
      paymentDays: monthly ? [15, 30, 45, 60].randomElement(using: &random) : nil,
      creditRating: CreditRating.allCases.randomElement(using: &random)!,
      creditLimitFen: monthly ? Int64.random(in: 1...50, using: &random) * 1_000_000 : 0)
  }

  /// Tags that follow from what the customer is like, with the reason.
  private func tags(_ input: CustomerInput, terms: CommercialTerms) -> [TagInput] {
    let preferences = input.preferences ?? TransportPreferences()
    let rules: [(Bool, TagInput)] = [
      (preferences.coldChain, TagInput(tag: "冷链", reason: "经营生鲜食品，全程需冷藏运输")),
      (terms.creditLimitFen >= 30_000_000, TagInput(tag: "重点客户", reason: "月结授信额度不低于 30 万元")),
      (input.status == .dormant, TagInput(tag: "待唤醒", reason: "近 90 天没有发货")),
      (preferences.receiptReturn, TagInput(tag: "回单", reason: "结算前须寄回签收回单")),
    ]
    return rules.filter(\.0).map(\.1)
  }

  /// A valid credit code for a company registered in `division`.
  private func creditCode(division: String, random: inout SeededGenerator) -> String {
    let body = (0..<8).map { _ in CreditCode.alphabet[Int.random(in: 0..<10, using: &random)] }
    let organization = body + [CreditCode.organizationCheckCharacter(for: body)]
    let first17 = Array("91" + division) + organization
    return String(first17 + [CreditCode.checkCharacter(for: first17)])
  }
}

extension DemoData {
  static func personName(random: inout SeededGenerator) -> String {
    String(surnames.randomElement(using: &random)!) + givenNames.randomElement(using: &random)!
  }

  static func mobile(random: inout SeededGenerator) -> String {
    let prefix = ["138", "139", "135", "186", "158", "177", "199", "150"].randomElement(
      using: &random)!
    return prefix + String(format: "%08d", Int.random(in: 0..<100_000_000, using: &random))
  }
}
