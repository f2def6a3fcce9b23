import Foundation
import FreightdeskCore
import Storage
import Web

/// The credit-hold API under `/api/v1`: finance lists holds and approves (an audited override
/// of the limit) or rejects them, each with a note.
enum CreditCheckAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, services: ModuleServices) {
    let review = CreditHoldReview(services: services)
    api.get(
      "/credit-holds",
      Web.Operation(
        id: "listCreditHolds", summary: "Credit holds, latest first", tag: "Credit",
        permission: CommercialPermissions.creditRead, responseBody: .of(Page<CreditHold>.self),
        queryParameters: CommercialPaging.parameters + [
          .init("status", "held, approved or rejected")
        ])
    ) { request, context in
      let page = try PageRequest(from: request)
      let holds = try context.read(services.database) {
        try CreditHoldStore.list(
          status: request.queryValue("status"), before: try CommercialPaging.before(page),
          limit: page.limit + 1, $0)
      }
      return try JSONBody.response(
        Page(fetched: holds, limit: page.limit) { Cursor(keys: [$0.id.description]) })
    }
    for (action, summary) in [
      ("approve", "Release a held amount despite the limit (audited override)"),
      ("reject", "Refuse a held amount"),
    ] {
      api.post(
        "/credit-holds/{id}/\(action)",
        Web.Operation(
          id: "\(action)CreditHold", summary: summary, tag: "Credit",
          permission: CommercialPermissions.creditApprove,
          requestBody: .of(CreditDecisionNote.self), responseBody: .of(CreditHold.self))
      ) { request, context in
        let id = try context.request.parameters.identifier("id")
        let input = try JSONBody.decode(CreditDecisionNote.self, from: request)
        let hold = try context.write(services.database) { scope in
          try review.decide(
            id, approve: action == "approve", note: input.note, by: context.user,
            audit: context.audit(services.audit), scope)
        }
        return try JSONBody.response(hold)
      }
    }
  }
}
