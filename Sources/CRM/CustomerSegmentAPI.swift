import FreightdeskCore
import Web

/// Saved customer segments in the JSON API under `/api/v1/segments`, with live counts, their
/// customers and their export.
enum CustomerSegmentAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, segments: CustomerSegments) {
    let service = segments.service
    api.get(
      "/segments",
      CustomerAPI.operation(
        "listSegments", "Saved customer segments by name, each with its live customer count",
        CRMPermission.customersRead, response: .of(ItemList<CountedCustomerSegment>.self))
    ) { _, context in
      try JSONBody.response(ItemList(items: try segments.list(in: context.tenant)))
    }
    api.post(
      "/segments",
      CustomerAPI.operation(
        "createSegment", "Save a customer segment", CRMPermission.customersManage,
        request: .of(CustomerSegmentInput.self), response: .of(CustomerSegment.self),
        status: 201)
    ) { request, context in
      let segment = try segments.create(
        try JSONBody.decode(CustomerSegmentInput.self, from: request), in: context.tenant,
        audit: context.audit(service.auditLog))
      return try JSONBody.response(
        segment, status: 201, headers: ["Location": "/api/v1/segments/\(segment.id)"])
    }
    api.get(
      "/segments/{id}",
      CustomerAPI.operation(
        "getSegment", "A saved customer segment with its live customer count",
        CRMPermission.customersRead, response: .of(CountedCustomerSegment.self))
    ) { _, context in
      try JSONBody.response(try segments.segment(try segmentID(context), in: context.tenant))
    }
    api.on(
      .put, "/segments/{id}",
      CustomerAPI.operation(
        "updateSegment", "Replace a saved segment's name and filter",
        CRMPermission.customersManage, request: .of(CustomerSegmentInput.self),
        response: .of(CustomerSegment.self))
    ) { request, context in
      try JSONBody.response(
        try segments.update(
          try segmentID(context), try JSONBody.decode(CustomerSegmentInput.self, from: request),
          in: context.tenant, audit: context.audit(service.auditLog)))
    }
    api.on(
      .delete, "/segments/{id}",
      CustomerAPI.operation(
        "deleteSegment", "Delete a saved segment", CRMPermission.customersManage, status: 204)
    ) { _, context in
      try segments.delete(
        try segmentID(context), in: context.tenant, audit: context.audit(service.auditLog))
      return Response(status: 204)
    }
    registerMembers(api, segments: segments)
  }

  private static func registerMembers(
    _ api: RouteGroup<AuthenticatedContext>, segments: CustomerSegments
  ) {
    api.get(
      "/segments/{id}/customers",
      CustomerAPI.operation(
        "listSegmentCustomers", "The customers a saved segment holds now, newest first",
        CRMPermission.customersRead, response: .of(ItemList<Customer>.self))
    ) { _, context in
      try JSONBody.response(
        ItemList(items: try segments.customers(of: try segmentID(context), in: context.tenant)))
    }
    api.get(
      "/segments/{id}/export",
      Web.Operation(
        id: "exportSegment", summary: "A saved segment's customers as a CSV or .xlsx file",
        tag: "Customers", permission: CRMPermission.customersRead, style: .plain,
        queryParameters: [.init("format", "csv or xlsx")])
    ) { request, context in
      try CustomerExport.file(
        try segments.customers(of: try segmentID(context), in: context.tenant),
        format: try ListExport.format(request),
        name: "segment", context: context, service: segments.service)
    }
  }

  static func segmentID(_ context: AuthenticatedContext) throws -> Identifier {
    try context.request.parameters.identifier("id")
  }
}
