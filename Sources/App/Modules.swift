import CRM
import Identity
import Orders
import Transport
import Web

/// Every module of the product in dependency order; the one place that knows them all.
enum Modules {
  /// The modules a production server runs, configured for this server.
  static func standard(_ configuration: AppConfiguration) -> [AppModule] {
    let staff: @Sendable (ModuleServices) -> StaffDirectory = { services in
      let identity = IdentityService(services: services, configuration: configuration.identity)
      return StaffDirectory { tenant in
        try identity.users(tenant)
          .filter { $0.active && !$0.roles.contains(BuiltinRole.customer.rawValue) }
          .map { StaffMember(id: $0.id, name: $0.displayName) }
      }
    }
    let orderPorts = OrdersWiring.ports(staff: staff, identity: configuration.identity)
    return [
      PlatformModule.module, IdentityModule.module(configuration.identity),
      CRMModule.module(
        panels: { services in
          [
            PortalAccessPanel(
              section: PortalAccessSection(
                services: services, configuration: configuration.identity)),
            OrdersCustomerPanel(
              section: OrderCustomerSection(services: services, ports: orderPorts(services))),
          ]
        },
        staff: staff,
        history: configuration.customerHistory ?? OrdersCustomerHistory(),
        exposure: configuration.customerExposure ?? OrderExposureSource()),
      OrdersModule.module(ports: orderPorts),
      TransportModule.module,
    ]
  }
}
