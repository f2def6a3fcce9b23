public import Web

/// What the transport module guards, and which built-in roles may do it.
public enum TransportPermission {
  /// See optimisation runs and their results.
  public static let optimizationsRead = Permission("optimizations.read")
  /// Start optimisation runs.
  public static let optimizationsRun = Permission("optimizations.run")

  /// Dispatchers plan routes; admins too. The owner holds every permission.
  static let grants = RoleGrants([
    .admin: [optimizationsRead, optimizationsRun],
    .dispatcher: [optimizationsRead, optimizationsRun],
  ])
}
