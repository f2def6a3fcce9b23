import CRM
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@Suite struct DuplicateAndMergeTests {
  private func duplicateIDs(_ body: () throws -> Void) -> [Identifier]? {
    do {
      try body()
      return nil
    } catch CRMError.possibleDuplicate(_, let ids) {
      return ids
    } catch {
      return nil
    }
  }

  @Test(arguments: Backend.allCases)
  func sameCreditCodeSamePhoneOrSimilarNameIsFlagged(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let crm = app.crm
    let audit = testAudit(app)
    let first = try crm.createCustomer(
      CustomerInput(
        name: "上海云舟电子商务有限公司", shortName: "云舟", creditCode: validCreditCode,
        contact: ContactInput(name: "张伟", mobile: "138 0013 8000")),
      in: company.tenant, audit: audit)
    let attempts = [
      CustomerInput(name: "完全不同的名字有限公司", creditCode: validCreditCode.lowercased()),
      CustomerInput(
        name: "另一个名字有限公司", contact: ContactInput(name: "李", mobile: "+86 13800138000")),
      CustomerInput(name: "云舟电子商务（集团）股份有限公司"),
      CustomerInput(name: "上海云舟电子商务"),
    ]
    for input in attempts {
      #expect(
        duplicateIDs { try crm.createCustomer(input, in: company.tenant, audit: audit) }
          == [first.id], "\(input.name)")
    }
    var confirmed = attempts[2]
    confirmed.confirmDuplicate = true
    let second = try crm.createCustomer(confirmed, in: company.tenant, audit: audit)
    #expect(second.name == "云舟电子商务（集团）股份有限公司")
    let unrelated = try crm.createCustomer(
      CustomerInput(name: "成都锦程食品有限公司"), in: company.tenant, audit: audit)
    #expect(unrelated.status == .prospect)
  }

  @Test(arguments: Backend.allCases)
  func mergingMovesEverythingToTheSurvivorAndHidesTheDuplicate(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let crm = app.crm
    let audit = testAudit(app)
    let sales = StaffMember(id: company.userIDs[.sales]!, name: "sales")
    let survivor = try crm.createCustomer(
      CustomerInput(name: "苏州恒达家居有限公司"), in: company.tenant, audit: audit)
    let duplicate = try crm.createCustomer(
      CustomerInput(
        name: "恒达家居", creditCode: validCreditCode,
        contact: ContactInput(name: "王芳", mobile: "13912345678"), confirmDuplicate: true),
      in: company.tenant, audit: audit)
    try crm.addAddress(
      AddressInput(province: "江苏省", city: "苏州市", detail: "工业园区星湖街 1 号"),
      to: duplicate.id, in: company.tenant, audit: audit)
    try crm.logInteraction(
      InteractionInput(kind: .call, summary: "确认发货量"), customer: duplicate.id, by: sales,
      in: company.tenant, audit: audit)
    for (customer, tag) in [(survivor.id, "回单"), (duplicate.id, "回单"), (duplicate.id, "重点客户")] {
      try crm.addTag(
        TagInput(tag: tag, reason: "测试"), to: customer, by: sales, in: company.tenant,
        audit: audit)
    }
    let candidates = try crm.duplicateCandidates(of: survivor, in: company.tenant)
    #expect(candidates.map(\.id) == [duplicate.id])

    let result = try crm.merge(duplicate.id, into: survivor.id, in: company.tenant, audit: audit)
    #expect(result.moved["contacts"] == 1)
    #expect(result.moved["addresses"] == 1)
    #expect(result.moved["interactions"] == 1)
    #expect(result.moved["tags"] == 1)
    #expect(try crm.tags(of: survivor.id, in: company.tenant).map(\.tag) == ["回单", "重点客户"])
    #expect(try crm.contacts(of: survivor.id, in: company.tenant).map(\.name) == ["王芳"])
    #expect(try crm.interactions(of: survivor.id, in: company.tenant).count == 1)
    let merged = try crm.customer(survivor.id, in: company.tenant)
    #expect(merged.creditCode == validCreditCode)
    #expect(merged.version > survivor.version)
    #expect(throws: CRMError.customerNotFound) {
      try crm.customer(duplicate.id, in: company.tenant)
    }
    // What orders read of a customer agrees with the full record, and a merged one is gone.
    let facts = try app.database.read(for: company.tenant) { scope in
      try [survivor.id, duplicate.id, Identifier(rawValue: 1)].map {
        try CRMLookups.orderingFacts($0, scope)
      }
    }
    #expect(
      facts[0]
        == CustomerOrderingFacts(
          id: merged.id, name: merged.name, shortName: merged.shortName,
          segmentCode: merged.segmentCode, terms: merged.terms))
    #expect(facts[1] == nil && facts[2] == nil)
    let listed = try crm.customers(CustomerFilter(), page: PageRequest(), in: company.tenant)
    #expect(listed.items.map(\.id).filter { $0 != company.customerID } == [survivor.id])
    #expect(throws: CRMError.mergeIntoItself) {
      try crm.merge(survivor.id, into: survivor.id, in: company.tenant, audit: audit)
    }
    let trail = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        "SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'customer' ORDER BY id",
        []
      ).map { try $0.string("action") }
    }
    #expect(trail.suffix(2) == ["merged_into", "merge"])
  }
}
