import Foundation
import FreightdeskCore
import Storage
import Web

/// A demo customer's address, interactions and follow-up, drawn before its transaction opens
/// (the transaction may be retried, and must draw nothing).
struct DemoExtras {
  let address: (district: String, detail: String, latitude: Int64, longitude: Int64)
  let city: DemoData.City
  let interactions: [(kind: InteractionKind, summary: String, daysAgo: Int64)]
  let followUp: (title: String, dueInDays: Int64)?
  let tags: [TagInput]

  init(city: DemoData.City, index: Int, tags: [TagInput], random: inout SeededGenerator) {
    self.city = city
    self.tags = tags
    address = (
      city.districts.randomElement(using: &random)!,
      "\(DemoData.streets.randomElement(using: &random)!)\(Int.random(in: 1...999, using: &random))号",
      city.latitude + Int64.random(in: -60_000...60_000, using: &random),
      city.longitude + Int64.random(in: -60_000...60_000, using: &random)
    )
    interactions = (0..<Int.random(in: 0...3, using: &random)).map { _ in
      let (kind, summary) = DemoData.interactionSummaries.randomElement(using: &random)!
      return (kind, summary, Int64.random(in: 1...120, using: &random))
    }
    followUp =
      index % 5 == 0
      ? (
        DemoData.followUpTitles.randomElement(using: &random)!,
        Int64.random(in: -3...14, using: &random)
      )
      : nil
  }

  func write(customer: Identifier, owner: StaffMember?, service: CRMService, _ scope: TenantScope)
    throws
  {
    let audit = AuditContext.system("demo", log: service.auditLog)
    let now = service.clock.now()
    try service.insertAddress(
      CustomerAddress(
        id: service.identifiers.next(), customerID: customer, label: "发货仓",
        province: city.province, city: city.city, district: address.district,
        detail: address.detail,
        mapPoint: MapPoint(
          latitudeMicrodegrees: address.latitude, longitudeMicrodegrees: address.longitude)),
      audit: audit, scope)
    guard let owner else { return }
    for tag in tags {
      try service.insertTag(
        try service.validTag(tag, customer: customer, by: owner), audit: audit, scope)
    }
    for interaction in interactions {
      try service.insertInteraction(
        Interaction(
          id: service.identifiers.next(), customerID: customer, contactID: nil,
          kind: interaction.kind, reference: "", summary: interaction.summary,
          authorID: owner.id, authorName: owner.name,
          occurredAt: now.adding(seconds: -interaction.daysAgo * 86_400)),
        audit: audit, scope)
    }
    if let followUp {
      try service.insertFollowUp(
        id: service.identifiers.next(), customer: customer, assignee: owner.id,
        title: followUp.title,
        dueOn: FollowUpPages.today(
          now.adding(seconds: followUp.dueInDays * 86_400), in: DisplayFormat.defaultTimeZone),
        audit: audit, scope)
    }
  }
}
