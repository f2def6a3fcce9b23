import Foundation
import FreightdeskCore
import Web

/// `/app/customers/new` and `/app/customers/{id}/edit`: the customer form, with field errors
/// and, on creation, a warning about similar customers that the user may confirm past.
enum CustomerFormPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage
  ) {
    let manage = CRMPermission.customersManage
    app.get(
      "/customers/new",
      CustomerListPage.operation("getNewCustomerPage", "The new customer form", manage)
    ) { _, context in
      try form(context, service: service, page: page, customer: nil, state: FormState())
    }
    app.post(
      "/customers", CustomerListPage.operation("postCustomersPage", "Create a customer", manage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let customer = try service.createCustomer(
          input(form, withContact: true), in: context.tenant,
          audit: context.audit(service.auditLog))
        return page.done(
          "/app/customers/\(customer.id)", message: "flash.customer_created",
          arguments: ["name": customer.shortName])
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try Self.form(
          context, service: service, page: page, customer: nil,
          state: FormState(form: form, error: error), status: error.kind.httpStatus)
      }
    }
    app.get(
      "/customers/{id}/edit",
      CustomerListPage.operation("getEditCustomerPage", "The customer edit form", manage)
    ) { _, context in
      let customer = try service.customer(
        try context.request.parameters.identifier("id"), in: context.tenant)
      return try form(
        context, service: service, page: page, customer: customer, state: values(customer))
    }
    app.post(
      "/customers/{id}/edit",
      CustomerListPage.operation("postEditCustomerPage", "Change a customer", manage)
    ) { request, context in
      let customer = try service.customer(
        try context.request.parameters.identifier("id"), in: context.tenant)
      let form = try FormBody(request)
      do {
        try service.updateCustomer(
          customer.id, input(form, withContact: false),
          version: Int64(form["version"] ?? "") ?? 0, in: context.tenant,
          audit: context.audit(service.auditLog))
        return page.done("/app/customers/\(customer.id)", message: "flash.saved")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try Self.form(
          context, service: service, page: page, customer: customer,
          state: FormState(form: form, error: error), status: error.kind.httpStatus)
      }
    }
  }

  /// The customer input a posted form describes.
  static func input(_ form: FormBody, withContact: Bool) -> CustomerInput {
    let owner = (form["owner_id"] ?? "").isEmpty ? nil : Int64(form["owner_id"] ?? "") ?? 0
    let contactName = form["contact/name"] ?? ""
    let contactMobile = form["contact/mobile"] ?? ""
    return CustomerInput(
      name: form["name"] ?? "", shortName: form["short_name"], creditCode: form["credit_code"],
      industry: form["industry"], segmentCode: form["segment_code"], source: form["source"],
      ownerID: owner.map(Identifier.init(rawValue:)),
      status: CustomerStatus(rawValue: form["status"] ?? ""),
      preferences: TransportPreferences(
        timeWindows: form["preferences/time_windows"] ?? "",
        nightDelivery: form["preferences/night_delivery"] == "1",
        coldChain: form["preferences/cold_chain"] == "1",
        receiptReturn: form["preferences/receipt_return"] == "1",
        packaging: form["preferences/packaging"] ?? "",
        driverNotes: form["preferences/driver_notes"] ?? ""),
      contact: withContact && !(contactName + contactMobile).trimmed.isEmpty
        ? ContactInput(name: contactName, title: form["contact/title"], mobile: contactMobile)
        : nil,
      confirmDuplicate: form["confirm_duplicate"] == "1")
  }

  private static func values(_ customer: Customer) -> FormState {
    let preferences = customer.preferences
    return FormState(values: [
      "name": customer.name, "short_name": customer.shortName,
      "credit_code": customer.creditCode ?? "", "industry": customer.industry,
      "segment_code": customer.segmentCode ?? "", "source": customer.source,
      "owner_id": customer.ownerID?.description ?? "", "status": customer.status.rawValue,
      "version": String(customer.version),
      "preferences/time_windows": preferences.timeWindows,
      "preferences/night_delivery": preferences.nightDelivery ? "1" : "",
      "preferences/cold_chain": preferences.coldChain ? "1" : "",
      "preferences/receipt_return": preferences.receiptReturn ? "1" : "",
      "preferences/packaging": preferences.packaging,
      "preferences/driver_notes": preferences.driverNotes,
    ])
  }

  private static func form(
    _ context: AuthenticatedContext, service: CRMService, page: SignedInPage,
    customer: Customer?, state: FormState, status: Int = 200
  ) throws -> Response {
    let segments = try service.segments(in: context.tenant)
    let staff = try service.staff.members(of: context.tenant)
    let action = customer.map { "/app/customers/\($0.id)/edit" } ?? "/app/customers"
    let titleKey = customer == nil ? "crm.customers.new" : "crm.customers.edit"
    return page.render(context, path: "/app/customers", titleKey: titleKey, status: status) { t in
      HTML.h1(.class("h3")) { t(titleKey) }
      duplicateWarning(state, localizer: t)
      FormControls.formErrors(
        FormState(errors: state.formErrors.filter { $0.code != "possible_duplicate_customer" }),
        localizer: t)
      HTML.form(.method("post"), .action(action), .class("row", "g-3")) {
        FormControls.csrf(context.csrfToken)
        HTML.input(.type("hidden"), .name("version"), .value(state.values["version"] ?? ""))
        HTML.div(.class("col-md-6")) {
          CustomerFormFields.profile(state, segments: segments, staff: staff, localizer: t)
        }
        HTML.div(.class("col-md-6")) {
          if customer == nil { CustomerFormFields.firstContact(state, localizer: t) }
          CustomerFormFields.preferences(state, localizer: t)
        }
        HTML.div(.class("col-12")) { FormControls.submit(t("common.save")) }
      }
    }
  }

  private static func duplicateWarning(_ state: FormState, localizer t: Localizer) -> HTML {
    HTML.group {
      for error in state.formErrors where error.code == "possible_duplicate_customer" {
        HTML.div(.class("alert", "alert-warning"), .role("alert")) {
          HTML.p { t("error.possible_duplicate_customer", error.arguments) }
          HTML.ul {
            for id in (error.arguments["ids"] ?? "").split(separator: ",") {
              HTML.li {
                HTML.a(.href("/app/customers/\(id)")) {
                  t("crm.duplicate.open", ["id": String(id)])
                }
              }
            }
          }
          HTML.p(.class("mb-0")) { t("crm.duplicate.confirm_help") }
        }
      }
    }
  }
}
