public import Storage
public import Web

/// The commercial part of the CRM module — pricing, inquiries, quotes, contracts and the
/// credit check — declared so the CRM module can include it: its migrations (module `crm`,
/// numbers 20...29), what the built-in roles may do, its navigation, and its routes.
///
/// ```swift
/// AppModule(
///   name: "crm", migrations: CommercialPart.migrations, roleGrants: CommercialPart.roleGrants,
///   registerRoutes: CommercialPart.register, navigation: CommercialPart.navigation)
/// ```
public enum CommercialPart {
  /// The migrations, module `crm`, numbers 20...29.
  public static let migrations: [Migration] = CommercialSchema.migrations

  /// What the built-in roles may do.
  public static let roleGrants: RoleGrants = CommercialPermissions.grants

  /// The staff app's entries for the commercial pages.
  public static let navigation: [NavigationEntry] = [
    NavigationEntry(
      labelKey: "nav.inquiries", href: "/app/inquiries",
      permission: CommercialPermissions.quotesRead, order: 300),
    NavigationEntry(
      labelKey: "nav.quotes", href: "/app/quotes", permission: CommercialPermissions.quotesRead,
      order: 310),
    NavigationEntry(
      labelKey: "nav.price_calculator", href: "/app/prices",
      permission: CommercialPermissions.pricingRead, order: 320),
    NavigationEntry(
      labelKey: "nav.rate_cards", href: "/app/rate-cards",
      permission: CommercialPermissions.pricingRead, order: 330),
    NavigationEntry(
      labelKey: "nav.promotions", href: "/app/promotions",
      permission: CommercialPermissions.pricingRead, order: 335),
    NavigationEntry(
      labelKey: "nav.contracts", href: "/app/contracts",
      permission: CommercialPermissions.contractsRead, order: 340),
    NavigationEntry(
      labelKey: "nav.credit_holds", href: "/app/credit-holds",
      permission: CommercialPermissions.creditRead, order: 350),
    NavigationEntry(
      labelKey: "nav.ask_for_price", href: "/portal/inquiries",
      permission: CommercialPermissions.inquiriesSubmit, area: .portal, order: 300),
  ]

  /// Registers the API under `/api/v1`, the pages under `/app` and the portal's inquiry form.
  public static func register(_ routes: ModuleRoutes) {
    let services = routes.services
    let page = SignedInPage(navigation: routes.navigation)
    PricingAPI.register(routes)
    InquiryAPI.register(routes.api, services: services)
    QuoteAPI.register(routes.api, services: services)
    ContractAPI.register(routes.api, services: services)
    CreditCheckAPI.register(routes.api, services: services)
    PricingPages.register(routes.app, services: services, page: page)
    RateCardPages.register(routes.app, services: services, page: page)
    PromotionPages.register(routes.app, services: services, page: page)
    InquiryPages.register(routes.app, services: services, page: page)
    InquiryPortalPages.register(routes.portal, services: services, page: page)
    QuotePages.register(routes.app, services: services, page: page)
    ContractPages.register(routes.app, services: services, page: page)
    ContractAttachmentRoutes.register(routes, page: page)
    CreditCheckPages.register(routes.app, services: services, page: page)
  }
}
