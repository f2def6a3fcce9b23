public import FreightdeskCore
import Storage
public import Web

/// The demo company 「示例物流有限公司」 (code `demo`): one user per built-in role, all with one
/// generated password, and an API token for the owner, so a new installation can be explored
/// at once. Later modules add their own demo data to it.
public struct DemoCompany: Sendable {
  /// The company.
  public let company: Company
  /// The users' logins with their role.
  public let logins: [(login: String, role: BuiltinRole)]
  /// The password every demo user signs in with.
  public let password: String
  /// The owner's API token.
  public let apiToken: String
}

extension IdentityService {
  /// The demo company's code.
  public static let demoSlug = "demo"

  /// Creates the demo company unless it exists; returns it with its logins.
  public func createDemoCompany() throws -> DemoCompany {
    let password = "fd-" + SecretToken.generate().prefix(10).filter { $0.isLetter || $0.isNumber }
    let audit = AuditContext.system("demo", log: auditLog)
    let (company, owner) = try register(
      Registration(
        slug: Self.demoSlug, companyName: "示例物流有限公司", shortName: "示例物流",
        creditCode: "91350100M000100Y43",
        ownerLogin: "owner", ownerName: "王建国", ownerEmail: "owner@example.com",
        ownerPassword: password),
      trial: false, audit: audit)
    var logins: [(String, BuiltinRole)] = [("owner", .owner)]
    for (role, login, name) in Self.demoStaff {
      let prepared = try prepareUser(
        NewUser(
          login: login, displayName: name, email: nil, password: password, roles: [role.rawValue]),
        in: company.tenant)
      _ = try database.write(for: company.tenant) { try insertUser(prepared, audit: audit, $0) }
      logins.append((login, role))
    }
    let token = try createToken(
      for: owner.id, name: "demo", scopes: [], days: nil, in: company.tenant, audit: audit)
    return DemoCompany(company: company, logins: logins, password: password, apiToken: token.token)
  }

  /// Adds the demo portal user `customer` (same password) acting for `customer`, which
  /// exists only once the customer module has seeded; returns the demo with its login.
  public func addDemoPortalUser(to demo: DemoCompany, customer: Identifier) throws -> DemoCompany {
    let tenant = demo.company.tenant
    let prepared = try prepareUser(
      NewUser(
        login: BuiltinRole.customer.rawValue, displayName: "孙悦", email: nil,
        password: demo.password, roles: [BuiltinRole.customer.rawValue], customerID: customer),
      in: tenant)
    _ = try database.write(for: tenant) {
      try insertUser(prepared, audit: AuditContext.system("demo", log: auditLog), $0)
    }
    return DemoCompany(
      company: demo.company, logins: demo.logins + [(BuiltinRole.customer.rawValue, .customer)],
      password: demo.password, apiToken: demo.apiToken)
  }

  /// Whether any company exists yet (an empty installation gets the demo company).
  public func hasCompanies() throws -> Bool {
    try database.read { executor in
      try !executor.query("SELECT tenant_id FROM tenants LIMIT 1", []).isEmpty
    }
  }

  private static let demoStaff: [(BuiltinRole, String, String)] = [
    (.admin, "admin", "李静"), (.sales, "sales", "张伟"), (.customerService, "service", "刘芳"),
    (.dispatcher, "dispatcher", "陈强"), (.warehouse, "warehouse", "杨磊"),
    (.driver, "driver", "赵刚"), (.finance, "finance", "黄丽"), (.hr, "hr-staff", "周敏"),
    (.viewer, "viewer", "吴昊"),
  ]
}
