import FreightdeskCore
import Web

/// The company's tags in the JSON API, `/api/v1/tags`: each tag with how many customers carry
/// it, and renaming or removing a tag given by hand across every customer.
enum CompanyTagAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, service: CRMService) {
    api.get(
      "/tags",
      CustomerAPI.operation(
        "listTags", "The company's tags, manual and automatic, with how many customers carry each",
        CRMPermission.customersRead, response: .of(ItemList<CompanyTag>.self))
    ) { _, context in
      try JSONBody.response(ItemList(items: try service.companyTags(in: context.tenant)))
    }
    api.post(
      "/tags/rename",
      CustomerAPI.operation(
        "renameTag", "Rename a tag given by hand on every customer carrying it",
        CRMPermission.customersManage, request: .of(TagRenameInput.self),
        response: .of(TagChange.self))
    ) { request, context in
      try JSONBody.response(
        try service.renameTag(
          try JSONBody.decode(TagRenameInput.self, from: request), in: context.tenant,
          audit: context.audit(service.auditLog)))
    }
    api.post(
      "/tags/remove",
      CustomerAPI.operation(
        "removeTag", "Take a tag given by hand off every customer carrying it",
        CRMPermission.customersManage, request: .of(TagRemovalInput.self),
        response: .of(TagChange.self))
    ) { request, context in
      try JSONBody.response(
        try service.removeTagEverywhere(
          try JSONBody.decode(TagRemovalInput.self, from: request), in: context.tenant,
          audit: context.audit(service.auditLog)))
    }
  }
}
