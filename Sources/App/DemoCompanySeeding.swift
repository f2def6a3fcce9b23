import CRM
public import Identity
import Storage
import Web

extension Application {
  /// Creates the demo company, lets every module add its part of the demo data in module
  /// order, then adds the demo portal user (`customer`) for the longest-standing demo
  /// customer, which exists only once CRM has seeded.
  public func createDemo() throws -> DemoCompany {
    let identity = IdentityService(services: services, configuration: configuration.identity)
    let demo = try identity.createDemoCompany()
    let tenant = demo.company.tenant
    for module in modules {
      try module.seedDemo?(tenant, services)
    }
    let customer = try database.read(for: tenant) {
      try CustomerLookup.longestStandingActive(in: $0)
    }
    guard let customer else { return demo }
    return try identity.addDemoPortalUser(to: demo, customer: customer)
  }
}
