public import Web

/// CRM as the application lists it: the customer core (customers, contacts, addresses,
/// preferences and terms, duplicates and merging, interactions, follow-ups, the 360° page
/// and its panel registry, automatic tags, saved segments, campaigns) and the commercial
/// part (pricing, rate cards, inquiries, quotes, contracts, credit holds).
public enum CRMModule {
  /// The module declaration. `panels` makes other modules' panels on the customer 360° page
  /// and `staff` the directory of the company's staff, both from the shared services;
  /// `history` is the customers' order history, which automatic tags, segments, campaigns and
  /// the 360° figures are computed from; `exposure`, when a module keeps receivables and open
  /// orders, gives the credit used the 360° page shows against the limit.
  public static func module(
    panels: @escaping @Sendable (ModuleServices) -> [any CustomerPanel] = { _ in [] },
    staff: @escaping @Sendable (ModuleServices) -> StaffDirectory,
    history: any CustomerHistorySource, exposure: (any ExposureSource)? = nil
  ) -> AppModule {
    AppModule(
      name: CRMSchema.module, migrations: CRMSchema.migrations + CommercialPart.migrations,
      roleGrants: CRMPermission.grants.merged(with: CommercialPart.roleGrants),
      registerRoutes: { routes in
        let service = CRMService(services: routes.services, staff: staff(routes.services))
        let tagging = AutomaticTagging(services: routes.services, history: history)
        let page = SignedInPage(navigation: routes.navigation)
        CustomerAPI.register(routes, service: service)
        CustomerRecordsAPI.register(routes.api, service: service)
        CustomerListPage.register(routes.app, service: service, page: page)
        CustomerExport.register(routes, service: service)
        CustomerImportPages.register(
          routes.app, service: service, services: routes.services, page: page)
        CustomerImportJobPage.register(routes.app, services: routes.services, page: page)
        CustomerFormPages.register(routes.app, service: service, page: page)
        AutomaticTagAPI.register(routes.api, tagging: tagging)
        CompanyTagAPI.register(routes.api, service: service)
        CompanyTagPages.register(routes.app, service: service, page: page)
        AutomaticTagRulesPage.register(routes.app, tagging: tagging, page: page)
        let segments = CustomerSegments(service: service, history: history)
        CustomerSegmentAPI.register(routes.api, segments: segments)
        CustomerSegmentPages.register(routes.app, segments: segments, page: page)
        let campaigns = Campaigns(segments: segments)
        CampaignAPI.register(routes.api, campaigns: campaigns)
        CampaignPages.register(routes.app, campaigns: campaigns, page: page)
        CRMListExports.register(
          routes, service: service, segments: segments, campaigns: campaigns)
        let registry = CustomerPanelRegistry(
          CRMPanels.all(service: service, tagging: tagging, exposure: exposure)
            + panels(routes.services))
        Customer360Page.register(routes.app, service: service, page: page, panels: registry)
        CustomerRecordPages.register(routes.app, service: service, page: page, panels: registry)
        FollowUpPages.register(routes.app, service: service, page: page)
        PlatformSegmentPages.register(routes.app, service: service, page: page)
        CommercialPart.register(routes)
      },
      outboxHandlers: CustomerTimelineTopic.allCases.map(\.handler),
      servicedHandlers: { services in
        let tagging = AutomaticTagging(services: services, history: history)
        let reminders = ContractRenewalReminders(
          service: CRMService(services: services, staff: staff(services)), jobs: services.jobs,
          timeZone: DisplayFormat.defaultTimeZone)
        return ModuleHandlers(
          outbox: tagging.outboxHandlers,
          jobs: tagging.jobHandlers + [
            reminders.jobHandler, CustomerImportJob.handler(service: reminders.service),
          ])
      },
      navigation: [
        NavigationEntry(
          labelKey: "nav.customers", href: "/app/customers",
          permission: CRMPermission.customersRead, order: 100),
        NavigationEntry(
          labelKey: "nav.customer_segments", href: "/app/segments",
          permission: CRMPermission.customersRead, order: 105),
        NavigationEntry(
          labelKey: "nav.campaigns", href: "/app/campaigns",
          permission: CRMPermission.customersRead, order: 106),
        NavigationEntry(
          labelKey: "nav.follow_ups", href: "/app/follow-ups",
          permission: CRMPermission.interactionsManage, order: 110),
      ] + CommercialPart.navigation,
      seedDemo: { tenant, services in
        try CRMDemo(service: CRMService(services: services, staff: staff(services)))
          .seed(tenant)
        try CommercialPart.addDemoData(
          services: services, tenant: tenant, timeZone: DisplayFormat.defaultTimeZone)
        try DemoSegments(
          segments: CustomerSegments(
            service: CRMService(services: services, staff: staff(services)), history: history),
          clock: services.clock
        ).seed(tenant)
      })
  }
}
