import Foundation
import FreightdeskCore
import Storage
import Web

/// The inquiry API under `/api/v1`: record inquiries, list them by stage, move them through
/// the pipeline (an impossible step answers 409 `inquiry_transition_not_allowed`), and the
/// conversion figures.
enum InquiryAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, services: ModuleServices) {
    let service = InquiryService(services: services)
    api.get(
      "/inquiries",
      Web.Operation(
        id: "listInquiries", summary: "Inquiries, latest first, optionally at one stage",
        tag: "Inquiries", permission: CommercialPermissions.quotesRead,
        responseBody: .of(Page<InquiryView>.self),
        queryParameters: CommercialPaging.parameters + [
          .init("stage", "new, qualified, quoted, won or lost")
        ])
    ) { request, context in
      let stage = try request.queryValue("stage").map { code in
        guard let stage = InquiryStage(rawValue: code) else {
          throw ValidationFailure(pointer: "/query/stage", code: "invalid_choice")
        }
        return stage
      }
      let page = try PageRequest(from: request)
      let inquiries = try context.read(services.database) {
        try InquiryStore.list(
          stage: stage, before: try CommercialPaging.before(page), limit: page.limit + 1, $0)
      }
      return try JSONBody.response(
        Page(fetched: inquiries.map(InquiryView.init), limit: page.limit) {
          Cursor(keys: [$0.id.description])
        })
    }
    api.post(
      "/inquiries",
      Web.Operation(
        id: "createInquiry", summary: "Record an inquiry", tag: "Inquiries",
        permission: CommercialPermissions.quotesManage, requestBody: .of(NewInquiry.self),
        responseBody: .of(InquiryView.self), successStatus: 201, honoursIdempotencyKey: true)
    ) { request, context in
      let input = try JSONBody.decode(NewInquiry.self, from: request)
      return try services.idempotency.perform(request, for: context, database: services.database) {
        scope in
        let inquiry = try service.create(
          input, source: "staff", timeZone: context.timeZone,
          audit: context.audit(services.audit), scope)
        return try JSONBody.response(
          InquiryView(inquiry), status: 201,
          headers: ["Location": "/api/v1/inquiries/\(inquiry.id)"])
      }
    }
    registerDetail(api, service: service, services: services)
  }

  private static func registerDetail(
    _ api: RouteGroup<AuthenticatedContext>, service: InquiryService, services: ModuleServices
  ) {
    api.get(
      "/inquiries/conversion",
      Web.Operation(
        id: "getInquiryConversion", summary: "Inquiries and won rate by month",
        tag: "Inquiries", permission: CommercialPermissions.quotesRead,
        responseBody: .of(ConversionList.self))
    ) { _, context in
      let figures = try context.read(services.database) {
        try service.conversion(timeZone: context.timeZone, $0)
      }
      return try JSONBody.response(
        ConversionList(
          items: figures.map {
            ConversionView(
              period: $0.period, total: $0.total,
              stages: Dictionary(
                uniqueKeysWithValues: $0.byStage.map { ($0.key.rawValue, $0.value) }),
              wonRateBasisPoints: $0.wonRateBasisPoints)
          }))
    }
    api.get(
      "/inquiries/{id}",
      Web.Operation(
        id: "getInquiry", summary: "One inquiry", tag: "Inquiries",
        permission: CommercialPermissions.quotesRead, responseBody: .of(InquiryView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let inquiry = try context.read(services.database) { try InquiryStore.load(id, $0) }
      return try JSONBody.response(InquiryView(inquiry))
    }
    api.post(
      "/inquiries/{id}/transitions",
      Web.Operation(
        id: "transitionInquiry", summary: "Move an inquiry: qualify, quote, win or lose",
        tag: "Inquiries", permission: CommercialPermissions.quotesManage,
        requestBody: .of(InquiryTransition.self), responseBody: .of(InquiryView.self))
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let input = try JSONBody.decode(InquiryTransition.self, from: request)
      let event = try InquiryEvent(name: input.event, reason: input.reason)
      let inquiry = try context.write(services.database) { scope in
        try service.apply(event, to: id, audit: context.audit(services.audit), scope)
      }
      return try JSONBody.response(InquiryView(inquiry))
    }
  }
}

extension InquiryEvent {
  /// The event named `name` (`lose` takes `reason`); another name is a field error.
  init(name: String, reason: String?) throws {
    switch name {
    case "qualify": self = .qualify
    case "quote": self = .quote
    case "win": self = .win
    case "lose": self = .lose(reason: reason ?? "")
    default: throw ValidationFailure(pointer: "/event", code: "invalid_choice")
    }
  }
}
