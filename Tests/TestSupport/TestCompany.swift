import CRM
public import FreightdeskCore
public import Identity
import Storage
public import Web

/// A company made for a test, with its owner's credentials and an API token per role.
public struct TestCompany: Sendable {
  /// The company.
  public let tenant: TenantID
  /// Its sign-in code.
  public let slug: String
  /// The password every user of the company signs in with.
  public let ownerPassword = "Yellow-Truck-42"
  /// An API token per built-in role.
  public let tokens: [BuiltinRole: String]
  /// The user holding each built-in role (logins: `owner`, `user-<role>`).
  public let userIDs: [BuiltinRole: Identifier]
  /// The customer the portal user (role customer) acts for.
  public let customerID: Identifier
}

extension TestApp {
  /// The identity service over this app's services.
  public var identity: IdentityService {
    IdentityService(
      services: application.services, configuration: application.configuration.identity)
  }

  /// Creates a company `slug` with one user per built-in role (logins = role names) and an API
  /// token for each, the portal user acting for a customer of its own; `canary` is put in the
  /// company's, the users' and the customer's names so isolation tests can search responses
  /// for it.
  public func makeCompany(_ slug: String, canary: String = "") throws -> TestCompany {
    let service = identity
    let audit = AuditContext.system("test", log: service.auditLog)
    let password = "Yellow-Truck-42"
    let (company, owner) = try service.register(
      Registration(
        slug: slug, companyName: "\(canary)物流有限公司", shortName: "\(canary)物流",
        ownerLogin: "owner", ownerName: "\(canary)王", ownerPassword: password),
      audit: audit)
    var tokens: [BuiltinRole: String] = [:]
    var ids: [BuiltinRole: Identifier] = [.owner: owner.id]
    // Dormant, so that tests listing customers by the usual statuses see only their own.
    let customer = try CRMService(services: application.services, staff: StaffDirectory { _ in [] })
      .createCustomer(
        CustomerInput(name: "\(canary)客户贸易有限公司", industry: "retail", status: .dormant),
        in: company.tenant,
        audit: audit)
    for role in BuiltinRole.allCases where role != .owner {
      let user = try service.createUser(
        NewUser(
          login: "user-\(role.rawValue)", displayName: "\(canary)\(role.rawValue)", email: nil,
          password: password, roles: [role.rawValue],
          customerID: role == .customer ? customer.id : nil), in: company.tenant, audit: audit)
      ids[role] = user.id
    }
    for role in BuiltinRole.allCases {
      tokens[role] = try service.createToken(
        for: ids[role]!, name: "test", scopes: [], days: nil, in: company.tenant, audit: audit
      ).token
    }
    return TestCompany(
      tenant: company.tenant, slug: slug, tokens: tokens, userIDs: ids, customerID: customer.id)
  }
}

extension Browser {
  /// Opens the sign-in page and signs in.
  @discardableResult
  public func signIn(slug: String, login: String, password: String) throws
    -> HTTPClient.Response
  {
    try get("/login")
    return try submit("/login", [("company", slug), ("login", login), ("password", password)])
  }
}
