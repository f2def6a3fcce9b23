import Foundation
import FreightdeskCore
import Storage
import Web

/// The pricing API under `/api/v1`: rate cards (versioned on every save), the company's
/// chargeable-weight rule, promotions, and `POST /prices`, which prices without saving.
enum PricingAPI {
  static func register(_ routes: ModuleRoutes) {
    let services = routes.services
    registerRateCards(routes.api, services: services)
    registerSettings(routes.api, services: services)
    registerPromotions(routes.api, services: services)
    routes.api.post(
      "/prices",
      Web.Operation(
        id: "computePrice", summary: "Price a shipment with its breakdown, without saving",
        tag: "Pricing", permission: CommercialPermissions.pricingRead,
        requestBody: .of(PricingRequestBody.self), responseBody: .of(PriceView.self))
    ) { request, context in
      let body = try JSONBody.decode(PricingRequestBody.self, from: request)
      let today = CivilDate(services.clock.now(), in: context.timeZone)
      let breakdown = try context.read(services.database) { scope in
        try PricingService.price(
          try body.pricingRequest(today: today),
          customer: body.customerID.map { Identifier(rawValue: $0) }, scope)
      }
      return try JSONBody.response(PriceView(breakdown))
    }
  }

  private static func registerRateCards(
    _ api: RouteGroup<AuthenticatedContext>, services: ModuleServices
  ) {
    api.get(
      "/rate-cards",
      Web.Operation(
        id: "listRateCards", summary: "The company's rate cards", tag: "Pricing",
        permission: CommercialPermissions.pricingRead, responseBody: .of(RateCardList.self))
    ) { _, context in
      let cards = try context.read(services.database) { try RateCardStore.list($0) }
      return try JSONBody.response(RateCardList(items: cards.map(RateCardView.init)))
    }
    api.post(
      "/rate-cards",
      Web.Operation(
        id: "createRateCard", summary: "Create a rate card (version 1)", tag: "Pricing",
        permission: CommercialPermissions.pricingManage, requestBody: .of(RateCardDocument.self),
        responseBody: .of(RateCardView.self), successStatus: 201, honoursIdempotencyKey: true)
    ) { request, context in
      let document = try JSONBody.decode(RateCardDocument.self, from: request)
      _ = try document.rateCard()
      return try services.idempotency.perform(request, for: context, database: services.database) {
        scope in
        let id = services.identifiers.next()
        try RateCardStore.insert(
          document, id: id, by: context.user, at: services.clock.now(),
          audit: context.audit(services.audit), scope)
        return try JSONBody.response(
          RateCardView(try RateCardStore.load(id, scope)), status: 201,
          headers: ["Location": "/api/v1/rate-cards/\(id)"])
      }
    }
    api.get(
      "/rate-cards/{id}",
      Web.Operation(
        id: "getRateCard", summary: "One rate card at its current version", tag: "Pricing",
        permission: CommercialPermissions.pricingRead, responseBody: .of(RateCardView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let card = try context.read(services.database) { try RateCardStore.load(id, $0) }
      return try JSONBody.response(
        RateCardView(card), headers: ["ETag": EntityTag(String(card.version)).description])
    }
    registerRateCardUpdate(api, services: services)
    api.get(
      "/rate-cards/{id}/versions/{version}",
      Web.Operation(
        id: "getRateCardVersion", summary: "A rate card as saved at one version", tag: "Pricing",
        permission: CommercialPermissions.pricingRead, responseBody: .of(RateCardView.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      let version = try context.request.parameters.require("version", as: Int64.self)
      let card = try context.read(services.database) {
        try RateCardStore.version(version, of: id, $0)
      }
      return try JSONBody.response(RateCardView(card))
    }
  }

  private static func registerRateCardUpdate(
    _ api: RouteGroup<AuthenticatedContext>, services: ModuleServices
  ) {
    api.on(
      .put, "/rate-cards/{id}",
      Web.Operation(
        id: "updateRateCard", summary: "Save a new version of a rate card", tag: "Pricing",
        permission: CommercialPermissions.pricingManage, requestBody: .of(RateCardDocument.self),
        responseBody: .of(RateCardView.self), requiresIfMatch: true)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let document = try JSONBody.decode(RateCardDocument.self, from: request)
      _ = try document.rateCard()
      let card = try context.write(services.database) { scope in
        let current = try RateCardStore.load(id, scope)
        try EntityTag.requireMatch(request, current: EntityTag(String(current.version)))
        try RateCardStore.update(
          current, to: document, by: context.user, at: services.clock.now(),
          audit: context.audit(services.audit), scope)
        return try RateCardStore.load(id, scope)
      }
      return try JSONBody.response(
        RateCardView(card), headers: ["ETag": EntityTag(String(card.version)).description])
    }
  }

  private static func registerSettings(
    _ api: RouteGroup<AuthenticatedContext>, services: ModuleServices
  ) {
    api.get(
      "/pricing-settings",
      Web.Operation(
        id: "getPricingSettings", summary: "The chargeable-weight rule", tag: "Pricing",
        permission: CommercialPermissions.pricingRead,
        responseBody: .of(PricingSettingsView.self))
    ) { _, context in
      let rule = try context.read(services.database) { try PricingSettingsStore.load($0) }
      return try JSONBody.response(
        PricingSettingsView(
          kilogramsPerCubicMetre: rule.kilogramsPerCubicMetre,
          weightRounding: rule.rounding.rawValue))
    }
    api.on(
      .put, "/pricing-settings",
      Web.Operation(
        id: "setPricingSettings", summary: "Set the volumetric factor and weight rounding",
        tag: "Pricing", permission: CommercialPermissions.pricingManage,
        requestBody: .of(PricingSettingsView.self), responseBody: .of(PricingSettingsView.self))
    ) { request, context in
      let input = try JSONBody.decode(PricingSettingsView.self, from: request)
      guard let rounding = WeightRounding(rawValue: input.weightRounding) else {
        throw ValidationFailure(pointer: "/weight_rounding", code: "invalid_choice")
      }
      guard (1...10_000).contains(input.kilogramsPerCubicMetre) else {
        throw ValidationFailure(
          pointer: "/kilograms_per_cubic_metre", code: "out_of_range",
          arguments: ["min": "1", "max": "10000"])
      }
      try context.write(services.database) { scope in
        try PricingSettingsStore.save(
          ChargeableWeight(
            kilogramsPerCubicMetre: input.kilogramsPerCubicMetre, rounding: rounding), scope)
        try context.audit(services.audit).record(
          entity: "pricing_settings", id: nil, action: "update",
          after: [
            "kilograms_per_cubic_metre": String(input.kilogramsPerCubicMetre),
            "weight_rounding": rounding.rawValue,
          ], in: scope)
      }
      return try JSONBody.response(input)
    }
  }

  private static func registerPromotions(
    _ api: RouteGroup<AuthenticatedContext>, services: ModuleServices
  ) {
    api.get(
      "/promotions",
      Web.Operation(
        id: "listPromotions", summary: "The company's promotions", tag: "Pricing",
        permission: CommercialPermissions.pricingRead, responseBody: .of(PromotionList.self))
    ) { _, context in
      let promotions = try context.read(services.database) { try PromotionStore.list($0) }
      return try JSONBody.response(PromotionList(items: promotions.map(PromotionView.init)))
    }
    api.post(
      "/promotions",
      Web.Operation(
        id: "createPromotion", summary: "Create a promotion for a segment and period",
        tag: "Pricing", permission: CommercialPermissions.pricingManage,
        requestBody: .of(PromotionView.self), responseBody: .of(PromotionView.self),
        successStatus: 201)
    ) { request, context in
      let promotion = try JSONBody.decode(PromotionView.self, from: request).promotion()
      try context.write(services.database) { scope in
        try PromotionStore.create(
          promotion, id: services.identifiers.next(), audit: context.audit(services.audit), scope)
      }
      return try JSONBody.response(PromotionView(promotion), status: 201)
    }
  }
}
