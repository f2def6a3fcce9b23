import CRM
import FreightdeskCore
import Identity
import Storage
import Web

/// CRM's customers as the accounts Identity ties portal users to.
struct CRMCustomerAccounts: CustomerAccounts {
  func customerName(of customer: Identifier, in scope: TenantScope) throws -> String? {
    try CRMLookups.name(of: customer, in: scope)
  }
}

/// Identity's portal-access section as a panel of CRM's customer page: who signs in to the
/// portal for this customer, and the form to add such a user.
struct PortalAccessPanel: CustomerPanel {
  let section: PortalAccessSection
  let titleKey = "portal_access.title"
  let order = 900
  let permission = PortalAccessSection.permission

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    try section.render(
      customer: customer, returnPath: "/app/customers/\(customer)", context: context.request,
      localizer: context.localizer)
  }
}
