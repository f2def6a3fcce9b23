import FreightdeskCore
import Storage
import Web

/// The customers of the JSON API under `/api/v1/customers`.
enum CustomerAPI {
  /// The operations of this part of the API, tagged “Customers”.
  static let operation = APIOperations(tag: "Customers")

  static func register(_ routes: ModuleRoutes, service: CRMService) {
    let api = routes.api
    let idempotency = routes.services.idempotency
    api.get(
      "/customers",
      operation(
        "listCustomers", "The company's customers, newest first, filtered",
        CRMPermission.customersRead, response: .of(Page<Customer>.self),
        query: [
          .init("status", "prospect, active, dormant or lost"),
          .init("owner_id", "The owning sales rep's user id", type: "integer"),
          .init("segment", "A platform segment code"), .init("tag", "A tag"),
          .init("q", "Text in the name, short name or a contact's mobile"),
          .init("limit", "Customers per page (1-200)", type: "integer"),
          .init("cursor", "The next_cursor of the previous page"),
        ])
    ) { request, context in
      try JSONBody.response(
        try service.customers(
          try filter(request), page: try PageRequest(from: request), in: context.tenant))
    }
    api.post(
      "/customers",
      operation(
        "createCustomer", "Create a customer; similar ones answer 409 unless confirmed",
        CRMPermission.customersManage, request: .of(CustomerInput.self),
        response: .of(Customer.self), status: 201, idempotent: true)
    ) { request, context in
      let input = try JSONBody.decode(CustomerInput.self, from: request)
      let prepared = try service.prepareCustomer(input, in: context.tenant)
      return try idempotency.perform(request, for: context, database: service.database) {
        scope in
        let id = try service.insertCustomer(prepared, audit: context.audit(service.auditLog), scope)
        let customer = try CustomerStore.load(id, scope)
        return try JSONBody.response(
          customer, status: 201,
          headers: ["Location": "/api/v1/customers/\(id)", "ETag": tag(customer).description])
      }
    }
    api.get(
      "/customers/{id}",
      operation(
        "getCustomer", "One customer with preferences and terms", CRMPermission.customersRead,
        response: .of(Customer.self))
    ) { request, context in
      let customer = try service.customer(
        try context.request.parameters.identifier("id"), in: context.tenant)
      if EntityTag.isNotModified(request, current: tag(customer)) { return Response(status: 304) }
      return try JSONBody.response(customer, headers: ["ETag": tag(customer).description])
    }
    registerChanges(api, service: service)
    registerLookups(api, service: service)
  }

  private static func registerChanges(_ api: RouteGroup<AuthenticatedContext>, service: CRMService)
  {
    api.on(
      .put, "/customers/{id}",
      operation(
        "updateCustomer", "Replace a customer's profile and preferences",
        CRMPermission.customersManage, request: .of(CustomerInput.self),
        response: .of(Customer.self), ifMatch: true)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let input = try JSONBody.decode(CustomerInput.self, from: request)
      let current = try service.customer(id, in: context.tenant)
      try EntityTag.requireMatch(request, current: tag(current))
      let customer = try service.updateCustomer(
        id, input, version: current.version, in: context.tenant,
        audit: context.audit(service.auditLog))
      return try JSONBody.response(customer, headers: ["ETag": tag(customer).description])
    }
    api.on(
      .put, "/customers/{id}/terms",
      operation(
        "updateCustomerTerms", "Replace a customer's commercial terms",
        CRMPermission.termsManage, request: .of(CommercialTerms.self),
        response: .of(Customer.self), ifMatch: true)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let terms = try JSONBody.decode(CommercialTerms.self, from: request)
      let current = try service.customer(id, in: context.tenant)
      try EntityTag.requireMatch(request, current: tag(current))
      let customer = try service.updateTerms(
        id, terms, version: current.version, in: context.tenant,
        audit: context.audit(service.auditLog))
      return try JSONBody.response(customer, headers: ["ETag": tag(customer).description])
    }
    api.post(
      "/customers/{id}/merge",
      operation(
        "mergeCustomer", "Merge a duplicate customer into this one", CRMPermission.customersManage,
        request: .of(MergeRequest.self), response: .of(MergeResult.self))
    ) { request, context in
      let input = try JSONBody.decode(MergeRequest.self, from: request)
      let result = try service.merge(
        input.duplicateID, into: try context.request.parameters.identifier("id"),
        in: context.tenant, audit: context.audit(service.auditLog))
      return try JSONBody.response(result)
    }
  }

  private static func registerLookups(
    _ api: RouteGroup<AuthenticatedContext>, service: CRMService
  ) {
    api.get(
      "/customers/duplicates",
      operation(
        "findDuplicateCustomers",
        "Customers that look like one with these fields (the candidates a 409 warns of)",
        CRMPermission.customersRead, response: .of(ItemList<DuplicateCandidate>.self),
        query: [
          .init("name", "The registered name"), .init("credit_code", "统一社会信用代码"),
          .init("mobile", "A contact's mobile number"),
        ])
    ) { request, context in
      try JSONBody.response(
        ItemList(
          items: try service.duplicateCandidates(
            name: request.queryValue("name") ?? "", creditCode: request.queryValue("credit_code"),
            mobile: request.queryValue("mobile"), in: context.tenant)))
    }
    api.get(
      "/platform-segments",
      operation(
        "listPlatformSegments", "The company's e-commerce platform segments",
        CRMPermission.customersRead, response: .of(ItemList<PlatformSegment>.self))
    ) { _, context in
      try JSONBody.response(ItemList(items: try service.segments(in: context.tenant)))
    }
  }

  /// The list filters of the query string.
  static func filter(_ request: Request) throws -> CustomerFilter {
    var filter = CustomerFilter()
    if let status = request.queryValue("status"), !status.isEmpty {
      guard let value = CustomerStatus(rawValue: status) else {
        throw ValidationFailure(pointer: "/query/status", code: "unknown_choice")
      }
      filter.status = value
    }
    if let owner = request.queryValue("owner_id"), !owner.isEmpty {
      guard let value = Int64(owner) else {
        throw ValidationFailure(pointer: "/query/owner_id", code: "invalid_format")
      }
      filter.ownerID = Identifier(rawValue: value)
    }
    filter.segmentCode = request.queryValue("segment").flatMap { $0.isEmpty ? nil : $0 }
    filter.tag = request.queryValue("tag").flatMap { $0.isEmpty ? nil : $0 }
    filter.text = request.queryValue("q").flatMap { $0.trimmed.isEmpty ? nil : $0 }
    return filter
  }

  /// The customer's entity tag: its version.
  static func tag(_ customer: Customer) -> EntityTag {
    EntityTag(String(customer.version))
  }
}

/// A list without paging.
struct ItemList<Item: Codable & Sendable>: Codable, Sendable {
  var items: [Item]
}
