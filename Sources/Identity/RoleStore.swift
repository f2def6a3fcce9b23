public import FreightdeskCore
import Storage
public import Web

/// A role as stored: built-in (named by the catalog) or the company's own.
public struct Role: Sendable, Equatable {
  /// The role's id.
  public var id: Identifier
  /// Its code, e.g. `dispatcher` or a company's `night_shift`.
  public var code: String
  /// The company's name for its own role; built-in roles are named by the catalog.
  public var name: String
  /// Whether it is one of ``BuiltinRole``.
  public var builtin: Bool
  /// What it may do.
  public var permissions: Set<Permission>
}

/// Reads and writes roles, their permissions and who holds them: access rights as data.
enum RoleStore {
  /// Creates the built-in roles a company lacks and grants each what the modules declare;
  /// run at sign-up and at start, so a module added later reaches existing companies.
  static func reconcileBuiltinRoles(
    _ grants: RoleGrants, identifiers: IdentifierGenerator, _ scope: TenantScope
  ) throws {
    let existing = Dictionary(
      uniqueKeysWithValues: try scope.query(
        "SELECT id, code FROM roles WHERE tenant_id = $1 AND builtin = 1", []
      ).map { (try $0.string("code"), try $0.identifier("id")) })
    for role in BuiltinRole.allCases {
      let id = existing[role.rawValue] ?? identifiers.next()
      if existing[role.rawValue] == nil {
        try scope.execute(
          "INSERT INTO roles (tenant_id, id, code, name, builtin) VALUES ($1, $2, $3, $4, 1)",
          [.integer(id.rawValue), .text(role.rawValue), .text(role.rawValue)])
      }
      for permission in grants.permissions(of: role) {
        try grant(permission, to: id, scope)
      }
    }
  }

  private static func grant(_ permission: Permission, to role: Identifier, _ scope: TenantScope)
    throws
  {
    try scope.execute(
      """
      INSERT INTO role_permissions (tenant_id, role_id, permission) VALUES ($1, $2, $3)
      ON CONFLICT DO NOTHING
      """, [.integer(role.rawValue), .text(permission.name)])
  }

  /// Every role of the company with its permissions, built-in first.
  static func list(_ scope: TenantScope) throws -> [Role] {
    let grants = try scope.query(
      "SELECT role_id, permission FROM role_permissions WHERE tenant_id = $1", [])
    var permissions: [Identifier: Set<Permission>] = [:]
    for row in grants {
      permissions[try row.identifier("role_id"), default: []].insert(
        Permission(try row.string("permission")))
    }
    return try scope.query(
      "SELECT id, code, name, builtin FROM roles WHERE tenant_id = $1 ORDER BY builtin DESC, code",
      []
    ).map { row in
      let id = try row.identifier("id")
      return Role(
        id: id, code: try row.string("code"), name: try row.string("name"),
        builtin: try row.bool("builtin"), permissions: permissions[id] ?? [])
    }.sorted(by: displayOrder)
  }

  /// Built-in roles in the order of ``BuiltinRole`` (owner first, customer last), then the
  /// company's own roles by code.
  private static func displayOrder(_ lhs: Role, _ rhs: Role) -> Bool {
    let order = BuiltinRole.allCases.map(\.rawValue)
    switch (order.firstIndex(of: lhs.code), order.firstIndex(of: rhs.code)) {
    case (let left?, let right?): return left < right
    case (.some, nil): return true
    case (nil, .some): return false
    case (nil, nil): return lhs.code < rhs.code
    }
  }

  /// Creates a company role granting `permissions`.
  static func createCustom(
    code: String, name: String, permissions: Set<Permission>, id: Identifier,
    _ scope: TenantScope
  ) throws {
    do {
      try scope.execute(
        "INSERT INTO roles (tenant_id, id, code, name, builtin) VALUES ($1, $2, $3, $4, 0)",
        [.integer(id.rawValue), .text(code), .text(name)])
    } catch DatabaseError.uniqueViolation {
      throw ValidationFailure(pointer: "/code", code: "already_taken")
    }
    for permission in permissions {
      try grant(permission, to: id, scope)
    }
  }

  /// The role codes `user` holds.
  static func roleCodes(of user: Identifier, _ scope: TenantScope) throws -> [String] {
    try scope.query(
      """
      SELECT r.code FROM user_roles ur JOIN roles r
        ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
      WHERE ur.tenant_id = $1 AND ur.user_id = $2 ORDER BY r.code
      """, [.integer(user.rawValue)]
    ).map { try $0.string("code") }
  }

  /// The permissions `user` holds through all their roles.
  static func permissions(of user: Identifier, _ scope: TenantScope) throws -> Set<Permission> {
    Set(
      try scope.query(
        """
        SELECT DISTINCT rp.permission FROM user_roles ur JOIN role_permissions rp
          ON rp.tenant_id = ur.tenant_id AND rp.role_id = ur.role_id
        WHERE ur.tenant_id = $1 AND ur.user_id = $2
        """, [.integer(user.rawValue)]
      ).map { Permission(try $0.string("permission")) })
  }

  /// Replaces the roles `user` holds with the roles named by `codes`.
  static func setRoles(_ codes: [String], of user: Identifier, _ scope: TenantScope) throws {
    let known = Dictionary(
      uniqueKeysWithValues: try scope.query("SELECT id, code FROM roles WHERE tenant_id = $1", [])
        .map { (try $0.string("code"), try $0.identifier("id")) })
    let ids = try codes.map { code in
      guard let id = known[code] else { throw IdentityError.roleNotFound(code) }
      return id
    }
    try scope.execute(
      "DELETE FROM user_roles WHERE tenant_id = $1 AND user_id = $2", [.integer(user.rawValue)])
    for id in Set(ids) {
      try scope.execute(
        "INSERT INTO user_roles (tenant_id, user_id, role_id) VALUES ($1, $2, $3)",
        [.integer(user.rawValue), .integer(id.rawValue)])
    }
  }

  /// How many active users hold the owner role.
  static func activeOwnerCount(_ scope: TenantScope) throws -> Int {
    try scope.query(
      """
      SELECT COUNT(*) AS n FROM user_roles ur
        JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
        JOIN users u ON u.tenant_id = ur.tenant_id AND u.id = ur.user_id
      WHERE ur.tenant_id = $1 AND r.code = 'owner' AND u.active = 1
      """, []
    ).first?.int("n") ?? 0
  }
}
