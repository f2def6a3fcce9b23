import FreightdeskCore
import Storage
import Web

/// A customer's contacts, addresses, interactions and follow-ups in the JSON API, and the
/// caller's open follow-ups.
enum CustomerRecordsAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, service: CRMService) {
    registerContacts(api, service: service)
    registerAddresses(api, service: service)
    registerTags(api, service: service)
    registerActivity(api, service: service)
  }

  private static func registerContacts(
    _ api: RouteGroup<AuthenticatedContext>, service: CRMService
  ) {
    api.get(
      "/customers/{id}/contacts",
      CustomerAPI.operation(
        "listCustomerContacts", "A customer's contacts", CRMPermission.customersRead,
        response: .of(ItemList<Contact>.self))
    ) { _, context in
      try JSONBody.response(
        ItemList(items: try service.contacts(of: try customerID(context), in: context.tenant)))
    }
    api.post(
      "/customers/{id}/contacts",
      CustomerAPI.operation(
        "createCustomerContact", "Add a contact to a customer", CRMPermission.customersManage,
        request: .of(ContactInput.self), response: .of(Contact.self), status: 201)
    ) { request, context in
      let contact = try service.addContact(
        try JSONBody.decode(ContactInput.self, from: request), to: try customerID(context),
        in: context.tenant, audit: context.audit(service.auditLog))
      return try JSONBody.response(contact, status: 201)
    }
    api.on(
      .delete, "/customers/{id}/contacts/{contact_id}",
      CustomerAPI.operation(
        "deleteCustomerContact", "Remove a contact from a customer",
        CRMPermission.customersManage, status: 204)
    ) { _, context in
      try service.removeContact(
        try context.request.parameters.identifier("contact_id"), of: try customerID(context),
        in: context.tenant, audit: context.audit(service.auditLog))
      return Response(status: 204)
    }
    api.on(
      .put, "/customers/{id}/contacts/{contact_id}",
      CustomerAPI.operation(
        "updateCustomerContact", "Replace a contact's fields", CRMPermission.customersManage,
        request: .of(ContactInput.self), response: .of(Contact.self))
    ) { request, context in
      try JSONBody.response(
        try service.updateContact(
          try context.request.parameters.identifier("contact_id"), of: try customerID(context),
          try JSONBody.decode(ContactInput.self, from: request), in: context.tenant,
          audit: context.audit(service.auditLog)))
    }
  }

  private static func registerAddresses(
    _ api: RouteGroup<AuthenticatedContext>, service: CRMService
  ) {
    api.get(
      "/customers/{id}/addresses",
      CustomerAPI.operation(
        "listCustomerAddresses", "A customer's addresses", CRMPermission.customersRead,
        response: .of(ItemList<CustomerAddress>.self))
    ) { _, context in
      try JSONBody.response(
        ItemList(items: try service.addresses(of: try customerID(context), in: context.tenant)))
    }
    api.post(
      "/customers/{id}/addresses",
      CustomerAPI.operation(
        "createCustomerAddress", "Add an address to a customer", CRMPermission.customersManage,
        request: .of(AddressInput.self), response: .of(CustomerAddress.self), status: 201)
    ) { request, context in
      let address = try service.addAddress(
        try JSONBody.decode(AddressInput.self, from: request), to: try customerID(context),
        in: context.tenant, audit: context.audit(service.auditLog))
      return try JSONBody.response(address, status: 201)
    }
    api.on(
      .delete, "/customers/{id}/addresses/{address_id}",
      CustomerAPI.operation(
        "deleteCustomerAddress", "Remove an address from a customer",
        CRMPermission.customersManage, status: 204)
    ) { _, context in
      try service.removeAddress(
        try context.request.parameters.identifier("address_id"), of: try customerID(context),
        in: context.tenant, audit: context.audit(service.auditLog))
      return Response(status: 204)
    }
    api.on(
      .put, "/customers/{id}/addresses/{address_id}",
      CustomerAPI.operation(
        "updateCustomerAddress", "Replace an address's fields", CRMPermission.customersManage,
        request: .of(AddressInput.self), response: .of(CustomerAddress.self))
    ) { request, context in
      try JSONBody.response(
        try service.updateAddress(
          try context.request.parameters.identifier("address_id"), of: try customerID(context),
          try JSONBody.decode(AddressInput.self, from: request), in: context.tenant,
          audit: context.audit(service.auditLog)))
    }
  }

  private static func registerTags(_ api: RouteGroup<AuthenticatedContext>, service: CRMService) {
    api.get(
      "/customers/{id}/tags",
      CustomerAPI.operation(
        "listCustomerTags", "A customer's tags with their reasons", CRMPermission.customersRead,
        response: .of(ItemList<CustomerTag>.self))
    ) { _, context in
      try JSONBody.response(
        ItemList(items: try service.tags(of: try customerID(context), in: context.tenant)))
    }
    api.post(
      "/customers/{id}/tags",
      CustomerAPI.operation(
        "createCustomerTag", "Tag a customer, saying why", CRMPermission.customersManage,
        request: .of(TagInput.self), response: .of(CustomerTag.self), status: 201)
    ) { request, context in
      let tag = try service.addTag(
        try JSONBody.decode(TagInput.self, from: request), to: try customerID(context),
        by: StaffMember(id: context.user, name: context.userName), in: context.tenant,
        audit: context.audit(service.auditLog))
      return try JSONBody.response(tag, status: 201)
    }
    api.on(
      .delete, "/customers/{id}/tags/{tag_id}",
      CustomerAPI.operation(
        "deleteCustomerTag", "Take a tag off a customer", CRMPermission.customersManage,
        status: 204)
    ) { _, context in
      try service.removeTag(
        try context.request.parameters.identifier("tag_id"), of: try customerID(context),
        in: context.tenant, audit: context.audit(service.auditLog))
      return Response(status: 204)
    }
  }

  private static func registerActivity(
    _ api: RouteGroup<AuthenticatedContext>, service: CRMService
  ) {
    api.get(
      "/customers/{id}/interactions",
      CustomerAPI.operation(
        "listCustomerInteractions", "A customer's interactions, newest first",
        CRMPermission.customersRead, response: .of(ItemList<Interaction>.self))
    ) { _, context in
      try JSONBody.response(
        ItemList(items: try service.interactions(of: try customerID(context), in: context.tenant)))
    }
    api.post(
      "/customers/{id}/interactions",
      CustomerAPI.operation(
        "createCustomerInteraction", "Log a call, visit, e-mail, WeChat message or note",
        CRMPermission.interactionsManage, request: .of(InteractionInput.self),
        response: .of(Interaction.self), status: 201)
    ) { request, context in
      let interaction = try service.logInteraction(
        try JSONBody.decode(InteractionInput.self, from: request),
        customer: try customerID(context),
        by: StaffMember(id: context.user, name: context.userName), in: context.tenant,
        audit: context.audit(service.auditLog))
      return try JSONBody.response(interaction, status: 201)
    }
    api.post(
      "/customers/{id}/follow-ups",
      CustomerAPI.operation(
        "createFollowUp", "Add a follow-up on a customer", CRMPermission.interactionsManage,
        request: .of(FollowUpInput.self), response: .of(ItemList<FollowUp>.self), status: 201)
    ) { request, context in
      let customer = try customerID(context)
      try service.addFollowUp(
        try JSONBody.decode(FollowUpInput.self, from: request), customer: customer,
        by: context.user, in: context.tenant, audit: context.audit(service.auditLog))
      return try JSONBody.response(
        ItemList(items: try service.followUps(of: customer, in: context.tenant)), status: 201)
    }
    api.get(
      "/follow-ups",
      CustomerAPI.operation(
        "listMyFollowUps", "The caller's open follow-ups, earliest due first",
        CRMPermission.interactionsManage, response: .of(ItemList<FollowUp>.self))
    ) { _, context in
      try JSONBody.response(
        ItemList(items: try service.openFollowUps(of: context.user, in: context.tenant)))
    }
    for (path, done) in [("done", true), ("reopen", false)] {
      api.post(
        "/follow-ups/{id}/\(path)",
        CustomerAPI.operation(
          done ? "completeFollowUp" : "reopenFollowUp",
          done ? "Mark a follow-up done" : "Open a done follow-up again",
          CRMPermission.interactionsManage, status: 204)
      ) { _, context in
        try service.setFollowUp(
          try context.request.parameters.identifier("id"), done: done, in: context.tenant,
          audit: context.audit(service.auditLog))
        return Response(status: 204)
      }
    }
  }

  static func customerID(_ context: AuthenticatedContext) throws -> Identifier {
    try context.request.parameters.identifier("id")
  }
}
