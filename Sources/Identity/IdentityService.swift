public import FreightdeskCore
public import Storage
public import Web

/// The rules of companies, users, sign-in and sessions: everything the pages, the API and the
/// command line do with identities goes through here, inside transactions.
public final class IdentityService: Sendable {
  /// The database.
  public let database: any Database
  let clock: any Clock
  let identifiers: IdentifierGenerator
  let hasher: PasswordHasher
  let grants: RoleGrants
  /// The audit trail.
  public let auditLog: AuditLog
  /// The settings.
  public let configuration: IdentityConfiguration
  /// What signing in read recently about users (their company, account and permissions),
  /// while still current.
  let signedInFacts = GenerationCache<Identifier, SignedInFacts>()
  /// API tokens found recently, by the digest of the token, while still current.
  let apiTokens = GenerationCache<String, TokenRecord>()

  /// Creates the service over the shared module services.
  public init(services: ModuleServices, configuration: IdentityConfiguration) {
    database = services.database
    clock = services.clock
    identifiers = services.identifiers
    grants = services.roleGrants
    auditLog = services.audit
    self.configuration = configuration
    hasher = PasswordHasher(
      cost: configuration.passwordHashing == .interactive ? .interactive : .minimum)
  }

  /// The company of `tenant`.
  public func company(_ tenant: TenantID) throws -> Company {
    try database.read(for: tenant) { try CompanyStore.load($0) }
  }

  /// The company whose sign-in code is `slug`.
  public func company(slug: String) throws -> Company? {
    guard let tenant = try CompanyStore.tenant(slug: slug, in: database) else { return nil }
    return try company(tenant)
  }

  /// Grants every company's built-in roles what the modules declare now (run at start, so a
  /// module added since reaches existing companies).
  public func reconcileRoles() throws {
    let tenants = try database.read { executor in
      try executor.query("SELECT tenant_id FROM tenants ORDER BY tenant_id", []).map {
        TenantID(try $0.identifier("tenant_id"))
      }
    }
    for tenant in tenants {
      try database.write(for: tenant) { scope in
        try RoleStore.reconcileBuiltinRoles(grants, identifiers: identifiers, scope)
      }
    }
  }

  /// Hashes a new password after checking it against the policy.
  func newPasswordHash(_ password: String, login: String, companyName: String) throws -> String {
    try PasswordPolicy().validate(
      password, for: PasswordIdentity(login: login, companyShortName: companyName))
    return try hasher.hash(password)
  }
}
