import Foundation
import FreightdeskCore
import Storage
public import Web

/// What a new company and its first owner are created from (the sign-up form, the CLI).
public struct Registration: Sendable {
  /// The sign-in code, 3–32 lower-case letters, digits or hyphens.
  public var slug: String
  /// The registered company name.
  public var companyName: String
  /// The name used in the interface (defaults to the company name).
  public var shortName: String?
  /// 统一社会信用代码, optional at sign-up.
  public var creditCode: String?
  /// The owner's sign-in name.
  public var ownerLogin: String
  /// The owner's display name.
  public var ownerName: String
  /// The owner's e-mail.
  public var ownerEmail: String?
  /// The owner's password.
  public var ownerPassword: String
  /// The interface language (zh-CN or en).
  public var locale: String

  /// Creates a registration.
  public init(
    slug: String, companyName: String, shortName: String? = nil, creditCode: String? = nil,
    ownerLogin: String, ownerName: String, ownerEmail: String? = nil, ownerPassword: String,
    locale: String = "zh-CN"
  ) {
    self.slug = slug
    self.companyName = companyName
    self.shortName = shortName
    self.creditCode = creditCode
    self.ownerLogin = ownerLogin
    self.ownerName = ownerName
    self.ownerEmail = ownerEmail
    self.ownerPassword = ownerPassword
    self.locale = locale
  }

  /// Every broken field rule, so the form shows them all at once.
  func problems() -> [FieldError] {
    var problems: [FieldError] = []
    if slug.range(of: #"^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$"#, options: .regularExpression) == nil {
      problems.append(FieldError(pointer: "/slug", code: "invalid_company_code"))
    }
    problems += FieldRules.text(companyName, pointer: "/company_name", max: 100)
    problems += FieldRules.text(ownerName, pointer: "/owner_name", max: 50)
    problems += FieldRules.login(ownerLogin, pointer: "/owner_login")
    if let creditCode, !creditCode.isEmpty, (try? CreditCode(creditCode)) == nil {
      problems.append(FieldError(pointer: "/credit_code", code: "invalid_credit_code"))
    }
    if let email = ownerEmail, !email.isEmpty, !FieldRules.isEmail(email) {
      problems.append(FieldError(pointer: "/owner_email", code: "invalid_email"))
    }
    return problems
  }
}

extension IdentityService {
  /// Creates a company on a free trial with its built-in roles and its first owner.
  @discardableResult
  public func register(_ registration: Registration, trial: Bool = true, audit: AuditContext)
    throws -> (Company, User)
  {
    var problems = registration.problems()
    do {
      try PasswordPolicy().validate(
        registration.ownerPassword,
        for: PasswordIdentity(
          login: registration.ownerLogin, email: registration.ownerEmail,
          companyShortName: registration.shortName ?? registration.companyName),
        pointer: "/owner_password")
    } catch {
      problems += error.fieldErrors
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    if try CompanyStore.tenant(slug: registration.slug, in: database) != nil {
      throw IdentityError.slugTaken(registration.slug)
    }
    let passwordHash = try hasher.hash(registration.ownerPassword)
    let now = clock.now()
    let tenant = TenantID(identifiers.next())
    let company = Company(
      tenant: tenant, slug: registration.slug, name: registration.companyName,
      shortName: registration.shortName.flatMap { $0.isEmpty ? nil : $0 }
        ?? registration.companyName,
      creditCode: registration.creditCode.flatMap { try? CreditCode($0).rawValue },
      address: "", taxpayerKind: .general, timeZone: .shanghai,
      defaultLocale: registration.locale,
      trialEndsAt: trial ? now.adding(seconds: configuration.trialDays * 86_400) : nil,
      trialExtended: false, twoFactorRequired: false, version: 1)
    let ownerID = identifiers.next()
    do {
      try database.write(for: tenant) { scope in
        try CompanyStore.insert(company, at: now, scope)
        try RoleStore.reconcileBuiltinRoles(grants, identifiers: identifiers, scope)
        try UserStore.insert(
          id: ownerID, login: registration.ownerLogin.lowercased(),
          displayName: registration.ownerName, email: registration.ownerEmail,
          passwordHash: passwordHash, customer: nil, at: now, scope)
        try RoleStore.setRoles([BuiltinRole.owner.rawValue], of: ownerID, scope)
        try audit.record(
          entity: "company", id: tenant.identifier, action: "create",
          after: ["slug": company.slug, "name": company.name], in: scope)
      }
    } catch DatabaseError.uniqueViolation {
      throw IdentityError.slugTaken(registration.slug)
    }
    let owner = try database.read(for: tenant) { try UserStore.load(ownerID, $0).user }
    return (company, owner)
  }
}
