import FreightdeskCore
import Web

/// The posts of the 360° page's forms: contacts, addresses, interactions, follow-ups, terms
/// and merging. Each goes back to the page with a message, or shows it again with the
/// problems next to the form's fields (named `<form>/<field>`).
enum CustomerRecordPages {
  /// What one form post does; the strings are the form's field prefix and success message.
  private typealias Change = (
    path: String, prefix: String, message: String, permission: Permission,
    perform: @Sendable (FormBody, Identifier, AuthenticatedContext, CRMService) throws -> Void
  )

  private static let changes: [Change] = [
    ("contacts", "contact", "flash.contact_added", CRMPermission.customersManage, addContact),
    ("addresses", "address", "flash.address_added", CRMPermission.customersManage, addAddress),
    ("tags", "tag", "flash.tag_added", CRMPermission.customersManage, addTag),
    (
      "interactions", "interaction", "flash.interaction_logged",
      CRMPermission.interactionsManage, logInteraction
    ),
    (
      "follow-ups", "follow_up", "flash.follow_up_added", CRMPermission.interactionsManage,
      addFollowUp
    ),
    ("terms", "terms", "flash.saved", CRMPermission.termsManage, saveTerms),
    ("merge", "", "flash.customer_merged", CRMPermission.customersManage, merge),
  ]

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage,
    panels: CustomerPanelRegistry
  ) {
    for change in changes {
      app.post(
        "/customers/{id}/\(change.path)",
        CustomerListPage.operation(
          "postCustomer\(operationName(change.path))", "Customer page form: \(change.path)",
          change.permission)
      ) { request, context in
        let id = try context.request.parameters.identifier("id")
        let form = try FormBody(request)
        do {
          try change.perform(form, id, context, service)
          return page.done("/app/customers/\(id)", message: change.message)
        } catch let error as any UserFacingError
          where error.kind != .internalFailure && error.kind != .notFound
        {
          return try Customer360Page.render(
            context, customer: id, service: service, page: page, panels: panels,
            state: state(form, error: error, prefix: change.prefix),
            status: error.kind.httpStatus, request: request)
        }
      }
    }
    for kind in ["contacts", "addresses", "tags"] {
      app.post(
        "/customers/{id}/\(kind)/{record_id}/delete",
        CustomerListPage.operation(
          "postCustomer\(operationName(kind))Delete", "Customer page form: remove from \(kind)",
          CRMPermission.customersManage)
      ) { _, context in
        let id = try context.request.parameters.identifier("id")
        let record = try context.request.parameters.identifier("record_id")
        let audit = context.audit(service.auditLog)
        switch kind {
        case "contacts": try service.removeContact(record, of: id, in: context.tenant, audit: audit)
        case "addresses":
          try service.removeAddress(record, of: id, in: context.tenant, audit: audit)
        default: try service.removeTag(record, of: id, in: context.tenant, audit: audit)
        }
        return page.done("/app/customers/\(id)", message: "flash.deleted")
      }
    }
  }

  private static func operationName(_ path: String) -> String {
    path.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// The form's state with the error's field pointers moved under the form's prefix.
  private static func state(_ form: FormBody, error: any UserFacingError, prefix: String)
    -> FormState
  {
    var state = FormState(form: form, error: error)
    guard !prefix.isEmpty else { return state }
    state.errors = state.errors.map { error in
      guard !error.pointer.isEmpty else { return error }
      var moved = error
      moved.pointer = "/\(prefix)" + error.pointer
      return moved
    }
    return state
  }

  private static func field(_ form: FormBody, _ prefix: String, _ name: String) -> String? {
    form["\(prefix)/\(name)"].flatMap { $0.isEmpty ? nil : $0 }
  }

  private static func identifier(_ text: String?) -> Identifier? {
    text.map { Identifier(rawValue: Int64($0) ?? 0) }
  }

  private static func addContact(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    try service.addContact(
      ContactInput(
        name: field(form, "contact", "name") ?? "", title: field(form, "contact", "title"),
        mobile: field(form, "contact", "mobile"), email: field(form, "contact", "email"),
        wechat: field(form, "contact", "wechat")),
      to: customer, in: context.tenant, audit: context.audit(service.auditLog))
  }

  private static func addAddress(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    try service.addAddress(
      AddressInput(
        label: field(form, "address", "label"), province: field(form, "address", "province") ?? "",
        city: field(form, "address", "city") ?? "", district: field(form, "address", "district"),
        detail: field(form, "address", "detail") ?? ""),
      to: customer, in: context.tenant, audit: context.audit(service.auditLog))
  }

  private static func addTag(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    try service.addTag(
      TagInput(tag: form["tag/tag"] ?? "", reason: form["tag/reason"] ?? ""), to: customer,
      by: StaffMember(id: context.user, name: context.userName), in: context.tenant,
      audit: context.audit(service.auditLog))
  }

  private static func logInteraction(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    guard let kind = InteractionKind(rawValue: field(form, "interaction", "kind") ?? "") else {
      throw ValidationFailure(pointer: "/kind", code: "unknown_choice")
    }
    try service.logInteraction(
      InteractionInput(
        kind: kind, summary: field(form, "interaction", "summary") ?? "",
        contactID: identifier(field(form, "interaction", "contact_id")),
        reference: field(form, "interaction", "reference")),
      customer: customer, by: StaffMember(id: context.user, name: context.userName),
      in: context.tenant, audit: context.audit(service.auditLog))
  }

  private static func addFollowUp(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    try service.addFollowUp(
      FollowUpInput(
        title: field(form, "follow_up", "title") ?? "",
        dueOn: field(form, "follow_up", "due_on") ?? "",
        assigneeID: identifier(field(form, "follow_up", "assignee_id"))),
      customer: customer, by: context.user, in: context.tenant,
      audit: context.audit(service.auditLog))
  }

  private static func saveTerms(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    guard let limit = CustomerRules.fen(fromYuan: field(form, "terms", "credit_limit") ?? "0")
    else { throw ValidationFailure(pointer: "/credit_limit", code: "invalid_amount") }
    let number = { (name: String) in field(form, "terms", name).map { Int($0) ?? -1 } }
    let terms = CommercialTerms(
      settlement: Settlement(rawValue: field(form, "terms", "settlement") ?? "") ?? .prepaid,
      billingDay: number("billing_day"), paymentDays: number("payment_days"),
      creditRating: CreditRating(rawValue: field(form, "terms", "credit_rating") ?? "") ?? .c,
      creditLimitFen: limit)
    do {
      try service.updateTerms(
        customer, terms, version: Int64(form["version"] ?? "") ?? 0, in: context.tenant,
        audit: context.audit(service.auditLog))
    } catch let failure as ValidationFailure {
      // The form takes the limit in yuan, in a field named for that.
      throw ValidationFailure(
        failure.fieldErrors.map { error in
          var renamed = error
          if error.pointer == "/credit_limit_fen" { renamed.pointer = "/credit_limit" }
          return renamed
        })
    }
  }

  private static func merge(
    _ form: FormBody, _ customer: Identifier, _ context: AuthenticatedContext,
    _ service: CRMService
  ) throws {
    guard let duplicate = identifier(form["duplicate_id"]) else {
      throw ValidationFailure(pointer: "/duplicate_id", code: "required")
    }
    try service.merge(
      duplicate, into: customer, in: context.tenant, audit: context.audit(service.auditLog))
  }
}
