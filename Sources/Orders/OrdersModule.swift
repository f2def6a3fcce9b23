import Synchronization
public import Web

/// Orders as the application lists it: transport orders with their lifecycle, the API under
/// `/api/v1/orders`, the staff pages under `/app/orders`, the customer portal's orders and the
/// public tracking page. What it needs of customers, prices and credit arrives through
/// ``OrderPorts``, which `App` builds from the shared services.
public enum OrdersModule {
  /// The module declaration; `ports` makes the ports from the shared services.
  public static func module(ports: @escaping @Sendable (ModuleServices) -> OrderPorts)
    -> AppModule
  {
    let slot = OrderServiceSlot()
    return AppModule(
      name: OrdersSchema.module, migrations: OrdersSchema.migrations,
      roleGrants: OrdersPermission.grants,
      registerRoutes: { routes in
        let service = OrderService(services: routes.services, ports: ports(routes.services))
        slot.set(service)
        OrderAPI.register(routes.api, service: service)
        let page = SignedInPage(navigation: routes.navigation)
        OrderListPage.register(routes.app, service: service, page: page)
        OrderFormPages.register(routes.app, service: service, page: page)
        OrderDetailPage.register(routes.app, service: service, page: page)
        OrderSettingsPage.register(routes.app, service: service, page: page)
        OrderImportPages.register(routes.app, service: service, page: page)
        OrderPortalPages.register(routes.portal, service: service, page: page)
        TrackingPage.register(routes.root, service: service)
        WaybillRoutes.register(
          app: routes.app, portal: routes.portal, api: routes.api, service: service)
      },
      outboxHandlers: OrderEventHandlers.all(slot.get),
      navigation: [
        NavigationEntry(
          labelKey: "nav.orders", href: "/app/orders", permission: OrdersPermission.read,
          order: 200),
        NavigationEntry(
          labelKey: "nav.my_orders", href: "/portal/orders", permission: OrdersPermission.portal,
          area: .portal, order: 100),
      ],
      seedDemo: { tenant, services in
        try OrderDemo(service: OrderService(services: services, ports: ports(services)))
          .seed(tenant)
      })
  }
}

/// The service the outbox handlers use. Handlers are declared with the module, before the
/// shared services exist; the application registers routes (which builds the service) before
/// it starts delivering events, so the slot is filled by the time a handler runs.
final class OrderServiceSlot: Sendable {
  private let service = Mutex<OrderService?>(nil)

  /// Fills the slot.
  func set(_ value: OrderService) {
    service.withLock { $0 = value }
  }

  /// The service; a handler running before routes were registered is a wiring fault.
  @Sendable func get() -> OrderService {
    guard let value = service.withLock({ $0 }) else {
      preconditionFailure("orders: outbox handler ran before the module's routes were registered")
    }
    return value
  }
}
