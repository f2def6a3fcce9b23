import Foundation
import FreightdeskCore
import Storage
import Web

extension IdentityService {
  /// The signed-in context for a session cookie; throws 401 when the session is unknown,
  /// ended, idle too long, past its absolute lifetime, or its user is deactivated.
  func authenticateSession(_ token: String, context: RequestContext) throws
    -> AuthenticatedContext
  {
    guard let tenant = Self.tenant(inToken: token, separator: ".") else {
      throw AuthenticationError.unauthenticated
    }
    let found = try database.read(for: tenant) { scope in
      try SessionStore.find(tokenHash: SHA256.hex(token), scope).map {
        ($0, try facts(of: $0.user, generation: try IdentityGenerations.current(scope), scope))
      }
    }
    guard let (session, facts) = found, session.stage == .active else {
      throw AuthenticationError.unauthenticated
    }
    let now = clock.now()
    let idleLimit = session.lastSeenAt.adding(seconds: configuration.sessionIdleSeconds)
    if now >= session.expiresAt || now >= idleLimit {
      try database.write(for: tenant) { try SessionStore.end(session.id, at: now, $0) }
      throw AuthenticationError.unauthenticated
    }
    if now.milliseconds(since: session.lastSeenAt) > 60_000 {
      try database.write(for: tenant) { try SessionStore.touch(session.id, at: now, $0) }
    }
    return try signedInContext(
      tenant: tenant, user: session.user, facts: facts,
      credential: .session(id: session.id, csrfToken: session.csrfToken), context: context)
  }

  /// The context for an API token (`fdk_<tenant>_<secret>`): its owner, limited to its scopes.
  func authenticateAPIToken(_ token: String, context: RequestContext) throws
    -> AuthenticatedContext
  {
    guard token.hasPrefix(Self.apiTokenPrefix),
      let tenant = Self.tenant(
        inToken: String(token.dropFirst(Self.apiTokenPrefix.count)), separator: "_")
    else { throw AuthenticationError.unauthenticated }
    let now = clock.now()
    let found = try database.read(for: tenant) { scope -> (TokenRecord, SignedInFacts)? in
      let generation = try IdentityGenerations.current(scope)
      let digest = SHA256.hex(token)
      guard
        let record = try apiTokens.value(
          for: digest, generation: generation, scope,
          load: { try TokenStore.find(tokenHash: digest, scope) })
      else { return nil }
      return (record, try facts(of: record.user, generation: generation, scope))
    }
    guard let (record, facts) = found, record.revokedAt == nil,
      record.expiresAt.map({ now < $0 }) ?? true
    else { throw AuthenticationError.unauthenticated }
    if record.lastUsedAt.map({ now.milliseconds(since: $0) > 60_000 }) ?? true {
      try database.write(for: tenant) { try TokenStore.touch(record.id, at: now, $0) }
    }
    var authenticated = try signedInContext(
      tenant: tenant, user: record.user, facts: facts,
      credential: .apiToken(id: record.id, scopes: record.scopes), context: context)
    if !record.scopes.isEmpty {
      authenticated.permissions = authenticated.permissions.filter {
        record.scopes.contains($0.name)
      }
    }
    return authenticated
  }

  /// What signing in reads about `user`, remembered while the company's counter stays at
  /// `generation`.
  private func facts(of user: Identifier, generation: Int64?, _ scope: TenantScope) throws
    -> SignedInFacts
  {
    try signedInFacts.value(
      for: user, generation: generation, scope, load: { try SignedInFacts(user: user, scope) })
  }

  /// The prefix that marks Freightdesk API tokens (so secret scanners can find leaked ones).
  static let apiTokenPrefix = "fdk_"

  private func signedInContext(
    tenant: TenantID, user: Identifier, facts: SignedInFacts, credential: Credential,
    context: RequestContext
  ) throws -> AuthenticatedContext {
    let now = clock.now()
    let (company, stored, permissions) = (facts.company, facts.user, facts.permissions)
    guard stored.user.active else { throw AuthenticationError.unauthenticated }
    var request = context
    request.locale = AppLocale.resolve(
      userPreference: stored.user.locale.flatMap(AppLocale.init(rawValue:))
        ?? context.localeChoice,
      acceptLanguage: context.acceptLanguage,
      tenantDefault: AppLocale(rawValue: company.defaultLocale))
    let needsTwoFactor =
      company.twoFactorRequired && !stored.user.hasTwoFactor
      && stored.user.roles.contains { $0 == "owner" || $0 == "finance" }
    if needsTwoFactor, case .session = credential,
      !context.path.hasPrefix("/app/profile/two-factor")
    {
      throw AuthenticationError.twoFactorSetupRequired
    }
    var authenticated = AuthenticatedContext(
      request: request, tenant: tenant, tenantName: company.shortName, timeZone: company.timeZone,
      user: user, userName: stored.user.displayName, roles: stored.user.roles,
      permissions: permissions, credential: credential, isReadOnly: company.isReadOnly(at: now),
      trialDaysLeft: company.trialDaysLeft(at: now))
    authenticated.customer = stored.user.customerID
    authenticated.logoHref = company.logoUpdatedAt.map {
      "/app/company/logo?v=\($0.epochMilliseconds)"
    }
    return authenticated
  }
}

/// What signing in reads about a user besides their credential: their company, their record
/// with roles, and the permissions the roles grant. It is read in the same transaction that
/// found the credential: one database round trip per request instead of two.
struct SignedInFacts: Sendable {
  let company: Company
  let user: StoredUser
  let permissions: Set<Permission>

  init(user id: Identifier, _ scope: TenantScope) throws {
    company = try CompanyStore.load(scope)
    user = try UserStore.load(id, scope)
    permissions = try RoleStore.permissions(of: id, scope)
  }
}
