import Foundation
public import FreightdeskCore
public import Storage
public import Web

/// A new customer checked and ready to insert.
public struct PreparedCustomer: Sendable {
  let customer: ValidCustomer
  let contact: ValidContact?
  let confirmDuplicate: Bool
}

extension CRMService {
  /// One customer of the company.
  public func customer(_ id: Identifier, in tenant: TenantID) throws -> Customer {
    try database.read(for: tenant) { try CustomerStore.load(id, $0) }
  }

  /// A page of the company's customers matching `filter`, newest first.
  public func customers(
    _ filter: CustomerFilter, page: PageRequest, in tenant: TenantID
  ) throws -> Page<Customer> {
    let after = try page.identifierKey()
    let fetched = try database.read(for: tenant) {
      try CustomerStore.list(filter, after: after, limit: page.limit + 1, $0)
    }
    return Page(fetched: fetched, limit: page.limit) { Cursor(keys: [$0.id.description]) }
  }

  /// Every customer of the company matching `filter`, newest first, for an export; refuses
  /// lists longer than ``CRMLimits/exportRowsMax`` rather than cutting them short.
  public func customersForExport(
    _ filter: CustomerFilter, in tenant: TenantID
  ) throws -> [Customer] {
    let fetched = try database.read(for: tenant) {
      try CustomerStore.list(filter, after: nil, limit: CRMLimits.exportRowsMax + 1, $0)
    }
    guard fetched.count <= CRMLimits.exportRowsMax else {
      throw CRMError.exportTooLarge(rowsMax: CRMLimits.exportRowsMax)
    }
    return fetched
  }

  /// Checks a customer's fields (and a first contact's) and normalises them.
  func validate(_ input: CustomerInput, in tenant: TenantID) throws -> ValidCustomer {
    var problems = CustomerRules.text(input.name, pointer: "/name", max: 100)
    problems += CustomerRules.text(
      input.shortName ?? "", pointer: "/short_name", max: 30, optional: true)
    problems += CustomerRules.text(
      input.industry ?? "", pointer: "/industry", max: 30, optional: true)
    problems += CustomerRules.text(input.source ?? "", pointer: "/source", max: 30, optional: true)
    problems += preferenceProblems(input.preferences ?? TransportPreferences())
    var creditCode: String?
    if let text = input.creditCode, !text.trimmed.isEmpty {
      do {
        creditCode = try CustomerRules.creditCode(text, pointer: "/credit_code")
      } catch {
        problems += error.fieldErrors
      }
    }
    let segment = input.segmentCode.flatMap { $0.isEmpty ? nil : $0 }
    if let segment, try !segments(in: tenant).contains(where: { $0.code == segment }) {
      problems.append(FieldError(pointer: "/segment_code", code: "unknown_choice"))
    }
    if let owner = input.ownerID, try !staff.members(of: tenant).contains(where: { $0.id == owner })
    {
      problems.append(FieldError(pointer: "/owner_id", code: "unknown_user"))
    }
    if let contact = input.contact {
      problems += contactProblems(contact, pointer: "/contact")
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let name = input.name.trimmed
    let shortName = (input.shortName ?? "").trimmed
    return ValidCustomer(
      name: name, shortName: shortName.isEmpty ? name : shortName,
      nameKey: DuplicateDetection.nameKey(name), creditCode: creditCode,
      industry: (input.industry ?? "").trimmed, segmentCode: segment,
      source: (input.source ?? "").trimmed, ownerID: input.ownerID,
      status: input.status ?? .prospect, preferences: input.preferences ?? TransportPreferences())
  }

  private func preferenceProblems(_ preferences: TransportPreferences) -> [FieldError] {
    CustomerRules.text(
      preferences.timeWindows, pointer: "/preferences/time_windows", max: 100, optional: true)
      + CustomerRules.text(
        preferences.packaging, pointer: "/preferences/packaging", max: 200, optional: true)
      + CustomerRules.text(
        preferences.driverNotes, pointer: "/preferences/driver_notes", max: 500, optional: true)
  }

  /// Checks a new customer's fields before any transaction opens (the checks read the
  /// company's segments and staff).
  public func prepareCustomer(_ input: CustomerInput, in tenant: TenantID) throws
    -> PreparedCustomer
  {
    PreparedCustomer(
      customer: try validate(input, in: tenant),
      contact: try input.contact.map { try validContact($0, pointer: "/contact") },
      confirmDuplicate: input.confirmDuplicate == true)
  }

  /// Creates a prepared customer (with its first contact) in `scope`'s transaction, which may
  /// also hold an idempotency record. Unless the input confirms, similar customers stop the
  /// creation with ``CRMError/possibleDuplicate(names:ids:)``.
  public func insertCustomer(
    _ prepared: PreparedCustomer, audit: AuditContext, _ scope: TenantScope
  ) throws -> Identifier {
    let valid = prepared.customer
    if !prepared.confirmDuplicate {
      let candidates = try DuplicateDetection.candidates(
        name: valid.name, creditCode: valid.creditCode, mobile: prepared.contact?.mobile, scope)
      if !candidates.isEmpty {
        throw CRMError.possibleDuplicate(names: candidates.map(\.name), ids: candidates.map(\.id))
      }
    }
    let (id, entries) = try storeCustomer(prepared, audit: audit, scope)
    try audit.record(entries, in: scope)
    return id
  }

  /// Creates prepared customers (each with its first contact) in `scope`'s transaction without
  /// asking about similar customers (an import's user confirmed its preview), recording the
  /// customers' and contacts' audit entries in batches of up to
  /// ``CRMLimits/importAuditBatchEntriesMax``; returns how many were written.
  func insertCustomers(
    _ prepared: [PreparedCustomer], audit: AuditContext, _ scope: TenantScope
  ) throws -> Int {
    var entries: [AuditEntry] = []
    entries.reserveCapacity(CRMLimits.importAuditBatchEntriesMax + 2)
    for customer in prepared {
      entries += try storeCustomer(customer, audit: audit, scope).1
      if entries.count >= CRMLimits.importAuditBatchEntriesMax {
        try audit.record(entries, in: scope)
        entries.removeAll(keepingCapacity: true)
      }
    }
    try audit.record(entries, in: scope)
    return prepared.count
  }

  /// Inserts a customer and its first contact; returns its id and the audit entries still to
  /// record.
  private func storeCustomer(
    _ prepared: PreparedCustomer, audit: AuditContext, _ scope: TenantScope
  ) throws -> (Identifier, [AuditEntry]) {
    let id = identifiers.next()
    try CustomerStore.insert(id: id, prepared.customer, terms: .initial, at: clock.now(), scope)
    var entries = [
      audit.entry(
        entity: "customer", id: id, action: "create", after: auditFields(prepared.customer))
    ]
    if let contact = prepared.contact {
      entries.append(try storeContact(contact, customer: id, audit: audit, scope).1)
    }
    return (id, entries)
  }

  /// Creates a customer; see ``insertCustomer(_:audit:_:)``.
  @discardableResult
  public func createCustomer(_ input: CustomerInput, in tenant: TenantID, audit: AuditContext)
    throws -> Customer
  {
    let prepared = try prepareCustomer(input, in: tenant)
    return try database.write(for: tenant) { scope in
      try CustomerStore.load(try insertCustomer(prepared, audit: audit, scope), scope)
    }
  }

  /// Changes a customer's profile and preferences, when it is still at `version`.
  @discardableResult
  public func updateCustomer(
    _ id: Identifier, _ input: CustomerInput, version: Int64, in tenant: TenantID,
    audit: AuditContext
  ) throws -> Customer {
    let valid = try validate(input, in: tenant)
    return try database.write(for: tenant) { scope in
      let before = try CustomerStore.load(id, scope)
      try CustomerStore.update(id, valid, version: version, at: clock.now(), scope)
      try audit.record(
        entity: "customer", id: id, action: "update",
        before: ["name": before.name, "status": before.status.rawValue],
        after: auditFields(valid), in: scope)
      return try CustomerStore.load(id, scope)
    }
  }

  /// Changes a customer's commercial terms, when it is still at `version`.
  @discardableResult
  public func updateTerms(
    _ id: Identifier, _ terms: CommercialTerms, version: Int64, in tenant: TenantID,
    audit: AuditContext
  ) throws -> Customer {
    let problems = CustomerRules.terms(terms)
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return try database.write(for: tenant) { scope in
      let before = try CustomerStore.load(id, scope).terms
      try CustomerStore.touch(id, expecting: version, at: clock.now(), scope)
      try CustomerStore.saveTerms(terms, of: id, scope)
      try audit.record(
        entity: "customer", id: id, action: "update_terms", before: Self.auditFields(before),
        after: Self.auditFields(terms), in: scope)
      return try CustomerStore.load(id, scope)
    }
  }

  /// Customers that look like one with these fields, for a warning before creating it.
  public func duplicateCandidates(
    name: String, creditCode: String?, mobile: String?, in tenant: TenantID
  ) throws -> [DuplicateCandidate] {
    let code = creditCode.flatMap { try? CreditCode($0).rawValue }
    return try database.read(for: tenant) {
      try DuplicateDetection.candidates(
        name: name, creditCode: code, mobile: mobile.flatMap(CustomerRules.mobile), $0)
    }
  }

  /// Other customers that look like `customer` (same credit code, a contact's mobile, a
  /// similar name): the candidates for merging into it.
  public func duplicateCandidates(of customer: Customer, in tenant: TenantID) throws
    -> [DuplicateCandidate]
  {
    try database.read(for: tenant) { scope in
      let mobiles = try ContactStore.list(of: customer.id, scope).compactMap(\.mobile)
      var found: [DuplicateCandidate] = []
      for mobile in [nil] + mobiles.prefix(5).map(Optional.some) {
        for candidate in try DuplicateDetection.candidates(
          name: customer.name, creditCode: customer.creditCode, mobile: mobile,
          excluding: customer.id, scope) where !found.contains(candidate)
        {
          found.append(candidate)
        }
      }
      return found
    }
  }

  private func auditFields(_ customer: ValidCustomer) -> [String: String] {
    [
      "name": customer.name, "short_name": customer.shortName,
      "credit_code": customer.creditCode ?? "", "status": customer.status.rawValue,
      "owner_id": customer.ownerID?.description ?? "",
      "segment_code": customer.segmentCode ?? "",
    ]
  }

  private static func auditFields(_ terms: CommercialTerms) -> [String: String] {
    [
      "settlement": terms.settlement.rawValue,
      "billing_day": terms.billingDay.map(String.init) ?? "",
      "payment_days": terms.paymentDays.map(String.init) ?? "",
      "credit_rating": terms.creditRating.rawValue,
      "credit_limit_fen": String(terms.creditLimitFen),
    ]
  }
}

extension String {
  /// Without surrounding white space and newlines (see
  /// `FreightdeskCore`'s `trimmingWhitespace()`).
  var trimmed: String { trimmingWhitespace() }
}
