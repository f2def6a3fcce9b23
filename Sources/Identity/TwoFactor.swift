import Foundation
public import FreightdeskCore
import Storage
public import Web

/// A two-factor secret offered to a user who is setting it up, before they confirm a code.
public struct TwoFactorEnrolment: Sendable, Equatable {
  /// The Base32 secret, shown for manual entry.
  public var secret: String
  /// The `otpauth://` URI the QR code carries.
  public var uri: String
}

extension IdentityService {
  /// A fresh secret for `user` to scan; nothing is stored until a code confirms it.
  public func beginTwoFactor(for user: User, in tenant: TenantID) throws -> TwoFactorEnrolment {
    let secret = TOTPSecret.generate()
    let company = try company(tenant)
    return TwoFactorEnrolment(
      secret: secret.base32,
      uri: TOTP().provisioningURI(
        secret: secret, issuer: "Freightdesk \(company.shortName)", account: user.login))
  }

  /// Stores `secret` once `code` proves the user's authenticator has it.
  public func confirmTwoFactor(
    secret: String, code: String, for user: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws {
    guard let parsed = try? TOTPSecret(base32: secret),
      let step = TOTP().verify(code: code, secret: parsed, at: clock.now(), lastUsedStep: nil)
    else { throw IdentityError.wrongTwoFactorCode }
    try database.write(for: tenant) { scope in
      try UserStore.set(.totpSecret, to: .text(secret), of: user, scope)
      try UserStore.set(.totpLastStep, to: .integer(step), of: user, scope)
      try audit.record(entity: "user", id: user, action: "enable_two_factor", in: scope)
    }
  }

  /// Turns two-factor sign-in off for `user` (after the current password was checked).
  public func disableTwoFactor(
    for user: Identifier, password: String, in tenant: TenantID, audit: AuditContext
  ) throws {
    let stored = try database.read(for: tenant) { try UserStore.load(user, $0) }
    guard try hasher.verify(password, against: stored.passwordHash) else {
      throw IdentityError.wrongCurrentPassword
    }
    try database.write(for: tenant) { scope in
      try UserStore.set(.totpSecret, to: .null, of: user, scope)
      try UserStore.set(.totpLastStep, to: .null, of: user, scope)
      try audit.record(entity: "user", id: user, action: "disable_two_factor", in: scope)
    }
  }
}

extension IdentityService {
  /// Extends a company's trial by `days` from now or from its end, whichever is later (the
  /// operator's `freightdesk tenant extend`).
  public func extendTrial(_ tenant: TenantID, days: Int, audit: AuditContext) throws -> Company {
    guard (1...3650).contains(days) else {
      throw ValidationFailure(
        pointer: "/days", code: "out_of_range", arguments: ["min": "1", "max": "3650"])
    }
    return try database.write(for: tenant) { scope in
      var company = try CompanyStore.load(scope)
      let before = company.trialEndsAt
      let start = max(company.trialEndsAt ?? clock.now(), clock.now())
      company.trialEndsAt = start.adding(seconds: Int64(days) * 86_400)
      try CompanyStore.update(company, expectedVersion: company.version, scope)
      try audit.record(
        entity: "company", id: tenant.identifier, action: "extend_trial",
        before: ["trial_ends_at": before.map { String($0.epochMilliseconds) } ?? ""],
        after: ["trial_ends_at": String(company.trialEndsAt!.epochMilliseconds)], in: scope)
      company.version += 1
      return company
    }
  }

  /// The owner's one self-service extension of an expired or ending trial, by the trial length.
  public func extendTrialOnce(_ tenant: TenantID, audit: AuditContext) throws -> Company {
    let company = try company(tenant)
    guard company.trialEndsAt != nil, !company.trialExtended else {
      throw IdentityError.trialAlreadyExtended
    }
    _ = try extendTrial(tenant, days: Int(configuration.trialDays), audit: audit)
    return try database.write(for: tenant) { scope in
      var company = try CompanyStore.load(scope)
      company.trialExtended = true
      try CompanyStore.update(company, expectedVersion: company.version, scope)
      company.version += 1
      return company
    }
  }

  /// Saves changed company details, guarded by the version the editor saw.
  public func updateCompany(
    _ changed: Company, expectedVersion: Int64, audit: AuditContext
  ) throws {
    var problems = FieldRules.text(changed.name, pointer: "/name", max: 100)
    problems += FieldRules.text(changed.shortName, pointer: "/short_name", max: 30)
    if let code = changed.creditCode, !code.isEmpty, (try? CreditCode(code)) == nil {
      problems.append(FieldError(pointer: "/credit_code", code: "invalid_credit_code"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    try database.write(for: changed.tenant) { scope in
      let before = try CompanyStore.load(scope)
      try CompanyStore.update(changed, expectedVersion: expectedVersion, scope)
      try audit.record(
        entity: "company", id: changed.tenant.identifier, action: "update",
        before: before.auditFields, after: changed.auditFields, in: scope)
    }
  }
}

extension Company {
  /// The fields the audit trail shows for a company change.
  var auditFields: [String: String] {
    [
      "name": name, "short_name": shortName, "credit_code": creditCode ?? "",
      "address": address, "taxpayer_kind": taxpayerKind.rawValue,
      "time_zone": timeZone.identifier, "default_locale": defaultLocale,
      "two_factor_required": String(twoFactorRequired),
    ]
  }
}
