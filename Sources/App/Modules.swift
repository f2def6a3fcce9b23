import Identity
import Web

/// Every module of the product in dependency order; the one place that knows them all.
enum Modules {
  /// The modules a production server runs, configured for this server.
  static func standard(_ configuration: AppConfiguration) -> [AppModule] {
    [PlatformModule.module, IdentityModule.module(configuration.identity)]
  }
}
