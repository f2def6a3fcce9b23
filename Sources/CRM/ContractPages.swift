import Foundation
import FreightdeskCore
import Storage
import Web

/// The contracts page: every contract, those due for renewal highlighted, and a form to record
/// one.
enum ContractPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/contracts",
      CommercialPage.operation("getContractsPage", "Contracts", CommercialPermissions.contractsRead)
    ) { _, context in
      try render(context, services: services, page: page, state: FormState())
    }
    app.post(
      "/contracts",
      CommercialPage.operation(
        "postContractsPage", "Record a contract", CommercialPermissions.contractsManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        try create(form, context: context, services: services)
        return page.done("/app/contracts", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try render(
          context, services: services, page: page, state: FormState(form: form, error: error),
          status: 422)
      }
    }
  }

  private static func create(
    _ form: FormBody, context: AuthenticatedContext, services: ModuleServices
  ) throws {
    var problems: [FieldError] = []
    let customer = CommercialForms.text(form, "customer_id").flatMap { Int64($0) }
    let card = CommercialForms.text(form, "rate_card_id").flatMap { Int64($0) }
    let target = CommercialForms.decimal(form, "on_time_target", problems: &problems) ?? 0
    if customer == nil { problems.append(FieldError(pointer: "/customer_id", code: "required")) }
    if card == nil { problems.append(FieldError(pointer: "/rate_card_id", code: "required")) }
    guard let customer, let card, problems.isEmpty else { throw ValidationFailure(problems) }
    let input = ContractView(
      customerID: customer, title: form["title"] ?? "", rateCardID: card,
      validFrom: form["valid_from"] ?? "", validThrough: form["valid_through"] ?? "",
      settlement: form["settlement"] ?? "",
      onTimeTargetBasisPoints: Int64((target * 100).rounded()),
      renewalReminderDays: Int(form["renewal_reminder_days"] ?? "") ?? 30)
    let now = services.clock.now()
    try context.write(services.database) { scope in
      guard try CRMLookups.name(of: Identifier(rawValue: customer), in: scope) != nil else {
        throw ValidationFailure([FieldError(pointer: "/customer_id", code: "unknown_choice")])
      }
      _ = try RateCardStore.load(Identifier(rawValue: card), scope)
      let contract = try input.contract(
        id: services.identifiers.next(),
        number: DocumentNumbers.next(prefix: "HT", at: now, timeZone: context.timeZone, in: scope)
          .description)
      try ContractStore.insert(contract, at: now, scope)
      try ContractRenewalReminders.scheduleDaily(
        jobs: services.jobs, after: now, timeZone: context.timeZone, in: scope)
      try context.audit(services.audit).record(
        entity: "contract", id: contract.id, action: "create", after: ["number": contract.number],
        in: scope)
    }
  }

  private static func render(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    state: FormState, status: Int = 200
  ) throws -> Response {
    let today = CivilDate(services.clock.now(), in: context.timeZone)
    let (contracts, names, customers, cards) = try context.read(services.database) { scope in
      let contracts = try ContractStore.list(scope)
      let named = try CustomerStore.list(ids: Array(Set(contracts.map(\.customerID))), scope)
      return (
        contracts,
        Dictionary(named.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
        try CRMLookups.choices(in: scope), try RateCardStore.list(scope)
      )
    }
    return page.render(
      context, path: "/app/contracts", titleKey: "contracts.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("contracts.title") }
      ExportableList.links("contracts", localizer: t)
      ContractTables.list(contracts, customerNames: names, today: today, localizer: t)
      if context.can(CommercialPermissions.contractsManage) {
        ContractTables.form(
          state, customers: customers, cards: cards, csrf: context.csrfToken, localizer: t)
      }
    }
  }
}
