import Foundation
import FreightdeskCore
import Storage
import Web

/// The quote API under `/api/v1`: make a quote (price frozen at creation), list and read
/// quotes, accept one (announcing `quote.accepted`) or expire it.
enum QuoteAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, services: ModuleServices) {
    let service = QuoteService(services: services)
    api.get(
      "/quotes",
      Web.Operation(
        id: "listQuotes", summary: "Quotes, latest first", tag: "Quotes",
        permission: CommercialPermissions.quotesRead, responseBody: .of(Page<QuoteView>.self),
        queryParameters: CommercialPaging.parameters)
    ) { request, context in
      let page = try PageRequest(from: request)
      let quotes = try context.read(services.database) {
        try QuoteStore.list(before: try CommercialPaging.before(page), limit: page.limit + 1, $0)
      }
      return try JSONBody.response(
        Page(fetched: quotes.map(QuoteView.init), limit: page.limit) {
          Cursor(keys: [$0.id.description])
        })
    }
    api.post(
      "/quotes",
      Web.Operation(
        id: "createQuote", summary: "Make a quote from an inquiry or directly", tag: "Quotes",
        permission: CommercialPermissions.quotesManage, requestBody: .of(NewQuote.self),
        responseBody: .of(QuoteView.self), successStatus: 201, honoursIdempotencyKey: true)
    ) { request, context in
      let input = try JSONBody.decode(NewQuote.self, from: request)
      return try services.idempotency.perform(request, for: context, database: services.database) {
        scope in
        let quote = try service.create(
          input, timeZone: context.timeZone, user: context.user,
          audit: context.audit(services.audit), scope)
        return try JSONBody.response(
          QuoteView(quote), status: 201, headers: ["Location": "/api/v1/quotes/\(quote.id)"])
      }
    }
    api.get(
      "/quotes/{id}",
      Web.Operation(
        id: "getQuote", summary: "One quote", tag: "Quotes",
        permission: CommercialPermissions.quotesRead, responseBody: .of(QuoteView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let quote = try context.read(services.database) { try QuoteStore.load(id, $0) }
      return try JSONBody.response(QuoteView(quote))
    }
    registerDecisions(api, service: service, services: services)
  }

  private static func registerDecisions(
    _ api: RouteGroup<AuthenticatedContext>, service: QuoteService, services: ModuleServices
  ) {
    api.post(
      "/quotes/expire-overdue",
      Web.Operation(
        id: "expireOverdueQuotes", summary: "Expire every open quote past its last valid day",
        tag: "Quotes", permission: CommercialPermissions.quotesManage,
        responseBody: .of(ExpiredQuotes.self))
    ) { _, context in
      let count = try context.write(services.database) { scope in
        try service.expireOverdue(
          timeZone: context.timeZone, audit: context.audit(services.audit), scope)
      }
      return try JSONBody.response(ExpiredQuotes(expired: count))
    }
    for (action, summary) in [
      ("accept", "Accept a quote; it becomes an order"), ("expire", "Expire an open quote"),
    ] {
      api.post(
        "/quotes/{id}/\(action)",
        Web.Operation(
          id: "\(action)Quote", summary: summary, tag: "Quotes",
          permission: CommercialPermissions.quotesManage, responseBody: .of(QuoteView.self))
      ) { _, context in
        let id = try context.request.parameters.identifier("id")
        let quote = try context.write(services.database) { scope in
          try service.decide(
            id, accept: action == "accept", timeZone: context.timeZone,
            audit: context.audit(services.audit), scope)
        }
        return try JSONBody.response(QuoteView(quote))
      }
    }
  }
}
