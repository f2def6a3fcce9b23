import Foundation
public import FreightdeskCore
import Storage
import Web

/// A browser session just opened: the cookie value (shown to nobody else) and its CSRF token.
public struct SessionTicket: Sendable, Equatable {
  /// The cookie value: `<tenant>.<secret>`.
  public let token: String
  /// The company.
  public let tenant: TenantID
  /// The user.
  public let user: Identifier
  /// Whether the user must still give a two-factor code.
  public let needsTwoFactor: Bool
  /// Where the user works: the portal for customers, the app for staff.
  public let home: String
}

extension IdentityService {
  /// Checks a company code, account and password; opens a session (waiting for the
  /// two-factor code when the user has it). Failures are counted per account and per address,
  /// and too many answer `login_throttled` with the seconds to wait.
  public func signIn(
    slug: String, login: String, password: String, clientAddress: String, requestID: String
  ) throws -> SessionTicket {
    guard let tenant = try CompanyStore.tenant(slug: slug.trimmed.lowercased(), in: database)
    else {
      _ = try hasher.verify(password, against: nil)
      throw IdentityError.wrongCredentials
    }
    let login = login.trimmed.lowercased()
    let now = clock.now()
    let failures = try database.read(for: tenant) { scope in
      try AttemptStore.failures(
        login: login, address: clientAddress,
        since: now.adding(seconds: -IdentityLimits.loginWindowSeconds), scope)
    }
    if case .retryAfter(let wait) = LoginThrottle().decision(
      accountFailures: failures.account, addressFailures: failures.address, now: now)
    {
      throw IdentityError.throttled(retryAfterSeconds: Int(wait))
    }
    let stored = try database.read(for: tenant) { try UserStore.find(login: login, $0) }
    let matches = try hasher.verify(password, against: stored?.passwordHash)
    let audit = AuditContext(
      log: auditLog, actor: AuditActor(kind: .user, id: nil, name: login), requestID: requestID,
      clientAddress: clientAddress)
    guard let stored, matches, stored.user.active else {
      try database.write(for: tenant) { scope in
        try AttemptStore.record(
          id: identifiers.next(), login: login, address: clientAddress, succeeded: false, at: now,
          scope)
        try audit.record(
          entity: "user", id: stored?.user.id ?? tenant.identifier, action: "login_failed",
          in: scope)
      }
      throw IdentityError.wrongCredentials
    }
    let rehash = hasher.needsRehash(stored.passwordHash) ? try hasher.hash(password) : nil
    return try database.write(for: tenant) { scope in
      try AttemptStore.record(
        id: identifiers.next(), login: login, address: clientAddress, succeeded: true, at: now,
        scope)
      if let rehash {
        try UserStore.set(.passwordHash, to: .text(rehash), of: stored.user.id, scope)
      }
      try audit.acting(as: stored.user.id, name: stored.user.displayName).record(
        entity: "user", id: stored.user.id, action: "login", in: scope)
      return try openSession(
        for: stored.user, in: tenant, twoFactor: stored.totpSecret != nil,
        clientAddress: clientAddress, scope)
    }
  }

  /// Opens a session row and returns its ticket.
  func openSession(
    for user: User, in tenant: TenantID, twoFactor: Bool, clientAddress: String,
    _ scope: TenantScope
  ) throws -> SessionTicket {
    let now = clock.now()
    let token = "\(tenant.rawValue).\(SecretToken.generate())"
    try SessionStore.insert(
      id: identifiers.next(), user: user.id, stage: twoFactor ? .twoFactor : .active,
      tokenHash: SHA256.hex(token), csrfToken: SecretToken.generate(), at: now,
      expiresAt: now.adding(seconds: configuration.sessionAbsoluteSeconds),
      address: clientAddress, scope)
    let home = user.roles.contains(BuiltinRole.customer.rawValue) ? "/portal" : "/app"
    return SessionTicket(
      token: token, tenant: tenant, user: user.id, needsTwoFactor: twoFactor, home: home)
  }

  /// Finishes a two-factor sign-in: the pending session ends and a new, full one opens (a new
  /// token, so the pending one cannot be reused).
  public func completeTwoFactor(
    pendingToken: String, code: String, clientAddress: String, requestID: String
  ) throws -> SessionTicket {
    guard let (tenant, session) = try openSessionRecord(pendingToken),
      session.stage == .twoFactor
    else { throw AuthenticationError.unauthenticated }
    let now = clock.now()
    return try database.write(for: tenant) { scope in
      let stored = try UserStore.load(session.user, scope)
      guard let secret = stored.totpSecret.flatMap({ try? TOTPSecret(base32: $0) }),
        let step = TOTP().verify(
          code: code, secret: secret, at: now, lastUsedStep: stored.totpLastStep)
      else { throw IdentityError.wrongTwoFactorCode }
      try UserStore.set(.totpLastStep, to: .integer(step), of: stored.user.id, scope)
      try SessionStore.end(session.id, at: now, scope)
      let audit = AuditContext(
        log: auditLog,
        actor: AuditActor(kind: .user, id: stored.user.id, name: stored.user.displayName),
        requestID: requestID, clientAddress: clientAddress)
      try audit.record(
        entity: "user", id: stored.user.id, action: "login_two_factor", in: scope)
      return try openSession(
        for: stored.user, in: tenant, twoFactor: false, clientAddress: clientAddress, scope)
    }
  }

  /// Ends the session behind `token`, if it is open.
  public func signOut(token: String) throws {
    guard let (tenant, session) = try openSessionRecord(token) else { return }
    try database.write(for: tenant) { scope in
      try SessionStore.end(session.id, at: clock.now(), scope)
    }
  }

  /// The tenant and open session a cookie token names, if any (not checking expiry).
  func openSessionRecord(_ token: String) throws -> (TenantID, SessionRecord)? {
    guard let tenant = Self.tenant(inToken: token, separator: ".") else { return nil }
    guard
      let session = try database.read(
        for: tenant,
        {
          try SessionStore.find(tokenHash: SHA256.hex(token), $0)
        })
    else { return nil }
    return (tenant, session)
  }

  /// The tenant a token starts with (`<tenant><separator><secret>`).
  static func tenant(inToken token: String, separator: Character) -> TenantID? {
    // Bytes, not characters: a token is ASCII, and this runs for every API call.
    guard let separator = separator.asciiValue, token.utf8.count <= 200,
      let split = token.utf8.firstIndex(of: separator), let raw = Int64(token[..<split]),
      raw > 0
    else { return nil }
    return TenantID(Identifier(rawValue: raw))
  }
}

extension String {
  /// Without surrounding white space.
  var trimmed: String { trimmingWhitespace() }
}
