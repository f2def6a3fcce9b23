public import Web

/// What the Identity module guards, and which built-in roles may do it.
public enum IdentityPermission {
  /// See the company's users and their roles.
  public static let usersRead = Permission("users.read")
  /// Create, invite, change, deactivate users and reset their passwords.
  public static let usersManage = Permission("users.manage")
  /// Define the company's own roles.
  public static let rolesManage = Permission("roles.manage")
  /// Read and export the audit trail.
  public static let auditRead = Permission("audit.read")
  /// Change the company's details and security settings.
  public static let companyManage = Permission("company.manage")
  /// Extend an expired trial (allowed even while the company is read-only).
  public static let trialExtend = Permission("company.extend_trial")
  /// Create and revoke one's own API tokens.
  public static let tokensManage = Permission("tokens.manage")

  /// The grants of the built-in roles.
  static let grants = RoleGrants([
    .owner: [trialExtend],
    .admin: [usersRead, usersManage, rolesManage, auditRead, companyManage, tokensManage],
    .sales: [usersRead, tokensManage],
    .customerService: [usersRead],
    .dispatcher: [usersRead, tokensManage],
    .warehouse: [],
    .driver: [],
    .finance: [usersRead, auditRead, tokensManage],
    .hr: [usersRead, usersManage],
    .viewer: [usersRead],
    .customer: [],
  ])
}
