public import FreightdeskCore
public import Storage
public import Web

/// A member of staff a customer can be assigned to.
public struct StaffMember: Sendable, Equatable {
  /// The user's id.
  public var id: Identifier
  /// The name shown.
  public var name: String

  /// A member.
  public init(id: Identifier, name: String) {
    self.id = id
    self.name = name
  }
}

/// The port through which CRM learns a company's active staff (for owners and follow-up
/// assignees) without importing the module that keeps users; `App` wires it.
public struct StaffDirectory: Sendable {
  private let lookUp: @Sendable (TenantID) throws -> [StaffMember]

  /// A directory answering with `lookUp`.
  public init(_ lookUp: @escaping @Sendable (TenantID) throws -> [StaffMember]) {
    self.lookUp = lookUp
  }

  /// The company's active staff.
  public func members(of tenant: TenantID) throws -> [StaffMember] {
    try lookUp(tenant)
  }
}

/// The rules of customers, their contacts, addresses, terms, interactions and follow-ups:
/// pages, the API and the demo all go through here, inside transactions, with every write
/// audited in the transaction it changes.
public final class CRMService: Sendable {
  /// The database.
  public let database: any Database
  let clock: any Clock
  let identifiers: IdentifierGenerator
  /// The audit trail.
  public let auditLog: AuditLog
  /// The company's staff.
  public let staff: StaffDirectory

  /// Creates the service over the shared module services.
  public init(services: ModuleServices, staff: StaffDirectory) {
    database = services.database
    clock = services.clock
    identifiers = services.identifiers
    auditLog = services.audit
    self.staff = staff
  }
}
