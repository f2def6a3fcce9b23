public import FreightdeskCore
import Storage
public import Web

/// A contact's checked fields.
struct ValidContact: Sendable {
  var name: String
  var title: String
  var mobile: String?
  var email: String?
  var wechat: String?
}

extension CRMService {
  /// A customer's contacts, oldest first.
  public func contacts(of customer: Identifier, in tenant: TenantID) throws -> [Contact] {
    try reading(customer, in: tenant) { try ContactStore.list(of: customer, $0) }
  }

  /// Runs `body` in a read of `tenant` once `customer` is known to exist there.
  func reading<T>(
    _ customer: Identifier, in tenant: TenantID, _ body: (TenantScope) throws -> T
  ) throws -> T {
    try database.read(for: tenant) { scope in
      _ = try CustomerStore.load(customer, scope)
      return try body(scope)
    }
  }

  /// Adds a contact to a customer.
  @discardableResult
  public func addContact(
    _ input: ContactInput, to customer: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws -> Contact {
    let valid = try validContact(input, pointer: "")
    return try database.write(for: tenant) { scope in
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      let id = try insertContact(valid, customer: customer, audit: audit, scope)
      return try ContactStore.load(id, of: customer, scope)
    }
  }

  /// Replaces a contact's fields.
  @discardableResult
  public func updateContact(
    _ id: Identifier, of customer: Identifier, _ input: ContactInput, in tenant: TenantID,
    audit: AuditContext
  ) throws -> Contact {
    let valid = try validContact(input, pointer: "")
    return try database.write(for: tenant) { scope in
      let before = try ContactStore.load(id, of: customer, scope)
      try scope.execute(
        """
        UPDATE customer_contacts SET name = $3, title = $4, mobile = $5, email = $6, wechat = $7
        WHERE tenant_id = $1 AND id = $2
        """,
        [
          .integer(id.rawValue), .text(valid.name), .text(valid.title), SQLValue(valid.mobile),
          SQLValue(valid.email), SQLValue(valid.wechat),
        ])
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      try audit.record(
        entity: "customer_contact", id: id, action: "update",
        before: ["name": before.name, "mobile": before.mobile ?? ""],
        after: ["name": valid.name, "mobile": valid.mobile ?? ""], in: scope)
      return try ContactStore.load(id, of: customer, scope)
    }
  }

  /// Removes a contact from a customer.
  public func removeContact(
    _ id: Identifier, of customer: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws {
    try database.write(for: tenant) { scope in
      let contact = try ContactStore.load(id, of: customer, scope)
      try scope.execute(
        "DELETE FROM customer_contacts WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)])
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      try audit.record(
        entity: "customer_contact", id: id, action: "delete",
        before: ["name": contact.name, "mobile": contact.mobile ?? ""], in: scope)
    }
  }

  func contactProblems(_ input: ContactInput, pointer: String) -> [FieldError] {
    var problems = CustomerRules.text(input.name, pointer: "\(pointer)/name", max: 50)
    problems += CustomerRules.text(
      input.title ?? "", pointer: "\(pointer)/title", max: 50, optional: true)
    problems += CustomerRules.text(
      input.wechat ?? "", pointer: "\(pointer)/wechat", max: 50, optional: true)
    if let mobile = input.mobile, !mobile.trimmed.isEmpty, CustomerRules.mobile(mobile) == nil {
      problems.append(FieldError(pointer: "\(pointer)/mobile", code: "invalid_mobile"))
    }
    if let email = input.email, !email.trimmed.isEmpty, !EmailAddress.isPlausible(email.trimmed) {
      problems.append(FieldError(pointer: "\(pointer)/email", code: "invalid_email"))
    }
    return problems
  }

  func validContact(_ input: ContactInput, pointer: String) throws -> ValidContact {
    let problems = contactProblems(input, pointer: pointer)
    if !problems.isEmpty { throw ValidationFailure(problems) }
    func optional(_ text: String?) -> String? {
      text.flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
    }
    return ValidContact(
      name: input.name.trimmed, title: (input.title ?? "").trimmed,
      mobile: input.mobile.flatMap(CustomerRules.mobile), email: optional(input.email),
      wechat: optional(input.wechat))
  }

  @discardableResult
  func insertContact(
    _ contact: ValidContact, customer: Identifier, audit: AuditContext, _ scope: TenantScope
  ) throws -> Identifier {
    let (id, entry) = try storeContact(contact, customer: customer, audit: audit, scope)
    try audit.record([entry], in: scope)
    return id
  }

  /// Inserts a contact and returns its id with the audit entry still to record.
  func storeContact(
    _ contact: ValidContact, customer: Identifier, audit: AuditContext, _ scope: TenantScope
  ) throws -> (Identifier, AuditEntry) {
    let id = identifiers.next()
    try scope.execute(
      """
      INSERT INTO customer_contacts (tenant_id, id, customer_id, name, title, mobile, email,
        wechat, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      """,
      [
        .integer(id.rawValue), .integer(customer.rawValue), .text(contact.name),
        .text(contact.title), SQLValue(contact.mobile), SQLValue(contact.email),
        SQLValue(contact.wechat), .integer(clock.now().epochMilliseconds),
      ])
    let entry = audit.entry(
      entity: "customer_contact", id: id, action: "create",
      after: [
        "customer_id": customer.description, "name": contact.name,
        "mobile": contact.mobile ?? "",
      ])
    return (id, entry)
  }
}

/// Reads `customer_contacts`.
enum ContactStore {
  private static let select = """
    SELECT id, customer_id, name, title, mobile, email, wechat FROM customer_contacts
    WHERE tenant_id = $1 AND customer_id = $2
    """

  static func list(of customer: Identifier, _ scope: TenantScope) throws -> [Contact] {
    try scope.query(select + " ORDER BY id", [.integer(customer.rawValue)]).map(contact)
  }

  static func load(_ id: Identifier, of customer: Identifier, _ scope: TenantScope) throws
    -> Contact
  {
    let rows = try scope.query(
      select + " AND id = $3", [.integer(customer.rawValue), .integer(id.rawValue)])
    guard let row = rows.first else { throw CRMError.contactNotFound }
    return try contact(row)
  }

  private static func contact(_ row: Row) throws -> Contact {
    Contact(
      id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
      name: try row.string("name"), title: try row.string("title"),
      mobile: try row.optionalString("mobile"), email: try row.optionalString("email"),
      wechat: try row.optionalString("wechat"))
  }
}
