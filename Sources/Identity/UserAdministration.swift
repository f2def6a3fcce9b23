import Foundation
public import FreightdeskCore
public import Storage
public import Web

/// What a new user is created from (the admin page, the API, the CLI).
public struct NewUser: Codable, Sendable {
  /// The sign-in name, unique in the company.
  public var login: String
  /// The name shown.
  public var displayName: String
  /// E-mail, optional.
  public var email: String?
  /// The first password (the user changes it on their profile).
  public var password: String
  /// Role codes to hold.
  public var roles: [String]
  /// For a portal user (role `customer`, and no other): the customer account it acts for.
  public var customerID: Identifier?

  enum CodingKeys: String, CodingKey {
    case login, email, password, roles
    case displayName = "display_name"
    case customerID = "customer_id"
  }

  /// Creates the input.
  public init(
    login: String, displayName: String, email: String?, password: String, roles: [String],
    customerID: Identifier? = nil
  ) {
    self.login = login
    self.displayName = displayName
    self.email = email
    self.password = password
    self.roles = roles
    self.customerID = customerID
  }
}

/// A new user checked and with the password hashed, ready to insert.
public struct PreparedUser: Sendable {
  let id: Identifier
  let login: String
  let displayName: String
  let email: String?
  let roles: [String]
  let customerID: Identifier?
  let passwordHash: String
}

extension IdentityService {
  /// The company's users.
  public func users(_ tenant: TenantID) throws -> [User] {
    try database.read(for: tenant) { try UserStore.list($0) }
  }

  /// One user of the company.
  public func user(_ id: Identifier, in tenant: TenantID) throws -> User {
    try database.read(for: tenant) { try UserStore.load(id, $0).user }
  }

  /// Creates a user holding `roles`.
  @discardableResult
  public func createUser(_ input: NewUser, in tenant: TenantID, audit: AuditContext) throws
    -> User
  {
    let prepared = try prepareUser(input, in: tenant)
    let id = try database.write(for: tenant) { try insertUser(prepared, audit: audit, $0) }
    return try user(id, in: tenant)
  }

  /// Checks a new user's fields and hashes the password: the slow part, done before any
  /// transaction opens.
  public func prepareUser(_ input: NewUser, in tenant: TenantID) throws -> PreparedUser {
    let login = input.login.trimmed.lowercased()
    var problems = FieldRules.login(login, pointer: "/login")
    problems += FieldRules.text(input.displayName, pointer: "/display_name", max: 50)
    if let email = input.email, !email.isEmpty, !FieldRules.isEmail(email) {
      problems.append(FieldError(pointer: "/email", code: "invalid_email"))
    }
    if input.roles.isEmpty { problems.append(FieldError(pointer: "/roles", code: "required")) }
    problems += PortalLinkRule.problems(roles: input.roles, customer: input.customerID)
    let company = try company(tenant)
    do {
      try PasswordPolicy().validate(
        input.password,
        for: PasswordIdentity(login: login, email: input.email, companyShortName: company.shortName)
      )
    } catch {
      problems += error.fieldErrors
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return PreparedUser(
      id: identifiers.next(), login: login, displayName: input.displayName.trimmed,
      email: input.email.flatMap { $0.isEmpty ? nil : $0 }, roles: input.roles,
      customerID: input.customerID, passwordHash: try hasher.hash(input.password))
  }

  /// Writes a prepared user in `scope`'s transaction (which may also hold an idempotency
  /// record); returns the new id. A portal user's customer must exist in the company.
  public func insertUser(_ prepared: PreparedUser, audit: AuditContext, _ scope: TenantScope)
    throws -> Identifier
  {
    var after = ["login": prepared.login, "roles": prepared.roles.sorted().joined(separator: ",")]
    if let customer = prepared.customerID {
      guard try configuration.customerAccounts.customerName(of: customer, in: scope) != nil else {
        throw ValidationFailure(pointer: "/customer_id", code: "customer_not_found")
      }
      after["customer_id"] = String(customer.rawValue)
    }
    try UserStore.insert(
      id: prepared.id, login: prepared.login, displayName: prepared.displayName,
      email: prepared.email, passwordHash: prepared.passwordHash, customer: prepared.customerID,
      at: clock.now(), scope)
    try RoleStore.setRoles(prepared.roles, of: prepared.id, scope)
    try audit.record(entity: "user", id: prepared.id, action: "create", after: after, in: scope)
    return prepared.id
  }

  /// The name of the customer a portal user acts for, or nil when it no longer exists.
  public func customerName(of customer: Identifier, in tenant: TenantID) throws -> String? {
    try database.read(for: tenant) {
      try configuration.customerAccounts.customerName(of: customer, in: $0)
    }
  }

  /// The portal users acting for `customer`.
  public func portalUsers(of customer: Identifier, in tenant: TenantID) throws -> [User] {
    try database.read(for: tenant) { try UserStore.list(customer: customer, $0) }
  }

  /// Replaces a user's roles; the last active owner keeps the owner role.
  public func setRoles(
    _ roles: [String], of id: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws {
    guard !roles.isEmpty else { throw ValidationFailure(pointer: "/roles", code: "required") }
    try database.write(for: tenant) { scope in
      let user = try UserStore.load(id, scope).user
      let before = user.roles
      let problems = PortalLinkRule.problems(roles: roles, customer: user.customerID)
      if !problems.isEmpty { throw ValidationFailure(problems) }
      try RoleStore.setRoles(roles, of: id, scope)
      if try RoleStore.activeOwnerCount(scope) == 0 { throw IdentityError.lastOwner }
      try audit.record(
        entity: "user", id: id, action: "set_roles",
        before: ["roles": before.joined(separator: ",")],
        after: ["roles": roles.sorted().joined(separator: ",")], in: scope)
    }
  }

  /// Deactivates a user and ends all their sessions; the last active owner cannot go.
  public func deactivate(_ id: Identifier, in tenant: TenantID, audit: AuditContext) throws {
    try database.write(for: tenant) { scope in
      try UserStore.set(.active, to: .integer(0), of: id, scope)
      if try RoleStore.activeOwnerCount(scope) == 0 { throw IdentityError.lastOwner }
      let ended = try SessionStore.endAll(of: id, at: clock.now(), scope)
      try audit.record(
        entity: "user", id: id, action: "deactivate", before: ["active": "true"],
        after: ["active": "false", "sessions_ended": String(ended)], in: scope)
    }
  }

  /// Lets a deactivated user sign in again.
  public func reactivate(_ id: Identifier, in tenant: TenantID, audit: AuditContext) throws {
    try database.write(for: tenant) { scope in
      try UserStore.set(.active, to: .integer(1), of: id, scope)
      try audit.record(
        entity: "user", id: id, action: "reactivate", before: ["active": "false"],
        after: ["active": "true"], in: scope)
    }
  }

  /// Sets a new password chosen by an administrator and ends the user's sessions.
  public func resetPassword(
    of id: Identifier, to password: String, in tenant: TenantID, audit: AuditContext
  ) throws {
    let target = try user(id, in: tenant)
    let hash = try newPasswordHash(
      password, login: target.login, companyName: try company(tenant).shortName)
    try database.write(for: tenant) { scope in
      try UserStore.set(.passwordHash, to: .text(hash), of: id, scope)
      try SessionStore.endAll(of: id, at: clock.now(), scope)
      try audit.record(entity: "user", id: id, action: "reset_password", in: scope)
    }
  }

  /// Changes one's own password, which needs the current one.
  public func changePassword(
    of id: Identifier, current: String, new: String, in tenant: TenantID, audit: AuditContext
  ) throws {
    let stored = try database.read(for: tenant) { try UserStore.load(id, $0) }
    guard try hasher.verify(current, against: stored.passwordHash) else {
      throw IdentityError.wrongCurrentPassword
    }
    let hash = try newPasswordHash(
      new, login: stored.user.login, companyName: try company(tenant).shortName)
    try database.write(for: tenant) { scope in
      try UserStore.set(.passwordHash, to: .text(hash), of: id, scope)
      try audit.record(entity: "user", id: id, action: "change_password", in: scope)
    }
  }

  /// Saves a user's interface language (`zh-CN`, `en`, or nil for the company default).
  public func setLocale(_ locale: String?, of id: Identifier, in tenant: TenantID) throws {
    if let locale, AppLocale(rawValue: locale) == nil {
      throw ValidationFailure(pointer: "/locale", code: "invalid_format")
    }
    try database.write(for: tenant) { scope in
      try UserStore.set(.locale, to: SQLValue(locale), of: id, scope)
    }
  }

  /// The company's roles.
  public func roles(_ tenant: TenantID) throws -> [Role] {
    try database.read(for: tenant) { try RoleStore.list($0) }
  }

  /// Every permission a role can be given: what the modules declare.
  public var assignablePermissions: [Permission] {
    grants.all.sorted { $0.name < $1.name }
  }

  /// Creates a company role from known permissions.
  public func createRole(
    code: String, name: String, permissions: [String], in tenant: TenantID, audit: AuditContext
  ) throws {
    var problems: [FieldError] = []
    if code.range(of: #"^[a-z][a-z0-9_]{1,31}$"#, options: .regularExpression) == nil
      || BuiltinRole(rawValue: code) != nil
    {
      problems.append(FieldError(pointer: "/code", code: "invalid_role_code"))
    }
    problems += FieldRules.text(name, pointer: "/name", max: 50)
    let known = Set(grants.all.map(\.name))
    for (index, permission) in permissions.enumerated() where !known.contains(permission) {
      problems.append(FieldError(pointer: "/permissions/\(index)", code: "unknown_permission"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let id = identifiers.next()
    try database.write(for: tenant) { scope in
      try RoleStore.createCustom(
        code: code, name: name.trimmed, permissions: Set(permissions.map(Permission.init)), id: id,
        scope)
      try audit.record(
        entity: "role", id: id, action: "create",
        after: ["code": code, "permissions": permissions.sorted().joined(separator: ",")],
        in: scope)
    }
  }
}
