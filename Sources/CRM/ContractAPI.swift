import Foundation
import FreightdeskCore
import Storage
import Web

/// The contract API under `/api/v1`: record contracts and read them, each flagged when due for
/// renewal; recording one makes sure the daily renewal reminders run.
enum ContractAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, services: ModuleServices) {
    api.get(
      "/contracts",
      Web.Operation(
        id: "listContracts", summary: "Contracts, ending soonest first", tag: "Contracts",
        permission: CommercialPermissions.contractsRead, responseBody: .of(ContractList.self))
    ) { _, context in
      let today = CivilDate(services.clock.now(), in: context.timeZone)
      let contracts = try context.read(services.database) { try ContractStore.list($0) }
      return try JSONBody.response(
        ContractList(items: contracts.map { ContractView($0, today: today) }))
    }
    api.post(
      "/contracts",
      Web.Operation(
        id: "createContract", summary: "Record a transport contract", tag: "Contracts",
        permission: CommercialPermissions.contractsManage, requestBody: .of(ContractView.self),
        responseBody: .of(ContractView.self), successStatus: 201, honoursIdempotencyKey: true)
    ) { request, context in
      let input = try JSONBody.decode(ContractView.self, from: request)
      let now = services.clock.now()
      return try services.idempotency.perform(request, for: context, database: services.database) {
        scope in
        _ = try RateCardStore.load(Identifier(rawValue: input.rateCardID), scope)
        guard
          try CRMLookups.name(of: Identifier(rawValue: input.customerID), in: scope) != nil
        else { throw ValidationFailure(pointer: "/customer_id", code: "unknown_choice") }
        let contract = try input.contract(
          id: services.identifiers.next(),
          number: DocumentNumbers.next(
            prefix: "HT", at: now, timeZone: context.timeZone, in: scope
          ).description)
        try ContractStore.insert(contract, at: now, scope)
        try ContractRenewalReminders.scheduleDaily(
          jobs: services.jobs, after: now, timeZone: context.timeZone, in: scope)
        try context.audit(services.audit).record(
          entity: "contract", id: contract.id, action: "create",
          after: ["number": contract.number, "customer_id": String(input.customerID)], in: scope)
        return try JSONBody.response(
          ContractView(contract, today: CivilDate(now, in: context.timeZone)), status: 201,
          headers: ["Location": "/api/v1/contracts/\(contract.id)"])
      }
    }
    api.get(
      "/contracts/{id}",
      Web.Operation(
        id: "getContract", summary: "One contract", tag: "Contracts",
        permission: CommercialPermissions.contractsRead, responseBody: .of(ContractView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let contract = try context.read(services.database) { try ContractStore.load(id, $0) }
      return try JSONBody.response(
        ContractView(contract, today: CivilDate(services.clock.now(), in: context.timeZone)))
    }
  }
}

extension ContractView {
  /// The contract it describes, or every broken field rule.
  func contract(id: Identifier, number: String) throws -> Contract {
    var problems: [FieldError] = []
    if title.trimmingCharacters(in: .whitespaces).isEmpty {
      problems.append(FieldError(pointer: "/title", code: "required"))
    }
    let from = CivilDate(validFrom)
    let through = CivilDate(validThrough)
    if from == nil { problems.append(FieldError(pointer: "/valid_from", code: "invalid_date")) }
    if through == nil || (from.map { through! < $0 } ?? false) {
      problems.append(FieldError(pointer: "/valid_through", code: "invalid_date"))
    }
    let settlement = ContractSettlement(rawValue: self.settlement)
    if settlement == nil {
      problems.append(FieldError(pointer: "/settlement", code: "invalid_choice"))
    }
    if !(0...10_000).contains(onTimeTargetBasisPoints) {
      problems.append(
        FieldError(
          pointer: "/on_time_target_basis_points", code: "out_of_range",
          arguments: ["min": "0", "max": "10000"]))
    }
    if !(0...365).contains(renewalReminderDays) {
      problems.append(
        FieldError(
          pointer: "/renewal_reminder_days", code: "out_of_range",
          arguments: ["min": "0", "max": "365"]))
    }
    guard let from, let through, let settlement, problems.isEmpty else {
      throw ValidationFailure(problems)
    }
    return Contract(
      id: id, number: number, customerID: Identifier(rawValue: customerID), title: title,
      rateCardID: Identifier(rawValue: rateCardID), validFrom: from, validThrough: through,
      settlement: settlement, onTimeTargetBasisPoints: onTimeTargetBasisPoints,
      renewalReminderDays: renewalReminderDays)
  }
}
