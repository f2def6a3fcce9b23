import CRM
public import Identity
import Orders
import Storage
import Web

extension Application {
  /// Creates the demo company, lets every module add its part of the demo data in module
  /// order, then adds the demo portal user (`customer`) for a demo customer, which exists
  /// only once CRM has seeded.
  public func createDemo() throws -> DemoCompany {
    let identity = IdentityService(services: services, configuration: configuration.identity)
    let demo = try identity.createDemoCompany()
    let tenant = demo.company.tenant
    for module in modules {
      try module.seedDemo?(tenant, services)
    }
    // The portal user acts for the customer with the most demo orders, so that the portal has
    // something true to show; without orders, for the longest-standing customer.
    let now = services.clock.now()
    let customer = try database.read(for: tenant) { scope in
      let figures = try OrderStatistics.figures(
        from: now.adding(seconds: -400 * 86_400), to: now.adding(seconds: 1), scope)
      let busiest = figures.max {
        ($0.value.orders, $1.key.rawValue) < ($1.value.orders, $0.key.rawValue)
      }
      return try busiest?.key ?? CRMLookups.longestStandingActive(in: scope)
    }
    guard let customer else { return demo }
    return try identity.addDemoPortalUser(to: demo, customer: customer)
  }
}
