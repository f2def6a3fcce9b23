/// The roles every company starts with. Companies may add their own roles built from the same
/// permissions; these stay, so every module can say what each kind of staff may do.
public enum BuiltinRole: String, CaseIterable, Sendable, Codable {
  case owner
  case admin
  case sales
  case customerService = "customer_service"
  case dispatcher
  case warehouse
  case driver
  case finance
  case hr
  case viewer
  /// A customer's user on the portal, tied to one customer account.
  case customer

  /// The catalog key of the role's name (`role.<code>`).
  public var nameKey: String { "role.\(rawValue)" }
}

/// What each built-in role may do, gathered from every module's declaration; the owner holds
/// every permission any module declares.
public struct RoleGrants: Sendable {
  /// Permissions by role.
  public private(set) var permissions: [BuiltinRole: Set<Permission>] = [:]

  /// No grants.
  public init() {}

  /// Grants from a module: role → permissions.
  public init(_ grants: [BuiltinRole: Set<Permission>]) {
    permissions = grants
  }

  /// Every permission declared by any module.
  public var all: Set<Permission> {
    permissions.values.reduce(into: Set()) { $0.formUnion($1) }
  }

  /// The permissions of `role`; the owner's are all of them.
  public func permissions(of role: BuiltinRole) -> Set<Permission> {
    role == .owner ? all : permissions[role] ?? []
  }

  /// These grants plus `other`'s.
  public func merged(with other: RoleGrants) -> RoleGrants {
    var merged = self
    for (role, granted) in other.permissions {
      merged.permissions[role, default: []].formUnion(granted)
    }
    return merged
  }
}
